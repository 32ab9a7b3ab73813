package org.photonee.client;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetSocketAddress;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.photonee.core.codec.WireProtocols;
import org.photonee.core.config.UdpSettings;
import org.photonee.core.enet.Command;
import org.photonee.core.enet.CommandType;
import org.photonee.core.enet.Datagram;
import org.photonee.core.enet.DatagramCodec;
import org.photonee.core.enet.Drop;
import org.photonee.core.fiber.PoolFiber;
import org.photonee.core.peer.ApplicationBase;
import org.photonee.core.peer.ClientPeer;
import org.photonee.core.peer.InitRequest;
import org.photonee.core.peer.PeerBase;
import org.photonee.core.peer.PeerEnvironment;
import org.photonee.core.peer.SendParameters;
import org.photonee.core.protocol.EventData;
import org.photonee.core.protocol.OperationRequest;
import org.photonee.core.protocol.OperationResponse;
import org.photonee.core.protocol.Parameters;
import org.photonee.core.protocol.Values;
import org.photonee.netty.udp.UdpListener;

/**
 * The Java client over the UDP listener, in one JVM: a role that answers operation 1 with an event on the channel
 * and with the reliability the request came with, reached through a relay that drops 5 %, duplicates and reorders.
 */
class UdpTransportTest {
    /** Reflects each request 1 back as event 100 with its parameters, with the request's own SendParameters. */
    static final class ReflectApplication extends ApplicationBase {
        final List<SendParameters> received = new CopyOnWriteArrayList<>();
        final List<InitRequest> inits = new CopyOnWriteArrayList<>();

        ReflectApplication(PeerEnvironment environment) {
            super("reflect", environment);
        }

        @Override
        protected PeerBase createPeer(InitRequest init) {
            inits.add(init);
            return new ClientPeer(init, environment(), (peer, request, sp) -> {
                received.add(sp);
                if (request.code() == 1) {
                    peer.sendEvent(new EventData(100, request.parameters()), sp);
                    return null;
                }
                return OperationResponse.ok(request.code(), request.parameters());
            });
        }
    }

    private ExecutorService pool;
    private ScheduledExecutorService timer;
    private ReflectApplication app;
    private UdpListener listener;

    @BeforeEach
    void start() {
        pool = Executors.newFixedThreadPool(2);
        timer = Executors.newSingleThreadScheduledExecutor();
        app = new ReflectApplication(new PeerEnvironment(name -> new PoolFiber(name, pool, timer)));
        app.start();
        listener = new UdpListener(UdpSettings.OFF.withPort(0), role -> role.equals("game") ? app : null,
                WireProtocols.defaults()).start(Executors.defaultThreadFactory());
    }

    @AfterEach
    void stop() {
        listener.stop();
        app.stop();
        pool.shutdownNow();
        timer.shutdownNow();
    }

    private InetSocketAddress gamePort() {
        return new InetSocketAddress("127.0.0.1", listener.ports().get("game"));
    }

    private PhotonConnection open(int port, LinkedBlockingQueue<EventData> events) throws Exception {
        UdpConnector connector = new UdpConnector(uri -> new InetSocketAddress("127.0.0.1", port), 2, "udp-test");
        return PhotonConnection.open(URI.create("udp://127.0.0.1:" + port), ConnectionSettings.defaults()
                .withConnector(connector).withOperationTimeout(Duration.ofSeconds(20)), new PhotonConnection.Listener() {
            @Override
            public void onEvent(EventData event) {
                events.add(event);
            }

            @Override
            public void onClosed(int code, String reason) {
            }
        }).get(10, TimeUnit.SECONDS);
    }

    @Test
    void initNamesProtocolAndAppAndOperationsAreAnswered() throws Exception {
        PhotonConnection c = open(gamePort().getPort(), new LinkedBlockingQueue<>());
        OperationResponse r = c.request(new OperationRequest(7, Parameters.of(1, "hello"))).get(10, TimeUnit.SECONDS);
        assertEquals("hello", r.parameters().get(1));
        InitRequest init = app.inits.get(0);
        assertEquals("game", init.endpoint());
        assertEquals("udp-test", init.applicationId());
        assertEquals("GpBinaryV16", init.protocol().subprotocol());
        c.close();
    }

