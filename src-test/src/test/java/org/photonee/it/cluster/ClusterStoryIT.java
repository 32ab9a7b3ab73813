package org.photonee.it.cluster;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.Timeout;
import org.photonee.client.JoinRandomRoomOptions;
import org.photonee.client.LoadBalancingClient;
import org.photonee.client.RaiseEventOptions;
import org.photonee.client.Room;
import org.photonee.client.RoomInfo;
import org.photonee.client.RoomOptions;
import org.photonee.client.TypedLobby;
import org.photonee.client.AuthValues;
import org.photonee.core.codes.EventCaching;
import org.photonee.core.peer.SendParameters;
import org.photonee.it.support.EventRecorder;
import org.photonee.core.peer.Transport;
import org.photonee.it.support.OverTransport;
import org.photonee.it.support.PhotonProcess;

import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The whole story against separate processes started as an operator starts them: one name server + master
 * instance and two game server instances (each {@code ./photon run}), several clients in several rooms. Lobby
 * listing, random join, events, properties, cache replay, leave with master-client handover, rejoin after a dropped
 * connection, reliable events on two channels, load spread over both game servers, and one game server killed
 * mid-game: new rooms go only to the survivor within 5 s and its players get a clear disconnect within the network's
 * notice time (10 s on WebSocket, the UDP disconnect timeout plus slack on UDP).
 *
 * <p>The clients' transport is the variant's {@link #network()}: the container's WebSocket here,
 * {@link NettyClusterStoryIT}, {@link UdpClusterStoryIT}. The assertions are the same for all of them.
 */
@Timeout(value = 6, unit = TimeUnit.MINUTES)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ClusterStoryIT {
    private static final String SECRET = "cluster-story-secret";
    private static final Duration READY = Duration.ofSeconds(240);

    private ClusterStoryNetwork network;
    private PhotonProcess master;
    private PhotonProcess gs1;
    private PhotonProcess gs2;
    private final List<LoadBalancingClient> clients = new ArrayList<>();

    /** The variant's network: WebSocket on the transport of its {@link OverTransport} (the container's without). */
    protected ClusterStoryNetwork network() throws Exception {
        OverTransport over = getClass().getAnnotation(OverTransport.class);
        return ClusterStoryNetwork.webSocket(over == null ? Transport.CONTAINER : over.value());
    }

    @BeforeAll
    void startCluster() throws Exception {
        network = network();
        master = network.start(0, SECRET, "--roles", "ns,master");
        String s2s = master.webSocket("s2s", network.s2s()).toString();
        gs1 = network.start(1, SECRET, "--roles", "game", "--master-url", s2s);
        gs2 = network.start(2, SECRET, "--roles", "game", "--master-url", s2s);
        master.awaitReady(READY);
        gs1.awaitReady(READY);
        gs2.awaitReady(READY);
    }

    @AfterAll
    void stopCluster() throws Exception {
        clients.forEach(LoadBalancingClient::close);
        for (PhotonProcess p : new PhotonProcess[]{gs1, gs2, master}) {
            if (p != null) {
                p.close();
            }
        }
        if (network != null) {
            network.close();
        }
    }

    @Test
    void storyOfACluster() throws Exception {
        // Lobby: alice creates a listed room, bob sees it in the lobby and joins it at random.
        EventRecorder aliceEvents = new EventRecorder();
        LoadBalancingClient alice = client("alice", aliceEvents);
        Room aliceRoom = await(alice.createRoom("story", RoomOptions.defaults().withMaxPlayers(4)
                .withPlayerTtl(15_000).withCustomProperties(Map.of("map", "harbour"))
                .withLobbyProperties("map")));
        assertEquals(1, aliceRoom.localActorNr());

        EventRecorder bobEvents = new EventRecorder();
        LoadBalancingClient bob = client("bob", bobEvents);
        await(bob.joinLobby(TypedLobby.DEFAULT));
        eventually(() -> roomNames(bob).contains("story"), "bob's lobby lists 'story'");
        await(bob.leaveLobby());
        Room bobRoom = await(bob.joinRandomRoom(JoinRandomRoomOptions.ANY));
        assertEquals("story", bobRoom.name());
        assertEquals(2, bobRoom.localActorNr());

        // Events and properties between them.
        alice.raiseEvent(1, "hello", RaiseEventOptions.DEFAULT);
        assertEquals("1:1:hello", bobEvents.next());
        await(bob.setRoomProperties(Map.of("score", 7), null));
        eventually(() -> Integer.valueOf(7).equals(alice.currentRoom().property("score")), "alice sees score 7");

        // Channels: reliable events on channels 1 and 2 reach bob once and in order per channel. On UDP each channel
        // is its own sequence through the lossy relays; WebSocket keeps one order for all, which satisfies the same.
        int perChannel = 40;
        for (int i = 0; i < perChannel; i++) {
            for (int channel = 1; channel <= 2; channel++) {
                assertTrue(alice.raiseEvent(10 + channel, i, RaiseEventOptions.DEFAULT,
                        SendParameters.DEFAULT.withChannel(channel)));
            }
            Thread.sleep(5); // well under the peers' 500 operations per second
        }
        int[] nextOnChannel = new int[3];
        for (int n = 0; n < 2 * perChannel; n++) {
            String[] event = bobEvents.next().split(":");
            int channel = Integer.parseInt(event[0]) - 10;
            assertTrue(channel == 1 || channel == 2, "an event of the channel step: " + String.join(":", event));
            assertEquals("1", event[1], "from alice");
            assertEquals(nextOnChannel[channel]++, Integer.parseInt(event[2]), "channel " + channel + " in order");
        }
        assertEquals(perChannel, nextOnChannel[1]);
        assertEquals(perChannel, nextOnChannel[2]);

        // Cache replay: an event cached in the room reaches carol, who joins later.
        alice.raiseEvent(2, "cached", RaiseEventOptions.DEFAULT.withCaching(EventCaching.ADD_TO_ROOM_CACHE));
        assertEquals("2:1:cached", bobEvents.next());
        EventRecorder carolEvents = new EventRecorder();
        LoadBalancingClient carol = client("carol", carolEvents);
        Room carolRoom = await(carol.joinRoom("story"));
        assertEquals(3, carolRoom.localActorNr());
        assertEquals("2:1:cached", carolEvents.next());

        // Leave and master-client handover: alice (actor 1, master client) leaves; bob (2) takes over.
        assertEquals(1, carol.currentRoom().masterClientId());
        await(alice.leaveRoom(false));
        eventually(() -> carol.currentRoom().masterClientId() == 2, "master client moves to actor 2");
        eventually(() -> bob.currentRoom().isLocalMasterClient(), "bob knows he is master client");

        // Rejoin after a dropped connection: carol's socket dies; she comes back as the same actor.
        org.photonee.client.PhotonConnection carolSocket = carol.connection();
        carolSocket.close(4000, "network dropped");
        eventually(() -> !carolSocket.isOpen(), "carol's socket is closed");
        eventually(() -> carol.state() == org.photonee.client.ClientState.Disconnected,
                "carol's client noticed the drop");
        Room rejoined = await(carol.reconnectAndRejoin());
        assertEquals(3, rejoined.localActorNr());
        assertEquals("2:1:cached", carolEvents.next(), "the room cache is replayed on rejoin too");
        bob.raiseEvent(3, "welcome back", RaiseEventOptions.DEFAULT);
        assertEquals("3:2:welcome back", carolEvents.next());

        // Load spread: new rooms land on both game servers. The master's pick is weighted-random by load level, and
        // a level is a 100-sample average of process CPU, so a server still warm from its boot gets fewer rooms:
        // at least 10 rooms, and more (up to 40) until both servers have one.
        Map<String, Set<String>> roomsByServer = new java.util.HashMap<>();
        List<LoadBalancingClient> hosts = new ArrayList<>();
        for (int i = 0; i < 40 && (i < 10 || roomsByServer.size() < 2); i++) {
            LoadBalancingClient host = client("host-" + i, new EventRecorder());
            await(host.createRoom("spread-" + i, RoomOptions.defaults().withMaxPlayers(2)));
            roomsByServer.computeIfAbsent(gameServerOf(host), k -> new HashSet<>()).add("spread-" + i);
            hosts.add(host);
        }
        assertEquals(2, roomsByServer.size(), "rooms on both game servers: " + roomsByServer);

        // A game server dies mid-game.
        String victimAddress = network.gameServerAddress(1);
        List<CompletableFuture<Integer>> victimDisconnects = new ArrayList<>();
        for (LoadBalancingClient host : hosts) {
            if (gameServerOf(host).equals(victimAddress)) {
                victimDisconnects.add(host.connection().closed());
            }
        }
        assertFalse(victimDisconnects.isEmpty());
        long killedAt = System.nanoTime();
        gs1.kill();
        // Within 5 s, the master sends every new room to the survivor (checked first: UDP players notice the crash
        // only by a timeout, which must not delay this). Until the master has seen the game server's link drop, a
        // room may still be placed on it and the join fails: such a player tries again with a new client, as a real
        // one would, and the first room on the survivor must come within the 5 s.
        String survivor = network.gameServerAddress(2);
        LoadBalancingClient refugee = null;
        for (int attempt = 0; refugee == null; attempt++) {
            long elapsedMs = (System.nanoTime() - killedAt) / 1_000_000;
            assertTrue(elapsedMs < 5_000, "no room placed on the survivor within " + elapsedMs + " ms");
            LoadBalancingClient candidate = client("refugee-" + attempt, new EventRecorder());
            try {
                await(candidate.createRoom("after-crash-0-" + attempt, RoomOptions.defaults()));
                if (survivor.equals(gameServerOf(candidate))) {
                    refugee = candidate;
                    continue;
                }
            } catch (java.util.concurrent.ExecutionException placedOnTheDeadServer) {
                // The master did not know yet; try again.
            }
            candidate.close();
            Thread.sleep(100);
        }
        await(refugee.leaveRoom(false));
        for (int i = 1; i < 4; i++) {
            Room room = await(refugee.createRoom("after-crash-" + i, RoomOptions.defaults()));
            assertNotNull(room);
            assertEquals(survivor, gameServerOf(refugee), "new room " + i + " placed on the survivor");
            await(refugee.leaveRoom(false));
        }
        // Within the network's notice time of the crash, each of its players has a clear disconnect.
        long noticeMs = network.crashNoticeMillis();
        for (CompletableFuture<Integer> closed : victimDisconnects) {
            long leftMs = noticeMs - (System.nanoTime() - killedAt) / 1_000_000;
            int code;
            try {
                code = closed.get(Math.max(0, leftMs), TimeUnit.MILLISECONDS);
            } catch (java.util.concurrent.TimeoutException e) {
                throw new AssertionError("a player of the killed server not disconnected within " + noticeMs + " ms");
            }
            assertTrue(code >= 1000, "a clear close code, got " + code);
        }
        System.out.printf("ClusterStoryIT: the crash was noticed by every player within %d ms (allowed %d)%n",
                (System.nanoTime() - killedAt) / 1_000_000, noticeMs);
        network.verifyAfterStory();
    }

    private static String gameServerOf(LoadBalancingClient client) {
        URI uri = client.connection().uri();
        return uri.getHost() + ":" + uri.getPort();
    }

    private static Set<String> roomNames(LoadBalancingClient client) {
        Set<String> names = new HashSet<>();
        try {
            for (RoomInfo info : client.roomList().toCompletableFuture().get(5, TimeUnit.SECONDS)) {
                names.add(info.name());
            }
        } catch (Exception e) {
            throw new AssertionError(e);
        }
        return names;
    }

    private LoadBalancingClient client(String userId, EventRecorder recorder) throws Exception {
        LoadBalancingClient c = network.newClient("story-app", "1.0");
        c.setAuthValues(AuthValues.user(userId));
        c.addListener(recorder);
        clients.add(c);
        await(c.connectToRegionMaster(network.nameServer(master), "eu"));
        return c;
    }

    private static <T> T await(CompletionStage<T> stage) throws Exception {
        return stage.toCompletableFuture().get(15, TimeUnit.SECONDS);
    }

    private static void eventually(BooleanSupplier condition, String what) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("not within 10 s: " + what);
            }
            Thread.sleep(50);
        }
    }
}
