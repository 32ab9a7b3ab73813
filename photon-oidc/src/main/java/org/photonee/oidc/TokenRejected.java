package org.photonee.oidc;

/** A token that failed a check; the message says which one (never the token itself). */
public final class TokenRejected extends Exception {
    public TokenRejected(String message) {
        super(message);
    }
}
