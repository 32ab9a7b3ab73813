package org.photonee.core.testing;

import java.nio.ByteBuffer;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import org.photonee.core.protocol.Message;
import org.photonee.core.protocol.ProtocolException;
import org.photonee.core.protocol.ProtocolLimits;
import org.photonee.core.protocol.WireFrame;
import org.photonee.core.protocol.WireProtocol;

/** A wire protocol for domain tests: a frame is an 8-byte handle to the message object, so nothing is encoded. */
public final class MessageProtocol implements WireProtocol {
    private final String name;
    private final Map<Long, Message> messages = new ConcurrentHashMap<>();
    private final AtomicLong nextHandle = new AtomicLong(1);

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
        long handle = nextHandle.getAndIncrement();
        messages.put(handle, message);
        return WireFrame.binary(ByteBuffer.allocate(8).putLong(0, handle).array());
    }

    @Override
    public Message decode(WireFrame frame, ProtocolLimits limits) throws ProtocolException {
        ByteBuffer b = frame.binary();
        Message m = b.remaining() == 8 ? messages.get(b.getLong(0)) : null;
        if (m == null) {
            throw new ProtocolException("not a test frame");
        }
        return m;
    }
}
