package org.photonee.core.codes;

/** Event codes (LOADBALANCING.md §2.6). Codes 0..240 are free for RaiseEvent; above that belong to the server. */
public final class EventCode {
    public static final int JOIN = 255;
    public static final int LEAVE = 254;
    public static final int PROPERTIES_CHANGED = 253;
    public static final int DISCONNECT = 252;
    public static final int ERROR_INFO = 251;
    public static final int CACHE_SLICE_CHANGED = 250;
    public static final int EVENT_CACHE_SLICE_PURGED = 249;
    public static final int GAME_LIST = 230;
    public static final int GAME_LIST_UPDATE = 229;
    public static final int QUEUE_STATE = 228;
    public static final int APP_STATS = 226;
    public static final int GAME_SERVER_OFFLINE = 225;
    public static final int LOBBY_STATS = 224;
    public static final int AUTH_EVENT = 223;

    /** Highest event code a client may raise. */
    public static final int MAX_CUSTOM_EVENT_CODE = 240;

    private EventCode() {
    }
}