    @Test
    void everyReliableMessageArrivesOnceInOrderPerChannelThroughALossyRelay() throws Exception {
        try (LossyUdpRelay relay = new LossyUdpRelay(0, gamePort(), 0.05, 0.05, 15, 7)) {
            LinkedBlockingQueue<EventData> events = new LinkedBlockingQueue<>();
            PhotonConnection c = open(relay.port(), events);
            int perChannel = 200;
            for (int i = 0; i < perChannel; i++) {
                for (int ch = 0; ch < 2; ch++) {
                    c.send(new OperationRequest(1, Parameters.of(1, ch, 2, i, 3, true)),
                            SendParameters.DEFAULT.withChannel(ch));
                }
                c.send(new OperationRequest(1, Parameters.of(1, 1, 2, 100_000 + i, 3, false)),
                        SendParameters.DEFAULT.withChannel(1).withUnreliable(true));
                Thread.sleep(8); // under the peer's 500 operations per second
            }
            int[] next = new int[2];
            int unreliable = 0;
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
            while ((next[0] < perChannel || next[1] < perChannel) && System.nanoTime() < deadline) {
                EventData e = events.poll(1, TimeUnit.SECONDS);
                if (e == null) {
                    continue;
                }
                int ch = Values.toInt(e.parameters().get(1));
                int n = Values.toInt(e.parameters().get(2));
                if (Boolean.TRUE.equals(e.parameters().get(3))) {
                    assertEquals(next[ch]++, n, "reliable on channel " + ch + ": once, in order");
                } else {
                    unreliable++;
                }
            }
            assertEquals(perChannel, next[0]);
            assertEquals(perChannel, next[1]);
            assertTrue(unreliable > 0 && unreliable <= perChannel, "unreliable: some, never more: " + unreliable);
            assertTrue(relay.dropped() > 0 && relay.duplicated() > 0, "the relay did lose and duplicate");
            long reliableOnOne = app.received.stream().filter(sp -> sp.channelId() == 1 && !sp.unreliable()).count();
            assertEquals(perChannel, reliableOnOne, "the peer saw each request once with its channel");
            assertTrue(app.received.stream().anyMatch(sp -> sp.channelId() == 1 && sp.unreliable()));
            c.close();
        }
    }

    @Test
    void garbageSpoofedIdsAndFloodsAreDroppedAndCounted() throws Exception {
        int port = gamePort().getPort();
        try (DatagramSocket s = new DatagramSocket()) {
            s.connect(gamePort());
            s.send(packet(new byte[]{1, 2, 3}));
            byte[] badCrc = DatagramCodec.write(new Datagram(-1, true, 1, 5,
                    List.of(Command.control(CommandType.CONNECT, 1, Command.connectPayload(1200, 2)))));
            badCrc[badCrc.length - 1] ^= 1;
            s.send(packet(badCrc));
            // a data command for a session nobody opened
            s.send(packet(DatagramCodec.write(new Datagram(3, false, 1, 77,
                    List.of(Command.reliable(0, 1, new byte[]{(byte) 0xF3, 2, 1}))))));
            waitFor(() -> listener.drops().get(Drop.UNKNOWN_PEER) >= 1 && listener.drops().get(Drop.BAD_CRC) >= 1
                    && listener.drops().get(Drop.MALFORMED) >= 1);
        }
        // a connect flood from one address: at most maxPeersPerAddress sessions, the rest refused with reason 3
        UdpSettings strict = new UdpSettings(0, "127.0.0.1", 3, 100, 1200, 4);
        UdpListener small = new UdpListener(strict, role -> role.equals("game") ? app : null,
                WireProtocols.defaults()).start(Executors.defaultThreadFactory());
        try (DatagramSocket s = new DatagramSocket()) {
            s.connect(new InetSocketAddress("127.0.0.1", small.ports().get("game")));
            for (int challenge = 1; challenge <= 10; challenge++) {
                s.send(packet(DatagramCodec.write(new Datagram(-1, false, 1, challenge,
                        List.of(Command.control(CommandType.CONNECT, 1, Command.connectPayload(1200, 2)))))));
            }
            waitFor(() -> small.drops().get(Drop.PEER_LIMIT) == 7);
            assertEquals(3, small.sessionCount("game"));
            s.setSoTimeout(2000);
            boolean sawUserLimit = false;
            byte[] buffer = new byte[2000];
            for (int i = 0; i < 20 && !sawUserLimit; i++) {
                DatagramPacket p = new DatagramPacket(buffer, buffer.length);
                s.receive(p);
                Datagram d = DatagramCodec.read(buffer, p.getLength(), 255, new org.photonee.core.enet.DropCounters());
                sawUserLimit = d.commands().stream().anyMatch(c -> c.type() == CommandType.DISCONNECT
                        && c.reserved() == 3);
            }
            assertTrue(sawUserLimit, "refused connects are told: user limit");
        } finally {
            small.stop();
        }
        assertNotNull(listener.ports().get("game"));
        assertEquals(port, listener.ports().get("game"));
    }

