package org.photonee.it.cluster;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.InetSocketAddress;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.photonee.client.AuthValues;
import org.photonee.client.ConnectionSettings;
import org.photonee.client.LoadBalancingClient;
import org.photonee.client.LossyUdpRelay;
import org.photonee.client.RaiseEventOptions;
import org.photonee.client.Room;
import org.photonee.client.RoomOptions;
import org.photonee.client.UdpConnector;
import org.photonee.core.peer.SendParameters;
import org.photonee.core.peer.Transport;
import org.photonee.it.support.EventRecorder;
import org.photonee.it.support.PhotonProcess;

/**
 * A Java client over reliable UDP and one over WebSocket in one room on a real {@code ./photon run} (all roles,
 * {@code --udp-port}): the UDP client goes name server → master → game server through relays that drop 5 %,
 * duplicate and reorder, and both exchange events on two channels; every reliable event arrives once and in order.
 * A Java Json client joins a V18 UDP and a V16 WebSocket one in a room.
 */
@Timeout(value = 5, unit = TimeUnit.MINUTES)
class UdpClientIT {
    private static final String SECRET = "udp-it-secret";
    private static final int PORT = 18950;
    private static final int NETTY_PORT = 18951;
    private static final int UDP_PORT = 17050;
    private static final Duration READY = Duration.ofSeconds(240);

    private static PhotonProcess server;
    private static final List<LossyUdpRelay> relays = new ArrayList<>();
    private static final List<LoadBalancingClient> clients = new ArrayList<>();

    @BeforeAll
    static void start() throws Exception {
        server = PhotonProcess.start(PORT, NETTY_PORT, SECRET, "--udp-port", String.valueOf(UDP_PORT));
        server.awaitReady(READY);
    }

    @AfterAll
    static void stop() throws Exception {
        clients.forEach(LoadBalancingClient::close);
        relays.forEach(LossyUdpRelay::close);
        if (server != null) {
            server.close();
        }
    }

