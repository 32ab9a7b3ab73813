package org.photonee.core.testing;

import java.nio.ByteBuffer;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.photonee.core.protocol.Message;
import org.photonee.core.protocol.ProtocolException;
import org.photonee.core.protocol.ProtocolLimits;
import org.photonee.core.protocol.WireFrame;
import org.photonee.core.protocol.WireProtocol;

/**
 * A wire protocol for tests: a frame is an 8-byte handle to the message object, so nothing is encoded and any other
 * frame is "malformed". Counts encodes, so tests see how often a message was serialized (encode once per protocol).
 */
public final class MessageProtocol implements WireProtocol {
    private final String name;
    private final Map<Long, Message> messages = new ConcurrentHashMap<>();
    private final AtomicLong nextHandle = new AtomicLong(1);
    public final AtomicInteger encodes = new AtomicInteger();

    public MessageProtocol(String name) {
        this.name = name;
    }

    @Override
    public String subprotocol() {
        return name;
    }

    @Override
    public boolean isText() {
        return false;
    }

    @Override
    public WireFrame encode(Message message) {
        encodes.incrementAndGet();
        long handle = nextHandle.getAndIncrement();
        messages.put(handle, message);
        return WireFrame.binary(ByteBuffer.allocate(8).putLong(0, handle).array());
    }

    @Override
    public Message decode(WireFrame frame, ProtocolLimits limits) throws ProtocolException {
        ByteBuffer b = frame.binary();
        if (b.remaining() != 8) {
            throw new ProtocolException("expected an 8-byte handle, got " + b.remaining() + " bytes");
        }
        Message m = messages.get(b.getLong(0));
        if (m == null) {
            throw new ProtocolException("unknown handle");
        }
        return m;
    }
}
