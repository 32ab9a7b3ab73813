package org.photonee.core.codes;

/** Parameter keys of operations and events (LOADBALANCING.md §2.5). Several codes carry two meanings by operation. */
public final class ParameterCode {
    public static final int GAME_ID = 255;
    public static final int ACTOR_NR = 254;
    public static final int TARGET_ACTOR_NR = 253;
    public static final int ACTORS = 252;
    public static final int PROPERTIES = 251;
    public static final int BROADCAST = 250;
    public static final int ACTOR_PROPERTIES = 249;
    public static final int GAME_PROPERTIES = 248;
    public static final int CACHE = 247;
    public static final int RECEIVER_GROUP = 246;
    public static final int DATA = 245;
    public static final int CODE = 244;
    public static final int FLUSH = 243;
    public static final int DELETE_CACHE_ON_LEAVE = 241;
    public static final int GROUP = 240;
    /** ChangeGroups: groups to remove. */
    public static final int GROUPS_FOR_REMOVE = 239;
    /** CreateGame/JoinGame: publish user ids. */
    public static final int PUBLISH_USER_ID = 239;
    /** ChangeGroups: groups to add. */
    public static final int GROUPS_FOR_ADD = 238;
    /** Create/Join/JoinRandom: expected users (slot reservation). */
    public static final int ADD_USERS = 238;
    public static final int SUPPRESS_ROOM_EVENTS = 237;
    public static final int EMPTY_ROOM_TTL = 236;
    public static final int PLAYER_TTL = 235;
    public static final int WEB_FLAGS = 234;
    public static final int IS_INACTIVE = 233;
    public static final int CHECK_USER_ON_JOIN = 232;
    public static final int EXPECTED_VALUES = 231;
    public static final int ADDRESS = 230;
    /** Events/stats: peer count. */
    public static final int PEER_COUNT = 229;
    /** JoinGame: rejoin of an actor still seen as active (same session). */
    public static final int FORCE_REJOIN = 229;
    public static final int GAME_COUNT = 228;
    public static final int MASTER_PEER_COUNT = 227;
    public static final int USER_ID = 225;
    public static final int APPLICATION_ID = 224;
    /** QueueState event: position. */
    public static final int POSITION = 223;
    /** JoinRandomGame: matchmaking mode. */
    public static final int MATCHMAKING_TYPE = 223;
    public static final int GAME_LIST = 222;
    public static final int TOKEN = 221;
    public static final int APP_VERSION = 220;
    public static final int NODE_ID = 219;
    public static final int INFO = 218;
    public static final int CLIENT_AUTHENTICATION_TYPE = 217;
    public static final int CLIENT_AUTHENTICATION_PARAMS = 216;
    /** JoinGame: join mode; legacy boolean form is CreateIfNotExists. */
    public static final int JOIN_MODE = 215;
    public static final int CLIENT_AUTHENTICATION_DATA = 214;
    public static final int LOBBY_NAME = 213;
    public static final int LOBBY_TYPE = 212;
    public static final int LOBBY_STATS = 211;
    public static final int REGION = 210;
    public static final int URI_PATH = 209;
    public static final int RPC_CALL_PARAMS = 208;
    public static final int RPC_CALL_RET_CODE = 207;
    public static final int RPC_CALL_RET_MESSAGE = 206;
    public static final int CACHE_SLICE_INDEX = 205;
    public static final int PLUGINS = 204;
    public static final int MASTER_CLIENT_ID = 203;
    public static final int NICKNAME = 202;
    public static final int PLUGIN_NAME = 201;
    public static final int PLUGIN_VERSION = 200;
    public static final int FLAGS = 199;
    public static final int CLOUD_TYPE = 198;
    public static final int GAME_REMOVE_REASON = 197;
    public static final int CLUSTER = 196;
    public static final int EXPECTED_PROTOCOL = 195;
    /** AuthOnce request: 0 = payload encryption; 10, 11, 13 = datagram encryption (refused here). */
    public static final int ENCRYPTION_MODE = 193;
    /**
     * AuthOnce response: the keys for encryption on master and game server, a dictionary (byte keys) with
     * 0 = mode, 1 = secret. The spec names the value but not its code; 192 is our choice (see README "AuthOnce").
     */
    public static final int ENCRYPTION_DATA = 192;
    public static final int ROOM_OPTION_FLAGS = 191;

    /** FindFriends request: user ids (string[]); response: online flags (bool[]). */
    public static final int FIND_FRIENDS_USER_LIST = 1;
    public static final int FIND_FRIENDS_IS_ONLINE = 1;
    /** FindFriends request: options; response: room names (string[], null when not in a room). */
    public static final int FIND_FRIENDS_OPTIONS = 2;
    public static final int FIND_FRIENDS_USER_STATES = 2;

    /** GetProperties: which property sets to return (1 game, 2 actor, 3 both). */
    public static final int PROPERTY_TYPE = 251;
    public static final int GAME_PROPERTY_KEYS = 248;
    public static final int ACTOR_PROPERTY_KEYS = 249;

    private ParameterCode() {
    }
}
