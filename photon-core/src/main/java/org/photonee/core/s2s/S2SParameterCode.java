package org.photonee.core.s2s;

/**
 * Parameter keys of the S2S messages. Codes follow LOADBALANCING.md §2.2 where Photon defines one; where this
 * project carries more (full public URLs per subprotocol instead of ports, PlayerTTL/EmptyRoomTTL, full user
 * lists instead of deltas) it uses codes Photon leaves free in that message.
 */
public final class S2SParameterCode {
    // ---- RegisterGameServer ----
    /** Unique, stable id of the game server instance (String, required). */
    public static final int SERVER_ID = 3;
    /** Public addresses: Hashtable subprotocol name → full WebSocket URL (required, non-empty). */
    public static final int PUBLIC_ADDRESSES = 4;
    /** The server's credential, a token from {@link S2SCredentials} (String). Photon leaves code 5 unused. */
    public static final int CREDENTIAL = 5;
    /** {@code ServerState} code (int). */
    public static final int SERVER_STATE = 7;
    /** Number of load levels the server's calculator uses (int). */
    public static final int LOAD_LEVEL_COUNT = 15;
    /** Load balancer priority: lower bunches are used first (int). */
    public static final int LOAD_BALANCER_PRIORITY = 16;
    /** Current load level (int). */
    public static final int LOAD_INDEX = 18;

    // ---- UpdateServer ----
    public static final int PEER_COUNT = 20;
    public static final int GAME_COUNT = 21;
    public static final int UPDATE_LOAD_INDEX = 22;
    public static final int UPDATE_SERVER_STATE = 23;
    public static final int LOAD_LEVELS_COUNT = 48;

    // ---- UpdateAppStats ----
    public static final int APP_GAME_COUNT = 0;
    public static final int APP_PLAYER_COUNT = 1;

    // ---- UpdateGameState / RemoveGameState ----
    public static final int GAME_ID = 255;
    public static final int APPLICATION_ID = 224;
    public static final int APP_VERSION = 220;
    public static final int LOBBY_NAME = 213;
    public static final int LOBBY_TYPE = 212;
    /** Active actors (int). */
    public static final int ACTOR_COUNT = 229;
    /** Lobby-listed custom properties (Hashtable). */
    public static final int GAME_PROPERTIES = 248;
    public static final int MAX_PLAYERS = 24;
    public static final int IS_OPEN = 25;
    public static final int IS_VISIBLE = 26;
    /** The room's LobbyProperties key list (String[]). */
    public static final int PROPERTY_FILTER = 27;
    public static final int INACTIVE_COUNT = 28;
    public static final int IS_PERSISTENT = 29;
    /** PlayerTTL in ms (int). */
    public static final int PLAYER_TTL = 30;
    /** EmptyRoomTTL in ms (int). */
    public static final int EMPTY_ROOM_TTL = 31;
    /** User ids of active actors, the full list (String[]). */
    public static final int ACTIVE_USERS = 40;
    public static final int CHECK_USER_ON_JOIN = 43;
    public static final int INACTIVE_USERS = 44;
    public static final int EXCLUDED_USERS = 45;
    public static final int EXPECTED_USERS = 47;
    public static final int GAME_REMOVE_REASON = 197;

    private S2SParameterCode() {
    }
}
