package org.photonee.core.stats;

import org.junit.jupiter.api.Test;
import org.photonee.core.auth.AesGcmTokenCodec;
import org.photonee.core.auth.AnonymousAuthenticator;
import org.photonee.core.auth.TokenIssuer;
import org.photonee.core.auth.TokenSettings;
import org.photonee.core.codes.DisconnectReason;
import org.photonee.core.codes.OperationCode;
import org.photonee.core.codes.ParameterCode;
import org.photonee.core.codes.ReturnCode;
import org.photonee.core.fiber.ManualFiber;
import org.photonee.core.nameserver.NameServerApplication;
import org.photonee.core.nameserver.NameServerSettings;
import org.photonee.core.peer.ExceptionHandler;
import org.photonee.core.peer.PeerEnvironment;
import org.photonee.core.peer.PeerSettings;
import org.photonee.core.testing.ChildFibers;
import org.photonee.core.testing.MessageProtocol;
import org.photonee.core.testing.TestPeer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The node's counters as peers see traffic, and limits an operator changes while peers are connected. */
class NodeStatsTest {
    private final ManualFiber fiber = new ManualFiber();
    private final NodeStats stats = new NodeStats();
    private final PeerEnvironment environment = new PeerEnvironment(new ChildFibers(fiber), PeerSettings.DEFAULTS,
            ExceptionHandler.DEFAULT, stats);
    private final NameServerApplication ns = new NameServerApplication(environment,
            NameServerSettings.singleRegion("ws://m/photon/master"),
            new TokenIssuer(new AesGcmTokenCodec("k"), TokenSettings.DEFAULTS), new AnonymousAuthenticator());

    @Test
    void operationsResponsesBytesConnectsAndDisconnectsAreCounted() {
        ns.start();
        TestPeer c = new TestPeer(ns, fiber, "ns", "p1", new MessageProtocol("Json"));
        c.expectOk(OperationCode.AUTHENTICATE, ParameterCode.APPLICATION_ID, "app");
        c.expectOk(OperationCode.GET_REGIONS);
        assertEquals(1, stats.connects());
        assertEquals(2, stats.operationsIn());
        assertEquals(2, stats.responsesOut());
        assertEquals(2, stats.messagesOut());
        assertTrue(stats.bytesIn() > 0 && stats.bytesOut() > 0);
        c.peer().disconnect();
        fiber.runPending();
        assertEquals(1, stats.disconnects(DisconnectReason.MANAGED_DISCONNECT));
    }

    @Test
    void aLoweredRateLimitAppliesToPeersAlreadyConnected() {
        ns.start();
        TestPeer c = new TestPeer(ns, fiber, "ns", "p2", new MessageProtocol("Json"));
        c.expectOk(OperationCode.GET_REGIONS);
        PeerSettings d = PeerSettings.DEFAULTS;
        environment.updateSettings(new PeerSettings(d.limits(), 1, d.operationLimitStrikes(),
                d.inactivityTimeoutMillis(), d.maxQueuedBytes()));
        c.expectError(ReturnCode.OPERATION_LIMIT_REACHED, OperationCode.GET_REGIONS);
    }
}
