package org.photonee.core.codes;

/** Why a connection ended, passed to {@code PeerBase.onDisconnect}. Values as inferred in LOADBALANCING.md §1.9. */
public enum DisconnectReason {
    /** The client closed the connection. */
    CLIENT_DISCONNECT(0),
    /** The client stopped responding. */
    CLIENT_TIMEOUT_DISCONNECT(1),
    /** The server application disconnected the peer (also: client too slow). */
    MANAGED_DISCONNECT(2),
    /** The server closed the connection because of a protocol error. */
    SERVER_DISCONNECT(3),
    /** No data within the inactivity timeout. */
    TIMEOUT_DISCONNECT(4),
    /** An outbound connection could not be established in time. */
    CONNECT_TIMEOUT(5);

    private final int code;

    DisconnectReason(int code) {
        this.code = code;
    }

    public int code() {
        return code;
    }
}
