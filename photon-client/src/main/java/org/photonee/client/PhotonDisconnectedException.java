package org.photonee.client;

import org.photonee.core.codes.ReturnCode;

/**
 * The connection closed while an operation was waiting for its answer, or an operation was attempted without a
 * connection. Carries the WebSocket close code and the reason the server gave (1006 when the socket just broke).
 */
public final class PhotonDisconnectedException extends PhotonException {
    private static final long serialVersionUID = 1L;

    private final int closeCode;
    private final String closeReason;

    public PhotonDisconnectedException(int operationCode, int closeCode, String closeReason) {
        super(operationCode, ReturnCode.INTERNAL_SERVER_ERROR, closeReason,
                "disconnected" + (operationCode >= 0 ? " during operation " + operationCode : "")
                        + " (close code " + closeCode + (closeReason == null || closeReason.isEmpty() ? "" : ", "
                        + closeReason) + ")");
        this.closeCode = closeCode;
        this.closeReason = closeReason;
    }

    /** The WebSocket close code: 1000 normal, 1006 broken connection, 1008 policy (e.g. auth timeout), ... */
    public int closeCode() {
        return closeCode;
    }

    public String closeReason() {
        return closeReason;
    }
}
