package org.photonee.core.s2s;

/** Operations a game server sends to its master (LOADBALANCING.md §2.2). */
public final class S2SOperationCode {
    /** Registration: the first request on a new link; the master answers Ok or an error. */
    public static final int REGISTER_GAME_SERVER = 1;

    private S2SOperationCode() {
    }
}
