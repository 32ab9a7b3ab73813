package org.photonee.core.testing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import org.photonee.core.fiber.ManualFiber;
import org.photonee.core.peer.ApplicationBase;
import org.photonee.core.peer.InitRequest;
import org.photonee.core.peer.PeerBase;
import org.photonee.core.protocol.EventData;
import org.photonee.core.protocol.Message;
import org.photonee.core.protocol.OperationRequest;
import org.photonee.core.protocol.OperationResponse;
import org.photonee.core.protocol.Parameters;

/** One in-memory connection to an application, driven by a manual fiber: send, then read what came back. */
public final class TestPeer {
    private final ManualFiber fiber;
    private final MessageProtocol protocol;
    private final RecordingConnection connection;
    private final PeerBase peer;
    private int read;

    public TestPeer(ApplicationBase app, ManualFiber fiber, String endpoint, String id, MessageProtocol protocol) {
        this(app, fiber, endpoint, id, protocol, false, null);
    }

    /**
     * @param secure    the connection counts as TLS (wss)
     * @param initToken a token in the init (UDP AuthOnce init), or null
     */
    public TestPeer(ApplicationBase app, ManualFiber fiber, String endpoint, String id, MessageProtocol protocol,
                    boolean secure, String initToken) {
        this.fiber = fiber;
        this.protocol = protocol;
        this.connection = new RecordingConnection(id, protocol);
        connection.setSecure(secure);
        this.peer = app.connect(new InitRequest(connection, protocol, endpoint, null, null, Map.of(), initToken));
        fiber.runPending();
    }

    public RecordingConnection connection() {
        return connection;
    }

    public PeerBase peer() {
        return peer;
    }

    /** Sends a request without running the fiber. */
    public void post(OperationRequest request) {
        peer.receive(protocol.encode(request));
    }

    /** Sends a request and runs everything it caused. */
    public void send(int code, Object... params) {
        post(new OperationRequest(code, Parameters.of(params)));
        fiber.runPending();
    }

    public void sendEvent(EventData event) {
        peer.receive(protocol.encode(event));
        fiber.runPending();
    }

    /** Sends a request and returns its response, which must be the one new response. */
    public OperationResponse request(int code, Object... params) {
        return request(new OperationRequest(code, Parameters.of(params)));
    }

    public OperationResponse request(OperationRequest request) {
        int code = request.code();
        post(request);
        fiber.runPending();
        List<OperationResponse> responses = newMessages().stream().filter(m -> m instanceof OperationResponse)
                .map(m -> (OperationResponse) m).toList();
        assertEquals(1, responses.size(), "responses to " + code + ": " + responses);
        assertEquals(code, responses.get(0).code());
        return responses.get(0);
    }

    /** Asserts the request fails with the code. */
    public OperationResponse expectError(short returnCode, int code, Object... params) {
        OperationResponse r = request(code, params);
        assertEquals(returnCode, r.returnCode(), () -> "return code of " + code + ": " + r.debugMessage());
        return r;
    }

    public OperationResponse expectOk(int code, Object... params) {
        OperationResponse r = request(code, params);
        assertTrue(r.isOk(), () -> "op " + code + " failed: " + r.returnCode() + " " + r.debugMessage());
        return r;
    }

    /** Messages received since the last call. */
    public List<Message> newMessages() {
        List<Message> all = connection.sent();
        List<Message> fresh = List.copyOf(all.subList(read, all.size()));
        read = all.size();
        return fresh;
    }

    /** All events of a code received so far (including already read ones). */
    public List<EventData> events(int code) {
        return connection.sent().stream().filter(m -> m instanceof EventData e && e.code() == code)
                .map(m -> (EventData) m).toList();
    }

    public List<Message> all() {
        return connection.sent();
    }

    public boolean isClosed() {
        return connection.closeCode() != null;
    }

    public void drop() {
        peer.transportClosed(org.photonee.core.codes.DisconnectReason.CLIENT_DISCONNECT, "test");
        fiber.runPending();
    }
}