    @Test
    void udpAndWebSocketClientsShareARoomThroughALossyNetwork() throws Exception {
        // One lossy relay per role endpoint (name server +3, master +0, game +1).
        Map<String, LossyUdpRelay> relayByRole = Map.of(
                "ns", relay(UDP_PORT + 3, 1), "master", relay(UDP_PORT, 2), "game", relay(UDP_PORT + 1, 3));
        Map<Integer, String> roleByPort = Map.of(UDP_PORT + 3, "ns", UDP_PORT, "master", UDP_PORT + 1, "game");
        List<URI> opened = new java.util.concurrent.CopyOnWriteArrayList<>();
        UdpConnector udp = new UdpConnector(uri -> {
            opened.add(uri);
            String path = uri.getPath() == null ? "" : uri.getPath().replaceAll("/+$", "");
            // the first address is the name server's WebSocket URL; the servers then hand out UDP "host:port"
            String role = path.isEmpty() ? roleByPort.get(uri.getPort()) : path.substring(path.lastIndexOf('/') + 1);
            return new InetSocketAddress("127.0.0.1", relayByRole.get(role).port());
        }, 2, "udp-it");

        EventRecorder aliceEvents = new EventRecorder();
        LoadBalancingClient alice = new LoadBalancingClient("udp-it", "1.0",
                ConnectionSettings.defaults().withConnector(udp).withOperationTimeout(Duration.ofSeconds(20)));
        EventRecorder bobEvents = new EventRecorder();
        LoadBalancingClient bob = new LoadBalancingClient("udp-it", "1.0");
        for (LoadBalancingClient c : List.of(alice, bob)) {
            clients.add(c);
        }
        alice.setAuthValues(AuthValues.user("alice"));
        alice.addListener(aliceEvents);
        bob.setAuthValues(AuthValues.user("bob"));
        bob.addListener(bobEvents);

        await(alice.connectToRegionMaster(server.webSocket("ns", Transport.NETTY), "eu"));
        Room created = await(alice.createRoom("udp-room", RoomOptions.defaults().withMaxPlayers(4)));
        assertEquals(1, created.localActorNr());
        await(bob.connectToRegionMaster(server.webSocket("ns", Transport.NETTY), "eu"));
        assertEquals(2, await(bob.joinRoom("udp-room")).localActorNr());
        assertEquals(UDP_PORT + 1, alice.connection().uri().getPort(), "the master handed out the game server's UDP"
                + " address: " + opened);
        assertEquals(UDP_PORT, opened.get(1).getPort(), "the name server handed out the master's UDP address");

        int perChannel = 100;
        for (int i = 0; i < perChannel; i++) {
            for (int ch = 0; ch < 2; ch++) {
                assertTrue(alice.raiseEvent(10 + ch, i, RaiseEventOptions.DEFAULT,
                        SendParameters.DEFAULT.withChannel(ch)));
            }
            alice.raiseEvent(20, i, RaiseEventOptions.DEFAULT, SendParameters.DEFAULT.withChannel(1)
                    .withUnreliable(true));
            bob.raiseEvent(30, i, RaiseEventOptions.DEFAULT);
            Thread.sleep(10); // under the peers' 500 operations per second
        }
        // One fence per channel: channels are independent, so one may finish before the other.
        alice.raiseEvent(98, "fence", RaiseEventOptions.DEFAULT, SendParameters.DEFAULT.withChannel(0));
        alice.raiseEvent(99, "fence", RaiseEventOptions.DEFAULT, SendParameters.DEFAULT.withChannel(1));

        int[] next = new int[2];
        int unreliable = 0;
        int fences = 0;
        while (fences < 2) {
            String e = bobEvents.next();
            String[] parts = e.split(":");
            int code = Integer.parseInt(parts[0]);
            assertEquals("1", parts[1], "from alice");
            if (code == 98 || code == 99) {
                assertEquals(perChannel, next[code - 98], "the fence comes after every event of its channel");
                fences++;
                continue;
            }
            if (code == 20) {
                unreliable++;
                continue;
            }
            assertEquals(next[code - 10]++, Integer.parseInt(parts[2]), "channel " + (code - 10) + " in order: " + e);
        }
        assertEquals(perChannel, next[0]);
        assertEquals(perChannel, next[1]);
        assertTrue(unreliable <= perChannel, "unreliable events never multiply: " + unreliable);
        for (int i = 0; i < perChannel; i++) {
            assertEquals("30:2:" + i, aliceEvents.next(), "bob's events reach alice over UDP once, in order");
        }
        long lost = relays.stream().mapToLong(LossyUdpRelay::dropped).sum();
        assertTrue(lost > 0, "the relays lost datagrams");
    }

    @Test
    void aGpBinaryV18ClientOverUdpPlaysWithAV16ClientOverWebSocket() throws Exception {
        // (Json clients beside V18 ones: MixedProtocolRoomIT, with the raw Json test client.)
        LoadBalancingClient alice = new LoadBalancingClient("udp-it", "1.0", ConnectionSettings.defaults()
                .withConnector(UdpConnector.forPort(UDP_PORT, 2, "udp-it"))
                .withProtocol(new org.photonee.core.codec.protocol18.GpBinaryV18Protocol()));
        LoadBalancingClient bob = new LoadBalancingClient("udp-it", "1.0");
        Map<String, java.util.concurrent.BlockingQueue<Object>> received = new java.util.HashMap<>();
        for (var entry : Map.of("alice", alice, "bob", bob).entrySet()) {
            clients.add(entry.getValue());
            entry.getValue().setAuthValues(AuthValues.user(entry.getKey()));
            java.util.concurrent.BlockingQueue<Object> queue = new java.util.concurrent.LinkedBlockingQueue<>();
            received.put(entry.getKey(), queue);
            entry.getValue().addListener(new org.photonee.client.LoadBalancingListener() {
                @Override
                public void onCustomEvent(int code, int senderActorNr, Object content) {
                    queue.add(content);
                }
            });
        }
        await(alice.connectToRegionMaster(server.webSocket("ns", Transport.NETTY), "eu"));
        await(alice.createRoom("udp-v18-room", RoomOptions.defaults().withMaxPlayers(4)));
        await(bob.connectToRegionMaster(server.webSocket("ns", Transport.NETTY), "eu"));
        await(bob.joinRoom("udp-v18-room"));

        org.photonee.core.protocol.PhotonHashtable move = org.photonee.core.protocol.PhotonHashtable.of(
                "hp", 7, "pos", new float[] {1.5f, -2f}, "tag", "v18", "big", 1L << 40);
        alice.raiseEvent(40, move, RaiseEventOptions.DEFAULT);
        Object atBob = received.get("bob").poll(10, TimeUnit.SECONDS);
        org.photonee.core.protocol.PhotonHashtable h = (org.photonee.core.protocol.PhotonHashtable) atBob;
        assertEquals(7, h.get("hp"), "an int stays an int from V18 over UDP to V16 over WebSocket: " + h);
        assertEquals(1L << 40, h.get("big"));
        org.junit.jupiter.api.Assertions.assertArrayEquals(new float[] {1.5f, -2f}, (float[]) h.get("pos"));

        bob.raiseEvent(41, new byte[] {1, 2, 3}, RaiseEventOptions.DEFAULT);
        Object atAlice = received.get("alice").poll(10, TimeUnit.SECONDS);
        org.junit.jupiter.api.Assertions.assertArrayEquals(new byte[] {1, 2, 3}, (byte[]) atAlice,
                "a V16 byte[] reaches the V18 UDP client as a byte[]");
    }

