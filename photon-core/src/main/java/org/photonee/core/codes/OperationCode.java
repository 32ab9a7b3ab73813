package org.photonee.core.codes;

/** Operation codes of the LoadBalancing client protocol (LOADBALANCING.md §2.4). Wire values are unsigned bytes. */
public final class OperationCode {
    public static final int JOIN = 255;
    public static final int LEAVE = 254;
    public static final int RAISE_EVENT = 253;
    public static final int SET_PROPERTIES = 252;
    public static final int GET_PROPERTIES = 251;
    public static final int PING = 249;
    public static final int CHANGE_GROUPS = 248;
    public static final int AUTH_ONCE = 231;
    public static final int AUTHENTICATE = 230;
    public static final int JOIN_LOBBY = 229;
    public static final int LEAVE_LOBBY = 228;
    public static final int CREATE_GAME = 227;
    public static final int JOIN_GAME = 226;
    public static final int JOIN_RANDOM_GAME = 225;
    public static final int CANCEL_JOIN_RANDOM = 224;
    public static final int DEBUG_GAME = 223;
    public static final int FIND_FRIENDS = 222;
    public static final int LOBBY_STATS = 221;
    public static final int GET_REGIONS = 220;
    public static final int RPC = 219;
    public static final int SETTINGS = 218;
    public static final int GET_GAME_LIST = 217;

    private OperationCode() {
    }
}
