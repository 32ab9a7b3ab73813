package org.photonee.client;

import org.photonee.core.protocol.OperationResponse;

/**
 * An operation failed: the server answered with a non-zero return code, or the connection ended before the answer
 * arrived. Carries what the server said so callers can branch on {@link #returnCode()} (see
 * {@link org.photonee.core.codes.ReturnCode}) instead of parsing messages.
 */
public class PhotonException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    private final int operationCode;
    private final short returnCode;
    private final String debugMessage;

    public PhotonException(int operationCode, short returnCode, String debugMessage) {
        super("operation " + operationCode + " failed with return code " + returnCode
                + (debugMessage == null ? "" : ": " + debugMessage));
        this.operationCode = operationCode;
        this.returnCode = returnCode;
        this.debugMessage = debugMessage;
    }

    /** For failures that are not a server answer (disconnects, bad responses); the message says what happened. */
    protected PhotonException(int operationCode, short returnCode, String debugMessage, String message) {
        super(message);
        this.operationCode = operationCode;
        this.returnCode = returnCode;
        this.debugMessage = debugMessage;
    }

    /** The exception for an error response. */
    public static PhotonException of(OperationResponse response) {
        return new PhotonException(response.code(), response.returnCode(), response.debugMessage());
    }

    /** The operation code that failed, or -1 when the failure was not tied to one operation. */
    public int operationCode() {
        return operationCode;
    }

    /** The server's return code ({@code ReturnCode}); {@code InternalServerError} (-1) for client-side failures. */
    public short returnCode() {
        return returnCode;
    }

    /** The server's debug message, or null. */
    public String debugMessage() {
        return debugMessage;
    }
}
