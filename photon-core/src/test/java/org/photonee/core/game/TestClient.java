package org.photonee.core.game;

import java.util.List;
import org.photonee.core.codes.DisconnectReason;
import org.photonee.core.peer.InitRequest;
import org.photonee.core.peer.PeerBase;
import org.photonee.core.protocol.EventData;
import org.photonee.core.protocol.Message;
import org.photonee.core.protocol.OperationRequest;
import org.photonee.core.protocol.OperationResponse;
import org.photonee.core.protocol.Parameters;
import org.photonee.core.room.ManualFibers;
import org.photonee.core.testing.RecordingConnection;
import org.photonee.core.testing.MessageProtocol;

/** A client of the game server application over an in-memory connection, driven on manual fibers. */
final class TestClient {
    final RecordingConnection connection;
    final PeerBase peer;
    private final MessageProtocol protocol;
    private final ManualFibers fibers;

    TestClient(GameServerApplication app, MessageProtocol protocol, ManualFibers fibers, String id) {
        this(app, protocol, fibers, id, null);
    }

    /** @param initToken a token in the init (UDP AuthOnce), or null */
    TestClient(GameServerApplication app, MessageProtocol protocol, ManualFibers fibers, String id, String initToken) {
        this.connection = new RecordingConnection(id, protocol);
        this.protocol = protocol;
        this.fibers = fibers;
        this.peer = app.connect(new InitRequest(connection, protocol, "game", "app", null, null, initToken));
        fibers.runAll();
    }

    void send(int code, Object... parameters) {
        peer.receive(protocol.encode(new OperationRequest(code, Parameters.of(parameters))));
        fibers.runAll();
    }

    /** Sends and returns the last response to that operation. */
    OperationResponse call(int code, Object... parameters) {
        send(code, parameters);
        return lastResponse(code);
    }

    void drop() {
        peer.transportClosed(DisconnectReason.CLIENT_DISCONNECT, "dropped");
        fibers.runAll();
    }

    List<Message> received() {
        return connection.sent();
    }

    List<EventData> events(int code) {
        return received().stream().filter(m -> m instanceof EventData e && e.code() == code)
                .map(m -> (EventData) m).toList();
    }

    OperationResponse lastResponse(int code) {
        List<OperationResponse> r = received().stream()
                .filter(m -> m instanceof OperationResponse o && o.code() == code && !o.internal())
                .map(m -> (OperationResponse) m).toList();
        if (r.isEmpty()) {
            throw new AssertionError("no response to operation " + code + " in " + received());
        }
        return r.get(r.size() - 1);
    }

    boolean hasResponse(int code) {
        return received().stream().anyMatch(m -> m instanceof OperationResponse o && o.code() == code);
    }
}
