package org.photonee.core.room;

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

/** Keeps messages in memory behind 8-byte handles and counts encodes, so tests see how often a message was built. */
public final class TestProtocol implements WireProtocol {
    private final String name;
    private final Map<Long, Message> messages = new ConcurrentHashMap<>();
    private final AtomicLong nextHandle = new AtomicLong(1);
    public final AtomicInteger encodes = new AtomicInteger();

    public TestProtocol(String name) {
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
        Message m = b.remaining() == 8 ? messages.get(b.getLong(0)) : null;
        if (m == null) {
            throw new ProtocolException("not a frame of this protocol");
        }
        return m;
    }
}
