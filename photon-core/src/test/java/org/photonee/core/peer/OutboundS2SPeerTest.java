package org.photonee.core.peer;

import org.photonee.core.testing.MessageProtocol;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;
import org.photonee.core.codes.DisconnectReason;
import org.photonee.core.fiber.ManualFiber;
import org.photonee.core.protocol.EventData;
import org.photonee.core.protocol.OperationRequest;
import org.photonee.core.protocol.OperationResponse;

class OutboundS2SPeerTest {
    private final MessageProtocol protocol = new MessageProtocol("GpBinaryV16");
    private final ManualFiber fiber = new ManualFiber();
    private final List<String> log = new ArrayList<>();

    /** Refuses the first {@code failures} attempts, then hands out in-memory connections. */
    private final class FlakyConnector implements WebSocketConnector {
        int failures;
        int attempts;
        InMemoryConnection last;
        Listener lastListener;

        @Override
        public CompletableFuture<Connection> connect(URI uri, org.photonee.core.protocol.WireProtocol p,
                                                     Listener listener) {
            attempts++;
            if (attempts <= failures) {
                return CompletableFuture.failedFuture(new java.net.ConnectException("refused"));
            }
            last = new InMemoryConnection("link" + attempts, protocol);
            lastListener = listener;
            return CompletableFuture.completedFuture(last);
        }
    }

    private OutboundS2SPeer peer(FlakyConnector connector) {
        return new OutboundS2SPeer(URI.create("ws://127.0.0.1:1/photon/s2s"), protocol, connector,
                new PeerEnvironment(n -> fiber), new OutboundS2SPeer.Backoff(100, 1000)) {
            @Override
            protected void onConnectionEstablished() {
                log.add("established");
                sendOperationRequest(new OperationRequest(1), SendParameters.DEFAULT);
            }

            @Override
            protected void onConnectionFailed(String reason) {
                log.add("failed");
            }

            @Override
            protected void onEvent(EventData event, SendParameters sp) {
                log.add("event " + event.code());
            }

            @Override
            protected void onOperationResponse(OperationResponse response, SendParameters sp) {
                log.add("response " + response.code());
            }

            @Override
            protected void onOperationRequest(OperationRequest request, SendParameters sp) {
            }

            @Override
            protected void onDisconnect(DisconnectReason reason, String detail) {
                log.add("lost");
            }
        };
    }

    @Test
    void retriesWithBackoffUntilConnectedThenReconnectsAfterLoss() {
        FlakyConnector connector = new FlakyConnector();
        connector.failures = 2;
        OutboundS2SPeer peer = peer(connector);
        peer.start();
        fiber.runPending();
        assertEquals(List.of("failed"), log);
        fiber.advance(5_000);
        assertEquals(List.of("failed", "failed", "established"), log);
        assertEquals(1, connector.last.sentMessages().size(), "registered on the new link");

        connector.lastListener.onFrame(protocol.encode(new EventData(3)));
        connector.lastListener.onFrame(protocol.encode(OperationResponse.ok(1)));
        fiber.runPending();
        assertEquals(List.of("failed", "failed", "established", "event 3", "response 1"), log);

        connector.lastListener.onClosed(1006, "master died");
        fiber.advance(5_000);
        assertEquals(List.of("failed", "failed", "established", "event 3", "response 1", "lost", "established"),
                log);
        assertTrue(peer.isConnected());
    }

    @Test
    void stopEndsTheLinkAndReconnectsNoMore() {
        FlakyConnector connector = new FlakyConnector();
        OutboundS2SPeer peer = peer(connector);
        peer.start();
        fiber.runPending();
        peer.stop();
        fiber.advance(10_000);
        assertEquals(List.of("established", "lost"), log);
        assertEquals(1, connector.attempts);
        assertEquals(CloseCodes.GOING_AWAY, connector.last.closeCode);
    }
}
