package org.photonee.core.testing;

import java.util.concurrent.CopyOnWriteArrayList;
import java.util.List;
import org.photonee.core.peer.Peer;
import org.photonee.core.peer.SendParameters;
import org.photonee.core.peer.SendResult;
import org.photonee.core.protocol.EventData;
import org.photonee.core.protocol.Message;
import org.photonee.core.protocol.OperationResponse;
import org.photonee.core.protocol.ProtocolException;
import org.photonee.core.protocol.ProtocolLimits;
import org.photonee.core.protocol.WireFrame;
import org.photonee.core.protocol.WireProtocol;

/** A peer without a connection that records what it is sent (with the send parameters), and whether it was
 * disconnected. */
public final class StubPeer implements Peer {
    private final String id;
    private final WireProtocol protocol;
    public final List<Message> received = new CopyOnWriteArrayList<>();
    public final List<SendParameters> sendParameters = new CopyOnWriteArrayList<>();
    public volatile boolean disconnected;
    /** What {@link #ioExecutor()} answers: null (no I/O thread of its own) unless a test sets one. */
    public volatile java.util.concurrent.Executor ioExecutor;

    public StubPeer(String id) {
        this(id, new MessageProtocol("Json"));
    }

    public StubPeer(String id, WireProtocol protocol) {
        this.id = id;
        this.protocol = protocol;
    }

    @Override
    public java.util.concurrent.Executor ioExecutor() {
        return ioExecutor;
    }

    @Override
    public String connectionId() {
        return id;
    }

    @Override
    public WireProtocol protocol() {
        return protocol;
    }

    @Override
    public SendResult sendOperationResponse(OperationResponse response, SendParameters sendParameters) {
        received.add(response);
        return SendResult.OK;
    }

    @Override
    public SendResult sendEvent(EventData event, SendParameters sp) {
        received.add(event);
        sendParameters.add(sp);
        return SendResult.OK;
    }

    @Override
    public SendResult sendFrame(WireFrame frame, SendParameters sp) {
        try {
            received.add(protocol.decode(frame, ProtocolLimits.DEFAULTS));
            sendParameters.add(sp);
        } catch (ProtocolException e) {
            throw new AssertionError(e);
        }
        return SendResult.OK;
    }

    @Override
    public void disconnect() {
        disconnected = true;
    }

    public List<EventData> events() {
        return received.stream().filter(m -> m instanceof EventData).map(m -> (EventData) m).toList();
    }

    public List<EventData> events(int code) {
        return events().stream().filter(e -> e.code() == code).toList();
    }

    public List<OperationResponse> responses() {
        return received.stream().filter(m -> m instanceof OperationResponse).map(m -> (OperationResponse) m)
                .toList();
    }

    public OperationResponse lastResponse() {
        List<OperationResponse> r = responses();
        if (r.isEmpty()) {
            throw new AssertionError("no response received by " + id);
        }
        return r.get(r.size() - 1);
    }

    public void clear() {
        received.clear();
        sendParameters.clear();
    }

    @Override
    public String toString() {
        return "StubPeer[" + id + "]";
    }
}
