package org.photonee.core.protocol;

/**
 * A message could not be decoded: truncated, oversized, too deeply nested, an unknown type code, trailing bytes.
 * The message names the problem precisely; it is what the peer's close reason carries. Decoders throw only this.
 */
public class ProtocolException extends Exception {
    public ProtocolException(String message) {
        super(message);
    }

    public ProtocolException(String message, Throwable cause) {
        super(message, cause);
    }
}
