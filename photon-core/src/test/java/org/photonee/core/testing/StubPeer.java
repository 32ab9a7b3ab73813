package org.photonee.core.testing;

import java.util.ArrayList;
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

/** A peer without a connection that records what it is sent. */
public final class StubPeer implements Peer {
    private final String id;
    private final MessageProtocol protocol;
    public final List<Message> received = new ArrayList<>();
    public boolean disconnected;

    public StubPeer(String id) {
        this(id, new MessageProtocol("Json"));
    }

    public StubPeer(String id, MessageProtocol protocol) {
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
    public SendResult sendOperationResponse(OperationResponse response, SendParameters sendParameters) {
        received.add(response);
        return SendResult.OK;
    }

    @Override
    public SendResult sendEvent(EventData event, SendParameters sendParameters) {
        received.add(event);
        return SendResult.OK;
    }

    @Override
    public SendResult sendFrame(WireFrame frame, SendParameters sendParameters) {
        try {
            received.add(protocol.decode(frame, ProtocolLimits.DEFAULTS));
        } catch (ProtocolException e) {
            throw new AssertionError(e);
        }
        return SendResult.OK;
    }

    @Override
    public void disconnect() {
        disconnected = true;
    }
}
