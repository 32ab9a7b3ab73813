package org.photonee.netty;

import org.junit.jupiter.api.Test;
import org.photonee.core.codec.protocol16.GpBinaryV16Protocol;
import org.photonee.core.config.NettySettings;
import org.photonee.core.peer.Connection;
import org.photonee.core.peer.SendParameters;
import org.photonee.core.peer.SendResult;
import org.photonee.core.peer.WebSocketConnector;
import org.photonee.core.protocol.OperationRequest;
import org.photonee.core.protocol.OperationResponse;
import org.photonee.core.protocol.Parameters;
import org.photonee.core.protocol.ProtocolLimits;
import org.photonee.core.protocol.WireFrame;
import org.photonee.netty.client.NettyWebSocketConnector;

import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executors;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The benchmark's pieces on Netty: the load generator's client connector, and the bare relay ceiling. */
class BenchRelayAndConnectorTest {
    private static final GpBinaryV16Protocol BINARY = new GpBinaryV16Protocol();

    private static final class Inbox implements WebSocketConnector.Listener {
        final BlockingQueue<WireFrame> frames = new LinkedBlockingQueue<>();
        final CompletableFuture<Integer> closed = new CompletableFuture<>();

        @Override
        public void onFrame(WireFrame frame) {
            frames.add(frame);
        }

        @Override
        public void onClosed(int code, String reason) {
            closed.complete(code);
        }
    }

    private static NettyListener listener(EchoApplication ns, boolean relay) {
        NettyListener l = new NettyListener(new NettySettings(0, "127.0.0.1", 1, null, null, null, null, null, null, true),
                role -> "ns".equals(role) ? ns : null, Executors.defaultThreadFactory(), () -> null);
        return (relay ? l.withBenchRelay() : l).start();
    }

    @Test
    void connectorTalksToARoleAndSeesTheServersClose() throws Exception {
        EchoApplication ns = EchoApplication.started();
        NettyListener server = listener(ns, false);
        try (NettyWebSocketConnector connector = new NettyWebSocketConnector(1, 1 << 20,
                Executors.defaultThreadFactory())) {
            Inbox inbox = new Inbox();
            Connection c = connector.connect(URI.create("ws://127.0.0.1:" + server.localPort() + "/photon/ns"), BINARY,
                    inbox).get(10, TimeUnit.SECONDS);
            assertEquals(SendResult.OK, c.send(BINARY.encode(new OperationRequest(9, Parameters.of((byte) 1, 42))),
                    SendParameters.DEFAULT));
            OperationResponse echo = assertInstanceOf(OperationResponse.class,
                    BINARY.decode(inbox.frames.poll(10, TimeUnit.SECONDS), ProtocolLimits.DEFAULTS));
            assertEquals(42, echo.parameters().get(1));
            c.send(WireFrame.text("text on a binary connection"), SendParameters.DEFAULT);
            assertEquals(1003, inbox.closed.get(10, TimeUnit.SECONDS));
            assertThrows(Exception.class, () -> connector.connect(URI.create("ws://127.0.0.1:"
                    + server.localPort() + "/photon/bench/relay/1"), BINARY, new Inbox()).get(10, TimeUnit.SECONDS),
                    "no relay unless enabled");
        } finally {
            server.stop();
            ns.shutdown();
        }
    }

    @Test
    void relayRebroadcastsToItsGroupOnly() throws Exception {
        EchoApplication ns = EchoApplication.started();
        NettyListener server = listener(ns, true);
        try (NettyWebSocketConnector connector = new NettyWebSocketConnector(1, 1 << 20,
                Executors.defaultThreadFactory())) {
            List<Inbox> groupA = new ArrayList<>();
            List<Connection> connections = new ArrayList<>();
            for (int i = 0; i < 3; i++) {
                Inbox inbox = new Inbox();
                groupA.add(inbox);
                connections.add(connector.connect(URI.create("ws://127.0.0.1:" + server.localPort()
                        + "/photon/bench/relay/a"), BINARY, inbox).get(10, TimeUnit.SECONDS));
            }
            Inbox other = new Inbox();
            connector.connect(URI.create("ws://127.0.0.1:" + server.localPort() + "/photon/bench/relay/b"), BINARY,
                    other).get(10, TimeUnit.SECONDS);
            byte[] message = {1, 2, 3, 4};
            connections.get(0).send(WireFrame.binary(message), SendParameters.DEFAULT);
            for (Inbox inbox : groupA) {
                WireFrame got = inbox.frames.poll(10, TimeUnit.SECONDS);
                byte[] bytes = new byte[got.length()];
                got.binary().get(bytes);
                assertArrayEquals(message, bytes);
            }
            assertNull(other.frames.poll(300, TimeUnit.MILLISECONDS));
            assertTrue(BenchRelay.group("/photon/bench/relay/" + "x".repeat(40)) == null, "long names refused");
        } finally {
            server.stop();
            ns.shutdown();
        }
    }
}
