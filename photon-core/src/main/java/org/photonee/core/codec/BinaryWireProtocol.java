package org.photonee.core.codec;

import java.nio.ByteBuffer;
import java.util.function.Supplier;
import org.photonee.core.protocol.Message;
import org.photonee.core.protocol.ProtocolException;
import org.photonee.core.protocol.ProtocolLimits;
import org.photonee.core.protocol.WireFrame;
import org.photonee.core.protocol.WireProtocol;

/**
 * A binary subprotocol: one message per binary frame, encoded by a per-thread reused writer (the only allocation per
 * encoded message is the frame's own array) and decoded by a fresh reader. Stateless and thread-safe.
 */
public abstract class BinaryWireProtocol implements WireProtocol {
    private final String subprotocol;
    private final ThreadLocal<BinaryMessageWriter> writers;

    protected BinaryWireProtocol(String subprotocol, Supplier<BinaryMessageWriter> newWriter) {
        this.subprotocol = subprotocol;
        this.writers = ThreadLocal.withInitial(newWriter);
    }

    /** A reader over the frame's bytes. */
    protected abstract BinaryMessageReader reader(ByteBuffer bytes, ProtocolLimits limits);

    @Override
    public final String subprotocol() {
        return subprotocol;
    }

    @Override
    public final boolean isText() {
        return false;
    }

    @Override
    public final WireFrame encode(Message message) {
        BinaryMessageWriter writer = writers.get();
        try {
            return WireFrame.binary(writer.writeMessage(message).toByteArray());
        } finally {
            writer.reset();
        }
    }

    @Override
    public final Message decode(WireFrame frame, ProtocolLimits limits) throws ProtocolException {
        if (frame.isText()) {
            throw new ProtocolException("text frame on a " + subprotocol + " connection");
        }
        return reader(frame.binary(), limits).readMessage();
    }

    @Override
    public final String toString() {
        return subprotocol;
    }
}
