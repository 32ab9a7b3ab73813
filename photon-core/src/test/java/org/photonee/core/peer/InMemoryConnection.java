package org.photonee.core.peer;

import org.photonee.core.testing.MessageProtocol;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.photonee.core.protocol.Message;
import org.photonee.core.protocol.ProtocolException;
import org.photonee.core.protocol.ProtocolLimits;
import org.photonee.core.protocol.WireFrame;

/** A connection that records what was sent and how it was closed; writes complete at once. */
class InMemoryConnection extends QueuedConnection {
    final List<WireFrame> sent = new CopyOnWriteArrayList<>();
    volatile Integer closeCode;
    volatile String closeReason;
    private final MessageProtocol protocol;

    InMemoryConnection(String id, MessageProtocol protocol, long maxQueuedBytes) {
        super(id, maxQueuedBytes);
        this.protocol = protocol;
    }

    InMemoryConnection(String id, MessageProtocol protocol) {
        this(id, protocol, 1 << 20);
    }

    @Override
    public String remoteAddress() {
        return "memory";
    }

    @Override
    public boolean isOpen() {
        return closeCode == null;
    }

    @Override
    protected void write(WireFrame frame) {
        sent.add(frame);
        writeCompleted(frame, null);
    }

    @Override
    protected void closeNow(int code, String reason) {
        closeCode = code;
        closeReason = reason;
    }

    @Override
    protected void onWriteFailed(Throwable error) {
        closeCode = 1006;
    }

    /** Decoded messages sent so far. */
    List<Message> sentMessages() {
        return sent.stream().map(f -> {
            try {
                return protocol.decode(f, ProtocolLimits.DEFAULTS);
            } catch (ProtocolException e) {
                throw new AssertionError(e);
            }
        }).toList();
    }
}
