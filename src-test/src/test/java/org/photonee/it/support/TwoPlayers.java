package org.photonee.it.support;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.concurrent.CompletionStage;
import java.util.concurrent.TimeUnit;
import org.photonee.client.AuthValues;
import org.photonee.client.LoadBalancingClient;
import org.photonee.client.RaiseEventOptions;
import org.photonee.client.RoomOptions;
import org.photonee.core.peer.Transport;

/**
 * The smallest game two differently configured clients can play (UDP against WebSocket, one auth mode against
 * another): alice and bob go name server → master → game server through the server's Netty name server, alice
 * creates the room, bob joins it as actor 2, and one event goes each way.
 */
public final class TwoPlayers {
    private TwoPlayers() {
    }

    /** Plays the game; {@code aliceCode} and {@code bobCode} are the events' codes, their contents the tags. */
    public static void playOneEventEachWay(PhotonProcess server, LoadBalancingClient alice, LoadBalancingClient bob,
                                           String room, int aliceCode, String aliceTag, int bobCode, String bobTag)
            throws Exception {
        EventRecorder aliceEvents = new EventRecorder();
        EventRecorder bobEvents = new EventRecorder();
        alice.addListener(aliceEvents);
        bob.addListener(bobEvents);
        alice.setAuthValues(AuthValues.user("alice"));
        bob.setAuthValues(AuthValues.user("bob"));

        await(alice.connectToRegionMaster(server.webSocket("ns", Transport.NETTY), "eu"));
        await(alice.createRoom(room, RoomOptions.defaults().withMaxPlayers(4)));
        await(bob.connectToRegionMaster(server.webSocket("ns", Transport.NETTY), "eu"));
        assertEquals(2, await(bob.joinRoom(room)).localActorNr());

        alice.raiseEvent(aliceCode, aliceTag, RaiseEventOptions.DEFAULT);
        assertEquals(aliceCode + ":1:" + aliceTag, bobEvents.next());
        bob.raiseEvent(bobCode, bobTag, RaiseEventOptions.DEFAULT);
        assertEquals(bobCode + ":2:" + bobTag, aliceEvents.next());
    }

    private static <T> T await(CompletionStage<T> stage) throws Exception {
        return stage.toCompletableFuture().get(30, TimeUnit.SECONDS);
    }
}
