package org.photonee.core.auth;

/**
 * Turns tokens into the opaque strings clients carry (param 221) and back. Implementations authenticate and encrypt
 * the content; decoding checks integrity and expiry.
 */
public interface TokenCodec {
    String encode(AuthToken token);

    /**
     * @throws TokenException with {@code ReturnCode.AUTHENTICATION_TOKEN_EXPIRED} when expired, or
     *                        {@code ReturnCode.INVALID_AUTHENTICATION} when forged, garbled or of a foreign key
     */
    AuthToken decode(String encoded) throws TokenException;
}
