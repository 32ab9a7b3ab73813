package org.photonee.core.protocol;

/**
 * A wire protocol negotiated as the WebSocket subprotocol: {@code Json} (JavaScript SDK) or {@code GpBinaryV16}.
 * Implementations are stateless and thread-safe; one instance serves every peer that speaks it.
 */
public interface WireProtocol {
    /** The WebSocket subprotocol name that selects this protocol, e.g. {@code "GpBinaryV16"}. */
    String subprotocol();

    /** True when frames are WebSocket text messages. */
    boolean isText();

    /** Encodes one message into one frame. Throws IllegalArgumentException for a value the protocol cannot carry. */
    WireFrame encode(Message message);

    /** Decodes one frame into one message, within the given limits. */
    Message decode(WireFrame frame, ProtocolLimits limits) throws ProtocolException;
}
