package org.photonee.core.auth;

/** A token was refused; {@link #returnCode()} is what the client gets (InvalidAuthentication or TokenExpired). */
public class TokenException extends Exception {
    private final short returnCode;

    public TokenException(short returnCode, String message) {
        super(message);
        this.returnCode = returnCode;
    }

    public short returnCode() {
        return returnCode;
    }
}
