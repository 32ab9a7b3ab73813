package org.photonee.it.cluster;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInfo;
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
 * connection, load spread over both game servers, and one game server killed mid-game: its players get a clear
 * disconnect and new rooms go only to the survivor within 5 s.
 */
@Timeout(value = 6, unit = TimeUnit.MINUTES)
class ClusterStoryIT {
    private static final String SECRET = "cluster-story-secret";
    private static final int MASTER_PORT = 18280;
    private static final int GS1_PORT = 18281;
    private static final int GS2_PORT = 18282;
    private static final int MASTER_NETTY_PORT = 18093;
    private static final int GS1_NETTY_PORT = 18094;
    private static final int GS2_NETTY_PORT = 18095;
    private static final Duration READY = Duration.ofSeconds(240);

    private static PhotonProcess master;
    private static PhotonProcess gs1;
    private static PhotonProcess gs2;
    private static final List<LoadBalancingClient> clients = new ArrayList<>();
    /** The transport of the clients and of the game servers' links to the master ({@link NettyClusterStoryIT}). */
    private static Transport transport;

    @BeforeAll
    static void startCluster(TestInfo test) throws Exception {
        OverTransport over = test.getTestClass().orElseThrow().getAnnotation(OverTransport.class);
        transport = over == null ? Transport.CONTAINER : over.value();
        master = PhotonProcess.start(MASTER_PORT, MASTER_NETTY_PORT, SECRET, "--roles", "ns,master");
        String s2s = master.webSocket("s2s", transport).toString();
        gs1 = PhotonProcess.start(GS1_PORT, GS1_NETTY_PORT, SECRET, "--roles", "game", "--master-url", s2s);
        gs2 = PhotonProcess.start(GS2_PORT, GS2_NETTY_PORT, SECRET, "--roles", "game", "--master-url", s2s);
        master.awaitReady(READY);
        gs1.awaitReady(READY);
        gs2.awaitReady(READY);
    }

    @AfterAll
    static void stopCluster() throws Exception {
        clients.forEach(LoadBalancingClient::close);
        for (PhotonProcess p : new PhotonProcess[]{gs1, gs2, master}) {
            if (p != null) {
                p.close();
            }
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

        // Load spread: new rooms land on both game servers.
        Map<String, Set<String>> roomsByServer = new java.util.HashMap<>();
        List<LoadBalancingClient> hosts = new ArrayList<>();
        for (int i = 0; i < 10; i++) {
            LoadBalancingClient host = client("host-" + i, new EventRecorder());
            await(host.createRoom("spread-" + i, RoomOptions.defaults().withMaxPlayers(2)));
            roomsByServer.computeIfAbsent(gameServerOf(host), k -> new HashSet<>()).add("spread-" + i);
            hosts.add(host);
        }
        assertEquals(2, roomsByServer.size(), "rooms on both game servers: " + roomsByServer);

        // A game server dies mid-game.
        String victimAddress = "127.0.0.1:" + (transport == Transport.NETTY ? GS1_NETTY_PORT : GS1_PORT);
        List<CompletableFuture<Integer>> victimDisconnects = new ArrayList<>();
        for (LoadBalancingClient host : hosts) {
            if (gameServerOf(host).equals(victimAddress)) {
                victimDisconnects.add(host.connection().closed());
            }
        }
        assertFalse(victimDisconnects.isEmpty());
        long killedAt = System.nanoTime();
        gs1.kill();
        for (CompletableFuture<Integer> closed : victimDisconnects) {
            int code = closed.get(10, TimeUnit.SECONDS);
            assertTrue(code >= 1000, "a clear close code, got " + code);
        }
        // Within 5 s, the master sends every new room to the survivor.
        LoadBalancingClient refugee = client("refugee", new EventRecorder());
        String survivor = "127.0.0.1:" + (transport == Transport.NETTY ? GS2_NETTY_PORT : GS2_PORT);
        for (int i = 0; i < 4; i++) {
            Room room = await(refugee.createRoom("after-crash-" + i, RoomOptions.defaults()));
            assertNotNull(room);
            assertEquals(survivor, gameServerOf(refugee), "new room " + i + " placed on the survivor");
            if (i == 0) {
                long elapsedMs = (System.nanoTime() - killedAt) / 1_000_000;
                assertTrue(elapsedMs < 5_000, "first room after the crash placed after " + elapsedMs + " ms");
            }
            await(refugee.leaveRoom(false));
        }
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

    private static LoadBalancingClient client(String userId, EventRecorder recorder) throws Exception {
        LoadBalancingClient c = new LoadBalancingClient("story-app", "1.0");
        c.setAuthValues(AuthValues.user(userId));
        c.addListener(recorder);
        clients.add(c);
        await(c.connectToRegionMaster(master.webSocket("ns", transport), "eu"));
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
