package org.photonee.core.codes;

/** JoinRandomGame matchmaking modes (param 223). */
public final class MatchmakingMode {
    public static final int FILL_ROOM = 0;
    public static final int SERIAL_MATCHING = 1;
    public static final int RANDOM_MATCHING = 2;

    private MatchmakingMode() {
    }
}
