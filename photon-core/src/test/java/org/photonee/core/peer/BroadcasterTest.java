package org.photonee.core.peer;

import org.photonee.core.testing.MessageProtocol;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.photonee.core.codes.DisconnectReason;
import org.photonee.core.fiber.ManualFiber;
import org.photonee.core.protocol.EventData;
import org.photonee.core.protocol.OperationRequest;

class BroadcasterTest {
    private final ManualFiber fiber = new ManualFiber();

    private PeerBase peer(MessageProtocol protocol, InMemoryConnection connection) {
        return new PeerBase(new InitRequest(connection, protocol, "game", null, null, null),
                new PeerEnvironment(n -> fiber)) {
            @Override
            protected void onOperationRequest(OperationRequest request, SendParameters sendParameters) {
            }

            @Override
            protected void onDisconnect(DisconnectReason reason, String detail) {
            }
        };
    }

    @Test
    void encodesOncePerProtocolNotPerReceiver() {
        MessageProtocol json = new MessageProtocol("Json");
        MessageProtocol binary = new MessageProtocol("GpBinaryV16");
        InMemoryConnection[] connections = new InMemoryConnection[6];
        PeerBase[] peers = new PeerBase[6];
        for (int i = 0; i < 6; i++) {
            MessageProtocol p = i % 2 == 0 ? json : binary;
            connections[i] = new InMemoryConnection("c" + i, p);
            peers[i] = peer(p, connections[i]);
        }
        int sent = Broadcaster.broadcast(new EventData(7), List.of(peers), SendParameters.DEFAULT);
        assertEquals(6, sent);
        assertEquals(1, json.encodes.get());
        assertEquals(1, binary.encodes.get());
        for (InMemoryConnection c : connections) {
            assertEquals(7, c.sentMessages().get(0).code());
        }
    }
}
