package org.photonee.core.peer;

import org.photonee.core.testing.MessageProtocol;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;

import org.junit.jupiter.api.Test;
import org.photonee.core.codes.DisconnectReason;
import org.photonee.core.codes.ReturnCode;
import org.photonee.core.fiber.ManualFiber;
import org.photonee.core.protocol.OperationRequest;
import org.photonee.core.protocol.OperationResponse;

class ClientPeerTest {
    private final MessageProtocol protocol = new MessageProtocol("Test");
    private final ManualFiber fiber = new ManualFiber();
    private final InMemoryConnection connection = new InMemoryConnection("c", protocol);

    @Test
    void stateMachineIsAHandlerSwap() {
        OperationHandler authenticated = (peer, r, sp) -> OperationResponse.ok(r.code());
        OperationHandler initial = (peer, r, sp) -> {
            if (r.code() != 230) {
                return OperationResponse.error(r.code(), ReturnCode.OPERATION_DENIED, "Not authenticated");
            }
            ((ClientPeer) peer).setCurrentOperationHandler(authenticated);
            return OperationResponse.ok(230);
        };
        ClientPeer peer = new ClientPeer(new InitRequest(connection, protocol, "master", null, null, null),
                new PeerEnvironment(n -> fiber), initial);
        peer.receive(protocol.encode(new OperationRequest(229)));
        peer.receive(protocol.encode(new OperationRequest(230)));
        peer.receive(protocol.encode(new OperationRequest(229)));
        fiber.runPending();
        var codes = connection.sentMessages().stream().map(m -> ((OperationResponse) m).returnCode()).toList();
        assertEquals(java.util.List.of(ReturnCode.OPERATION_DENIED, ReturnCode.OK, ReturnCode.OK), codes);
        assertSame(authenticated, peer.currentOperationHandler());
    }

    @Test
    void disconnectGoesToTheCurrentHandlerThenEverythingIsDenied() {
        DisconnectReason[] seen = new DisconnectReason[1];
        OperationHandler handler = new OperationHandler() {
            @Override
            public OperationResponse onOperationRequest(PeerBase peer, OperationRequest r, SendParameters sp) {
                return OperationResponse.ok(r.code());
            }

            @Override
            public void onDisconnect(PeerBase peer, DisconnectReason reason, String detail) {
                seen[0] = reason;
            }
        };
        ClientPeer peer = new ClientPeer(new InitRequest(connection, protocol, "game", null, null, null),
                new PeerEnvironment(n -> fiber), handler);
        peer.transportClosed(DisconnectReason.CLIENT_TIMEOUT_DISCONNECT, "timeout");
        fiber.runPending();
        assertEquals(DisconnectReason.CLIENT_TIMEOUT_DISCONNECT, seen[0]);
        assertSame(OperationHandler.DISABLED, peer.currentOperationHandler());
    }
}
