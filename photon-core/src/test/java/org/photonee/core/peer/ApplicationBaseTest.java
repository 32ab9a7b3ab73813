package org.photonee.core.peer;

import org.photonee.core.testing.MessageProtocol;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;

import org.junit.jupiter.api.Test;
import org.photonee.core.codes.DisconnectReason;
import org.photonee.core.fiber.ManualFiber;
import org.photonee.core.protocol.OperationResponse;

class ApplicationBaseTest {
    private final MessageProtocol protocol = new MessageProtocol("Test");
    private final ManualFiber fiber = new ManualFiber();

    private final ApplicationBase app = new ApplicationBase("test", new PeerEnvironment(n -> fiber)) {
        @Override
        protected PeerBase createPeer(InitRequest init) {
            if (init.applicationId() == null) {
                return null; // refuse connections that name no application
            }
            return new ClientPeer(init, environment(), (p, r, sp) -> OperationResponse.ok(r.code()));
        }
    };

    private InitRequest init(String id, String appId) {
        return new InitRequest(new InMemoryConnection(id, protocol), protocol, "game", appId, "4.4.0", null);
    }

    @Test
    void createPeerMayRefuseAndAcceptedPeersAreTrackedUntilTheyLeave() {
        app.start();
        assertNull(app.connect(init("a", null)));
        PeerBase peer = app.connect(init("b", "my-app"));
        assertNotNull(peer);
        assertEquals(1, app.peerCount());
        peer.transportClosed(DisconnectReason.CLIENT_DISCONNECT, "bye");
        fiber.runPending();
        assertEquals(0, app.peerCount());
    }

    @Test
    void peersAreCountedByTheTransportTheyCameInThrough() {
        app.start();
        app.connect(init("c1", "app"));
        app.connect(init("c2", "app"));
        app.connect(new InitRequest(new InMemoryConnection("n1", protocol) {
            @Override
            public Transport transport() {
                return Transport.NETTY;
            }
        }, protocol, "game", "app", "4.4.0", null));
        assertEquals(2, app.peerCount(Transport.CONTAINER));
        assertEquals(1, app.peerCount(Transport.NETTY));
        assertEquals(3, app.peerCount());
    }

    @Test
    void stopDisconnectsEveryPeerAndRefusesNewOnes() {
        app.start();
        InitRequest i1 = init("x", "app");
        PeerBase p1 = app.connect(i1);
        app.stop();
        fiber.runPending();
        assertEquals(CloseCodes.GOING_AWAY, ((InMemoryConnection) i1.connection()).closeCode);
        assertEquals(false, p1.isConnected());
        assertNull(app.connect(init("y", "app")));
    }

    @Test
    void inactivitySweepRunsOnTheApplicationFiber() {
        ApplicationBase strict = new ApplicationBase("strict", new PeerEnvironment(n -> fiber,
                new PeerSettings(org.photonee.core.protocol.ProtocolLimits.DEFAULTS, 0, 3, 1, 1 << 20), null)) {
            @Override
            protected PeerBase createPeer(InitRequest init) {
                return new ClientPeer(init, environment(), (p, r, sp) -> OperationResponse.ok(r.code()));
            }
        };
        strict.start();
        InitRequest i = init("idle", "app");
        strict.connect(i);
        sleep(5);
        fiber.advance(1_000);
        assertEquals(CloseCodes.GOING_AWAY, ((InMemoryConnection) i.connection()).closeCode);
        assertEquals(0, strict.peerCount());
    }

    private static void sleep(long ms) {
        try {
            Thread.sleep(ms);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
