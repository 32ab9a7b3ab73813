package org.photonee.core.codes;

/** Why an actor left a room; 0..5 mirror {@link DisconnectReason}. */
public final class LeaveReason {
    public static final int CLIENT_DISCONNECT = 0;
    public static final int CLIENT_TIMEOUT_DISCONNECT = 1;
    public static final int MANAGED_DISCONNECT = 2;
    public static final int SERVER_DISCONNECT = 3;
    public static final int TIMEOUT_DISCONNECT = 4;
    public static final int CONNECT_TIMEOUT = 5;
    public static final int SWITCH_ROOM = 100;
    public static final int LEAVE_REQUEST = 101;
    public static final int PLAYER_TTL_TIMED_OUT = 102;
    public static final int PEER_LAST_TOUCH_TIMED_OUT = 103;
    public static final int PLUGIN_REQUEST = 104;
    public static final int PLUGIN_FAILED_JOIN = 105;

    private LeaveReason() {
    }
}
