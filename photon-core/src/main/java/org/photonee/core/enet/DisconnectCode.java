package org.photonee.core.enet;

/** The reason byte of a DISCONNECT command (§1.10) and what the client maps it to. */
public final class DisconnectCode {
    /** Client side: the client closed (its own disconnect carries no defined reason); also "unknown". */
    public static final int NONE = 0;
    /** DisconnectByServerLogic (1043): the application closed the peer, or a protocol violation. */
    public static final int SERVER_LOGIC = 1;
    /** DisconnectByServerTimeout (1041), and the client's own timeout disconnect. */
    public static final int TIMEOUT = 2;
    /** DisconnectByServerUserLimit (1042): peer limits. */
    public static final int USER_LIMIT = 3;

    private DisconnectCode() {
    }
}
