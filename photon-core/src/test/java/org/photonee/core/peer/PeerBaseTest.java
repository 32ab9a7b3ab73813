package org.photonee.core.peer;

import org.photonee.core.testing.MessageProtocol;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.photonee.core.codes.DisconnectReason;
import org.photonee.core.codes.InternalOperationCode;
import org.photonee.core.codes.ReturnCode;
import org.photonee.core.fiber.ManualFiber;
import org.photonee.core.protocol.EventData;
import org.photonee.core.protocol.Message;
import org.photonee.core.protocol.OperationRequest;
import org.photonee.core.protocol.OperationResponse;
import org.photonee.core.protocol.Parameters;
import org.photonee.core.protocol.ProtocolLimits;
import org.photonee.core.protocol.ProtocolException;
import org.photonee.core.protocol.WireFrame;
import org.photonee.core.protocol.WireProtocol;

class PeerBaseTest {
    private final MessageProtocol protocol = new MessageProtocol("Test");
    private final ManualFiber fiber = new ManualFiber();
    private InMemoryConnection connection;
    private RecordingPeer peer;

    /** A peer that records what reached the application. */
    static final class RecordingPeer extends PeerBase {
        final List<OperationRequest> requests = new ArrayList<>();
        final List<DisconnectReason> disconnects = new ArrayList<>();
        RuntimeException failWith;

        RecordingPeer(InitRequest init, PeerEnvironment env) {
            super(init, env);
        }

        @Override
        protected void onOperationRequest(OperationRequest request, SendParameters sendParameters) {
            if (failWith != null) {
                throw failWith;
            }
            requests.add(request);
            sendOperationResponse(OperationResponse.ok(request.code()), sendParameters);
        }

        @Override
        protected void onDisconnect(DisconnectReason reason, String detail) {
            disconnects.add(reason);
        }
    }

    @BeforeEach
    void setUp() {
        connect(PeerSettings.DEFAULTS);
    }

    private void connect(PeerSettings settings) {
        connection = new InMemoryConnection("c1", protocol);
        PeerEnvironment env = new PeerEnvironment(name -> fiber, settings, ExceptionHandler.DEFAULT);
        peer = new RecordingPeer(new InitRequest(connection, protocol, "game", "app", "1.0", null), env);
    }

    private void send(Message m) {
        peer.receive(protocol.encode(m));
        fiber.runPending();
    }

    @Test
    void requestsReachTheApplicationInOrderOnTheFiber() {
        peer.receive(protocol.encode(new OperationRequest(1)));
        peer.receive(protocol.encode(new OperationRequest(2)));
        assertTrue(peer.requests.isEmpty(), "nothing runs before the fiber does");
        fiber.runPending();
        assertEquals(List.of(1, 2), peer.requests.stream().map(OperationRequest::code).toList());
    }

    @Test
    void pingIsAnsweredWithoutTheApplication() {
        send(new OperationRequest(InternalOperationCode.PING, Parameters.of(1, 49), true));
        assertTrue(peer.requests.isEmpty());
        OperationResponse pong = assertInstanceOf(OperationResponse.class, connection.sentMessages().get(0));
        assertTrue(pong.internal());
        assertEquals(49, pong.parameters().get(InternalOperationCode.PING_CLIENT_TIME));
        assertInstanceOf(Integer.class, pong.parameters().get(InternalOperationCode.PING_SERVER_TIME));
    }

    @Test
    void oversizedMessageClosesWithTooBigAndAReason() {
        connect(new PeerSettings(new ProtocolLimits(4, 8, 100, 100), 0, 3, 0, 1000));
        peer.receive(WireFrame.binary(new byte[8]));
        fiber.runPending();
        assertEquals(CloseCodes.MESSAGE_TOO_BIG, connection.closeCode);
        assertEquals("Message of 8 bytes exceeds the limit of 4", connection.closeReason);
        assertEquals(List.of(DisconnectReason.SERVER_DISCONNECT), peer.disconnects);
    }