    @Test
    void transportPingsAloneKeepAnIdlePeerConnected() throws Exception {
        ReflectApplication strict = new ReflectApplication(new PeerEnvironment(name -> new PoolFiber(name, pool, timer),
                new org.photonee.core.peer.PeerSettings(org.photonee.core.protocol.ProtocolLimits.DEFAULTS, 500, 3,
                        1500, 512_000), org.photonee.core.peer.ExceptionHandler.DEFAULT));
        strict.start();
        UdpListener l = new UdpListener(UdpSettings.OFF.withPort(0), role -> role.equals("game") ? strict : null,
                WireProtocols.defaults()).start(Executors.defaultThreadFactory());
        try {
            int port = l.ports().get("game");
            UdpConnector connector = new UdpConnector(uri -> new InetSocketAddress("127.0.0.1", port), 2, "");
            PhotonConnection c = PhotonConnection.open(URI.create("udp://127.0.0.1:" + port), ConnectionSettings
                    .defaults().withConnector(connector).withPingInterval(Duration.ZERO), new PhotonConnection.Listener() {
                        @Override
                        public void onEvent(EventData event) {
                        }

                        @Override
                        public void onClosed(int code, String reason) {
                        }
                    }).get(10, TimeUnit.SECONDS);
            Thread.sleep(4000); // no Photon message for more than twice the peer's 1.5 s inactivity timeout
            assertTrue(c.isOpen());
            assertEquals(1, strict.peerCount(), "the UDP session's pings count as activity");
            c.close();
        } finally {
            l.stop();
            strict.stop();
        }
    }

    @Test
    void sessionsWithoutInitAreDroppedAfterTheInitTimeout() throws Exception {
        try (DatagramSocket s = new DatagramSocket()) {
            s.connect(gamePort());
            s.send(packet(DatagramCodec.write(new Datagram(-1, false, 1, 99,
                    List.of(Command.control(CommandType.CONNECT, 1, Command.connectPayload(1200, 2)))))));
            waitFor(() -> listener.sessionCount("game") == 1);
            long start = System.nanoTime();
            waitFor(() -> listener.sessionCount("game") == 0);
            assertTrue(System.nanoTime() - start > TimeUnit.SECONDS.toNanos(3));
            assertTrue(listener.drops().get(Drop.BAD_INIT) >= 1);
        }
    }

    private static DatagramPacket packet(byte[] data) {
        return new DatagramPacket(data, data.length);
    }

    private static void waitFor(java.util.function.BooleanSupplier condition) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("condition not met in 10 s");
            }
            Thread.sleep(20);
        }
    }
}
