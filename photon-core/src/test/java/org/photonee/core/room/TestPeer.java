package org.photonee.core.room;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
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

/** A peer that records what the room sends it, and whether the room disconnected it. */
final class TestPeer implements Peer {
    private final String id;
    private final WireProtocol protocol;
    final List<Message> received = new CopyOnWriteArrayList<>();
    final List<SendParameters> sendParameters = new CopyOnWriteArrayList<>();
    boolean disconnected;

    TestPeer(String id, WireProtocol protocol) {
        this.id = id;
        this.protocol = protocol;
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
    public SendResult sendOperationResponse(OperationResponse response, SendParameters sp) {
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

    List<EventData> events() {
        return received.stream().filter(m -> m instanceof EventData).map(m -> (EventData) m).toList();
    }

    List<EventData> events(int code) {
        return events().stream().filter(e -> e.code() == code).toList();
    }

    List<OperationResponse> responses() {
        return received.stream().filter(m -> m instanceof OperationResponse).map(m -> (OperationResponse) m)
                .toList();
    }

    OperationResponse lastResponse() {
        List<OperationResponse> r = responses();
        if (r.isEmpty()) {
            throw new AssertionError("no response received by " + id);
        }
        return r.get(r.size() - 1);
    }

    void clear() {
        received.clear();
        sendParameters.clear();
    }

    @Override
    public String toString() {
        return "TestPeer[" + id + "]";
    }
}