    @Test
    void malformedMessageClosesWithTheDecoderMessage() {
        peer.receive(WireFrame.binary(new byte[3]));
        fiber.runPending();
        assertEquals(CloseCodes.INVALID_PAYLOAD, connection.closeCode);
        assertEquals("Malformed message: expected an 8-byte handle, got 3 bytes", connection.closeReason);
    }

    @Test
    void textFrameOnABinaryProtocolIsRefused() {
        peer.receive(WireFrame.text("hello"));
        fiber.runPending();
        assertEquals(CloseCodes.UNSUPPORTED_DATA, connection.closeCode);
    }

    @Test
    void clientEventsAreUnexpected() {
        send(new EventData(7));
        assertEquals(CloseCodes.PROTOCOL_ERROR, connection.closeCode);
    }

    @Test
    void escapedExceptionBecomesInternalServerErrorWithReferenceAndPeerStays() {
        peer.failWith = new IllegalStateException("boom");
        send(new OperationRequest(5));
        OperationResponse r = assertInstanceOf(OperationResponse.class, connection.sentMessages().get(0));
        assertEquals(ReturnCode.INTERNAL_SERVER_ERROR, r.returnCode());
        assertTrue(r.debugMessage().matches("Internal server error \\(ref [0-9a-f]{8}\\)"), r.debugMessage());
        assertTrue(peer.isConnected());
        peer.failWith = null;
        send(new OperationRequest(6));
        assertEquals(List.of(6), peer.requests.stream().map(OperationRequest::code).toList());
    }

    @Test
    void customExceptionHandlerMapsErrors() {
        connection = new InMemoryConnection("c2", protocol);
        ExceptionHandler mapper = (p, req, error, ref) -> OperationResponse.error(req.code(),
                ReturnCode.OPERATION_INVALID, error.getMessage());
        peer = new RecordingPeer(new InitRequest(connection, protocol, "game", null, null, null),
                new PeerEnvironment(name -> fiber, PeerSettings.DEFAULTS, mapper));
        peer.failWith = new IllegalArgumentException("bad value");
        send(new OperationRequest(5));
        OperationResponse r = (OperationResponse) connection.sentMessages().get(0);
        assertEquals(ReturnCode.OPERATION_INVALID, r.returnCode());
        assertEquals("bad value", r.debugMessage());
    }

    @Test
    void operationsOverTheLimitAreRefusedThenThePeerIsDisconnected() {
        connect(new PeerSettings(ProtocolLimits.DEFAULTS, 2, 1, 0, 1 << 20));
        send(new OperationRequest(1));
        send(new OperationRequest(2));
        assertTrue(peer.isConnected());
        send(new OperationRequest(3));
        assertFalse(peer.isConnected(), "one strike allowed");
        assertEquals(CloseCodes.POLICY_VIOLATION, connection.closeCode);
        assertEquals(List.of(DisconnectReason.MANAGED_DISCONNECT), peer.disconnects);
    }

    @Test
    void operationOverTheLimitGetsOperationLimitReached() {
        connect(new PeerSettings(ProtocolLimits.DEFAULTS, 1, 3, 0, 1 << 20));
        send(new OperationRequest(1));
        send(new OperationRequest(2));
        OperationResponse refused = (OperationResponse) connection.sentMessages().get(1);
        assertEquals(ReturnCode.OPERATION_LIMIT_REACHED, refused.returnCode());
        assertEquals(2, refused.code());
        assertEquals(List.of(1), peer.requests.stream().map(OperationRequest::code).toList());
        assertTrue(peer.isConnected());
    }

