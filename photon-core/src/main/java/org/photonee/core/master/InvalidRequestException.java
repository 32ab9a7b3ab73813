package org.photonee.core.master;

/** A client request failed validation; carries the return code and message the client gets. */
final class InvalidRequestException extends Exception {
    private final short returnCode;

    InvalidRequestException(short returnCode, String message) {
        super(message, null, false, false);
        this.returnCode = returnCode;
    }

    short returnCode() {
        return returnCode;
    }
}