    @Test
    void aJsonJavaClientPlaysWithAV18UdpAndAV16WebSocketClient() throws Exception {
        // The Java client with the Json protocol once failed on the name server's first frame (the session greeting).
        Map<String, LoadBalancingClient> players = new java.util.LinkedHashMap<>();
        players.put("udp", new LoadBalancingClient("udp-it", "1.0", ConnectionSettings.defaults()
                .withConnector(UdpConnector.forPort(UDP_PORT, 2, "udp-it"))
                .withProtocol(new org.photonee.core.codec.protocol18.GpBinaryV18Protocol())));
        players.put("v16", new LoadBalancingClient("udp-it", "1.0"));
        players.put("json", new LoadBalancingClient("udp-it", "1.0", ConnectionSettings.defaults()
                .withProtocol(new org.photonee.core.codec.json.JsonProtocol())));
        Map<String, EventRecorder> inbox = new java.util.HashMap<>();
        for (var entry : players.entrySet()) {
            LoadBalancingClient c = entry.getValue();
            clients.add(c);
            c.setAuthValues(AuthValues.user(entry.getKey()));
            EventRecorder recorder = new EventRecorder();
            c.addListener(recorder);
            inbox.put(entry.getKey(), recorder);
            await(c.connectToRegionMaster(server.webSocket("ns", Transport.NETTY), "eu"));
            Room room = await(c.joinRoom("mixed-room", org.photonee.core.codes.JoinMode.CREATE_IF_NOT_EXISTS,
                    RoomOptions.defaults().withMaxPlayers(4)));
            assertEquals(inbox.size(), room.localActorNr(), entry.getKey() + "'s actor");
        }
        int actor = 1;
        for (var entry : players.entrySet()) {
            assertTrue(entry.getValue().raiseEvent(60, "from-" + entry.getKey(), RaiseEventOptions.DEFAULT));
            for (String other : players.keySet()) {
                if (!other.equals(entry.getKey())) {
                    assertEquals("60:" + actor + ":from-" + entry.getKey(), inbox.get(other).next(),
                            other + " hears " + entry.getKey());
                }
            }
            actor++;
        }
    }

    private static LossyUdpRelay relay(int serverPort, long seed) throws Exception {
        LossyUdpRelay r = new LossyUdpRelay(17060 + (int) seed, new InetSocketAddress("127.0.0.1", serverPort), 0.05, 0.05, 10,
                seed);
        relays.add(r);
        return r;
    }

    private static <T> T await(CompletionStage<T> stage) throws Exception {
        return stage.toCompletableFuture().get(20, TimeUnit.SECONDS);
    }
}