    @Test
    void disconnectIsReportedOnceAndLaterSendsFail() {
        peer.transportClosed(DisconnectReason.CLIENT_DISCONNECT, "bye");
        peer.transportClosed(DisconnectReason.CLIENT_TIMEOUT_DISCONNECT, "again");
        peer.disconnect();
        fiber.runPending();
        assertEquals(List.of(DisconnectReason.CLIENT_DISCONNECT), peer.disconnects);
        assertEquals(SendResult.DISCONNECTED, peer.sendEvent(new EventData(1), SendParameters.DEFAULT));
        assertNull(connection.closeCode, "the client closed; the server does not close again");
    }

    @Test
    void managedDisconnectDeliversQueuedResponseFirst() {
        peer.sendOperationResponseAndDisconnect(OperationResponse.ok(9), SendParameters.DEFAULT);
        fiber.runPending();
        assertEquals(1, connection.sent.size());
        assertEquals(CloseCodes.NORMAL, connection.closeCode);
        assertEquals(List.of(DisconnectReason.MANAGED_DISCONNECT), peer.disconnects);
    }

    @Test
    void inactivePeerIsDisconnectedWithTimeoutReason() {
        connect(new PeerSettings(ProtocolLimits.DEFAULTS, 0, 3, 50, 1 << 20));
        assertFalse(peer.checkInactivity(System.nanoTime()));
        assertTrue(peer.checkInactivity(System.nanoTime() + 60_000_000L));
        fiber.runPending();
        assertEquals(List.of(DisconnectReason.TIMEOUT_DISCONNECT), peer.disconnects);
        assertEquals(CloseCodes.GOING_AWAY, connection.closeCode);
    }

    @Test
    void fullSendBufferDisconnectsTheSlowPeer() {
        connection = new InMemoryConnection("slow", protocol, 10) {
            @Override
            protected void write(WireFrame frame) {
                // never completes: a client that stopped reading
            }
        };
        peer = new RecordingPeer(new InitRequest(connection, protocol, "game", null, null, null),
                new PeerEnvironment(name -> fiber));
        assertEquals(SendResult.OK, peer.sendEvent(new EventData(1), SendParameters.DEFAULT));
        assertEquals(SendResult.SEND_BUFFER_FULL, peer.sendEvent(new EventData(2), SendParameters.DEFAULT));
        fiber.runPending();
        assertEquals(List.of(DisconnectReason.MANAGED_DISCONNECT), peer.disconnects);
        assertEquals(CloseCodes.POLICY_VIOLATION, connection.closeCode, "closed at once, not after the stuck write");
    }

    @Test
    void encryptedSendIsRefusedWithoutEncryption() {
        assertEquals(SendResult.ENCRYPTION_NOT_SUPPORTED,
                peer.sendEvent(new EventData(1), new SendParameters(0, false, false, true)));
    }

    @Test
    void aResponseTheProtocolCannotEncodeIsAnsweredWithInternalServerError() {
        WireProtocol picky = new WireProtocol() {
            @Override
            public String subprotocol() {
                return protocol.subprotocol();
            }

            @Override
            public boolean isText() {
                return false;
            }

            @Override
            public WireFrame encode(Message message) {
                if (message instanceof OperationResponse r && r.parameters().get(1) != null) {
                    throw new IllegalArgumentException("cannot encode null array elements");
                }
                return protocol.encode(message);
            }

            @Override
            public Message decode(WireFrame frame, ProtocolLimits limits) throws ProtocolException {
                return protocol.decode(frame, limits);
            }
        };
        PeerEnvironment env = new PeerEnvironment(name -> fiber, PeerSettings.DEFAULTS, ExceptionHandler.DEFAULT);
        PeerBase p = new RecordingPeer(new InitRequest(connection, picky, "game", "app", "1.0", null), env);
        p.sendOperationResponse(OperationResponse.ok(222, Parameters.of(1, new String[] {null})),
                SendParameters.DEFAULT);
        OperationResponse r = assertInstanceOf(OperationResponse.class, connection.sentMessages().get(0));
        assertEquals(222, r.code());
        assertEquals(ReturnCode.INTERNAL_SERVER_ERROR, r.returnCode());
    }
}
