package org.photonee.core.s2s;

/** Events a game server sends to its master (LOADBALANCING.md §2.2). */
public final class S2SEventCode {
    /** Load level, peer count, state and game count: every second and on every level change. */
    public static final int UPDATE_SERVER = 1;
    /** Totals of games and players on the server. */
    public static final int UPDATE_APP_STATS = 2;
    /** A room's full lobby-visible state, on create and on every visible change. */
    public static final int UPDATE_GAME_STATE = 3;
    /** A room is gone. */
    public static final int REMOVE_GAME_STATE = 4;
    /** The server leaves gracefully: no new games, existing ones stay listed until they end or the link drops. */
    public static final int GAME_SERVER_LEAVE = 11;

    private S2SEventCode() {
    }
}
