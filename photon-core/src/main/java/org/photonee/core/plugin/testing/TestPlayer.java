package org.photonee.core.plugin.testing;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.photonee.core.codec.json.JsonProtocol;
import org.photonee.core.codes.ParameterCode;
import org.photonee.core.peer.Peer;
import org.photonee.core.peer.SendParameters;
import org.photonee.core.peer.SendResult;
import org.photonee.core.protocol.EventData;
import org.photonee.core.protocol.Message;
import org.photonee.core.protocol.OperationResponse;
import org.photonee.core.protocol.Parameters;
import org.photonee.core.protocol.PhotonHashtable;
import org.photonee.core.protocol.ProtocolException;
import org.photonee.core.protocol.ProtocolLimits;
import org.photonee.core.protocol.WireFrame;
import org.photonee.core.protocol.WireProtocol;
import org.photonee.core.room.RoomMember;

/** A player of a {@link TestRoom}: sends room operations and records what the room sent it. */
public final class TestPlayer implements RoomMember, Peer {
    private static final WireProtocol PROTOCOL = new JsonProtocol();
    private final TestRoom room;
    private final String userId;
    private final String connectionId;
    private final List<Message> received = new CopyOnWriteArrayList<>();
    private volatile boolean disconnected;

    TestPlayer(TestRoom room, String userId, String connectionId) {
        this.room = room;
        this.userId = userId;
        this.connectionId = connectionId;
    }

    public String userId() {
        return userId;
    }

    /** RaiseEvent to the others with the event's data. */
    public void raise(int code, Object data) {
        raise(ParameterCode.CODE, code, ParameterCode.DATA, data);
    }

    /** RaiseEvent with any parameters, as code/value pairs. */
    public void raise(Object... parameters) {
        room.onRoom(r -> r.raiseEvent(this, Parameters.of(parameters), SendParameters.DEFAULT));
    }

    /** SetProperties of the room. */
    public void setRoomProperties(PhotonHashtable properties) {
        room.onRoom(r -> r.setProperties(this, Parameters.of(ParameterCode.PROPERTIES, properties)));
    }

    public void leave() {
        room.onRoom(r -> r.leave(this, new Parameters()));
    }

    public List<EventData> events(int code) {
        return received.stream().filter(m -> m instanceof EventData e && e.code() == code)
                .map(m -> (EventData) m).toList();
    }

    /** The last operation response this player got. */
    public OperationResponse lastResponse() {
        List<OperationResponse> r = received.stream().filter(m -> m instanceof OperationResponse)
                .map(m -> (OperationResponse) m).toList();
        if (r.isEmpty()) {
            throw new AssertionError(userId + " got no response");
        }
        return r.get(r.size() - 1);
    }

    public boolean isDisconnected() {
        return disconnected;
    }

    @Override
    public Peer peer() {
        return this;
    }

    @Override
    public String connectionId() {
        return connectionId;
    }

    @Override
    public WireProtocol protocol() {
        return PROTOCOL;
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
            received.add(PROTOCOL.decode(frame, ProtocolLimits.DEFAULTS));
        } catch (ProtocolException e) {
            throw new IllegalStateException(e);
        }
        return SendResult.OK;
    }

    @Override
    public void disconnect() {
        disconnected = true;
    }

    @Override
    public String toString() {
        return "TestPlayer[" + userId + "]";
    }
}
