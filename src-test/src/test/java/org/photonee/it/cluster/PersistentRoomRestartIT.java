package org.photonee.it.cluster;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.photonee.client.AuthValues;
import org.photonee.client.LoadBalancingClient;
import org.photonee.client.RaiseEventOptions;
import org.photonee.client.Room;
import org.photonee.client.RoomOptions;
import org.photonee.core.codes.EventCaching;
import org.photonee.core.codes.JoinMode;
import org.photonee.it.support.EventRecorder;
import org.photonee.core.peer.Transport;
import org.photonee.it.support.PhotonProcess;

import java.time.Duration;
import java.util.Map;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A turn-based game survives a server restart with nothing lost: a room with PlayerTTL -1 is saved through JPA
 * (H2 file database in the run directory) when the server stops, and the next join restores it: same actor
 * number, room properties, cached events.
 */
@Timeout(value = 6, unit = TimeUnit.MINUTES)
class PersistentRoomRestartIT {
    private static final int PORT = 18380;
    private static final int NETTY_PORT = 18096;
    private static final String SECRET = "restart-secret";
    private PhotonProcess server;
    private LoadBalancingClient client;

    @AfterEach
    void stop() throws Exception {
        if (client != null) {
            client.close();
        }
        if (server != null) {
            server.close();
        }
    }

    @Test
    void persistentRoomSurvivesARestart() throws Exception {
        server = PhotonProcess.start(PORT, NETTY_PORT, SECRET);
        server.awaitReady(Duration.ofSeconds(240));
        client = connect("alice", Transport.CONTAINER);
        Room room = await(client.createRoom("saga", RoomOptions.defaults().withMaxPlayers(2).withPlayerTtl(-1)
                .withCustomProperties(Map.of("turn", 3))));
        assertEquals(1, room.localActorNr());
        client.raiseEvent(5, "move e2-e4", RaiseEventOptions.DEFAULT.withCaching(EventCaching.ADD_TO_ROOM_CACHE));
        await(client.setRoomProperties(Map.of("turn", 4), null));
        client.close();
        client = null;
        // Alice's disconnect leaves the room with only an inactive actor: it unloads and is saved.
        long deadline = System.nanoTime() + 15_000_000_000L;
        String rooms = server.get("api/admin/rooms");
        while (!rooms.contains("saga") && System.nanoTime() < deadline) {
            Thread.sleep(250);
            rooms = server.get("api/admin/rooms");
        }
        assertTrue(rooms.contains("saga"), "saved room listed: " + rooms);

        server.close(); // SIGTERM: a clean stop saves the room
        server = PhotonProcess.restart(PORT, NETTY_PORT, SECRET);
        server.awaitReady(Duration.ofSeconds(240));

        EventRecorder events = new EventRecorder();
        client = connect("alice", Transport.NETTY); // and back over the other transport
        client.addListener(events);
        Room back = await(client.joinRoom("saga", JoinMode.REJOIN_ONLY, null));
        assertEquals(1, back.localActorNr(), "alice is actor 1 again");
        assertEquals(4, back.property("turn"), "room properties restored: " + back.properties());
        assertEquals("5:1:move e2-e4", events.next(), "cached events restored");
    }

    private LoadBalancingClient connect(String user, Transport transport) throws Exception {
        LoadBalancingClient c = new LoadBalancingClient("saga-app", "1.0");
        c.setAuthValues(AuthValues.user(user));
        await(c.connectToRegionMaster(server.webSocket("ns", transport), "eu"));
        return c;
    }

    private static <T> T await(CompletionStage<T> stage) throws Exception {
        return stage.toCompletableFuture().get(15, TimeUnit.SECONDS);
    }
}
