package org.photonee.it.micro;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.photonee.client.PhotonException;
import org.photonee.client.RaiseEventOptions;
import org.photonee.client.Room;
import org.photonee.client.RoomInfo;
import org.photonee.client.RoomOptions;
import org.photonee.core.codes.EventCaching;
import org.photonee.core.codes.EventCode;
import org.photonee.core.codes.ParameterCode;
import org.photonee.core.codes.ReceiverGroup;
import org.photonee.core.codes.ReturnCode;
import org.photonee.core.codes.RoomOptionFlags;
import org.photonee.core.protocol.EventData;
import org.photonee.core.protocol.OperationResponse;
import org.photonee.core.protocol.Values;
import org.photonee.it.support.HealthAssertions;
import org.photonee.it.support.JsonPlayer;
import org.photonee.it.support.MessageClient;
import org.photonee.it.support.ServerProbe;
import org.photonee.it.support.TestPlayer;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Room behaviour end to end on a real Payara Micro (issue 5): several Java ({@code GpBinaryV16}) clients and a raw
 * {@code Json} client in one room. Who receives which event, cache replay to late joiners, CAS conflicts, rejoin
 * after a dropped socket within PlayerTTL, EmptyRoomTTL expiry and the room's removal from the master's lobby list.
 *
 * <p>"Did not receive" is proven with fences: the sender raises a marker event to All after the event under test;
 * a room sends to each peer in order, so whatever a peer got before the marker is everything it was sent.
 */
class RoomBehaviourIT extends MicroWarTest {
    /** Marker event code raised to All after the event under test. */
    private static final int FENCE = 200;
    /** Marker that a peer's earlier operations (e.g. ChangeGroups, which has no response) were processed. */
    private static final int SYNC = 201;

    private ServerProbe server;

    @BeforeEach
    void ready() throws Exception {
        server = probe();
        HealthAssertions.awaitReady(server);
    }

    @Test
    void eventsReachOthersAllMasterClientTargetActorsAndInterestGroups() throws Exception {
        String v = "events";
        String room = "events-room";
        try (TestPlayer alice = TestPlayer.onMaster(server, v, "alice");
             TestPlayer bob = TestPlayer.onMaster(server, v, "bob");
             TestPlayer carol = TestPlayer.onMaster(server, v, "carol")) {
            Room created = alice.await(alice.client().createRoom(room, RoomOptions.defaults().withMaxPlayers(4)));
            assertEquals(1, created.localActorNr());
            assertEquals(2, bob.await(bob.client().joinRoom(room)).localActorNr());
            assertEquals(3, carol.await(carol.client().joinRoom(room)).localActorNr());

            try (MessageClient dave = JsonPlayer.enter(server, v, "dave", 226, room, ",249,{\"255\":\"dave\"}")) {
                OperationResponse join = JsonPlayer.lastJoin();
                assertEquals(4, Values.toInt(join.parameters().get(ParameterCode.ACTOR_NR)));
                for (TestPlayer p : List.of(alice, bob, carol)) {
                    EventData joined = p.event(e -> e.code() == EventCode.JOIN && sender(e) == 4);
                    assertEquals(List.of(1, 2, 3, 4), ints(joined.parameters().get(ParameterCode.ACTORS)));
                }
                List<Object> everyone = List.of(alice, bob, carol, dave);

                // Others (the default): everybody but the sender.
                alice.client().raiseEvent(1, "to-others", RaiseEventOptions.DEFAULT);
                alice.client().raiseEvent(FENCE, null, RaiseEventOptions.toAll());
                assertReceived(everyone, List.of(), List.of("1<-1:to-others"), List.of("1<-1:to-others"),
                        List.of("1<-1:to-others"));

                // All: the sender too.
                bob.client().raiseEvent(2, "to-all", RaiseEventOptions.toAll());
                bob.client().raiseEvent(FENCE, null, RaiseEventOptions.toAll());
                assertReceived(everyone, List.of("2<-2:to-all"), List.of("2<-2:to-all"), List.of("2<-2:to-all"),
                        List.of("2<-2:to-all"));

                // MasterClient: the lowest active actor, alice.
                carol.client().raiseEvent(3, "to-master", RaiseEventOptions.DEFAULT
                        .withReceivers(ReceiverGroup.MASTER_CLIENT));
                carol.client().raiseEvent(FENCE, null, RaiseEventOptions.toAll());
                assertReceived(everyone, List.of("3<-3:to-master"), List.of(), List.of(), List.of());

                // Target actors win over the receiver group (All is ignored), from the Json client.
                dave.sendRaw("{\"req\":253,\"vals\":[244,4,245,\"targeted\",252,[2,3],246,1]}");
                dave.sendRaw("{\"req\":253,\"vals\":[244," + FENCE + ",246,1]}");
                assertReceived(everyone, List.of(), List.of("4<-4:targeted"), List.of("4<-4:targeted"), List.of());

                // Interest group 5: bob (binary) and dave (Json) subscribe; a group send ignores the receiver group
                // and never goes back to the sender.
                bob.client().changeGroups(null, new byte[] {5});
                bob.client().raiseEvent(SYNC, null, RaiseEventOptions.toAll());
                dave.sendRaw("{\"req\":248,\"vals\":[238,[5]]}");
                dave.sendRaw("{\"req\":253,\"vals\":[244," + SYNC + ",246,1]}");
                consumeSyncs(everyone, 2);
                alice.client().raiseEvent(5, "group-5", RaiseEventOptions.toAll().withInterestGroup(5));
                alice.client().raiseEvent(FENCE, null, RaiseEventOptions.toAll());
                assertReceived(everyone, List.of(), List.of("5<-1:group-5"), List.of(), List.of("5<-1:group-5"));

                // An empty removal list leaves every group: only dave is left in group 5.
                bob.client().changeGroups(new byte[0], null);
                bob.client().raiseEvent(SYNC, null, RaiseEventOptions.toAll());
                consumeSyncs(everyone, 1);
                alice.client().raiseEvent(6, "group-5-again", RaiseEventOptions.DEFAULT.withInterestGroup(5));
                alice.client().raiseEvent(FENCE, null, RaiseEventOptions.toAll());
                assertReceived(everyone, List.of(), List.of(), List.of(), List.of("6<-1:group-5-again"));

                // Codes above 240 are Photon's own: refused with OperationInvalid, nobody gets anything.
                dave.sendRaw("{\"req\":253,\"vals\":[244,241,245,\"nope\"]}");
                OperationResponse refused = dave.response(253);
                assertEquals(ReturnCode.OPERATION_INVALID, refused.returnCode(), refused.debugMessage());
                dave.sendRaw("{\"req\":253,\"vals\":[244," + FENCE + ",246,1]}");
                assertReceived(everyone, List.of(), List.of(), List.of(), List.of());
            }
            // The Json client's socket closed: everybody else sees actor 4 leave for good (PlayerTTL 0).
            EventData left = alice.event(e -> e.code() == EventCode.LEAVE && sender(e) == 4);
            assertNull(left.parameters().get(ParameterCode.IS_INACTIVE));
            assertEquals(List.of(1, 2, 3), ints(left.parameters().get(ParameterCode.ACTORS)));
        }
    }

    @Test
    void cachedEventsAreReplayedInOrderToLateJoinersOfBothProtocols() throws Exception {
        String v = "cache";
        String room = "cache-room";
        try (TestPlayer alice = TestPlayer.onMaster(server, v, "alice");
             TestPlayer bob = TestPlayer.onMaster(server, v, "bob");
             TestPlayer dave = TestPlayer.onMaster(server, v, "dave")) {
            alice.await(alice.client().createRoom(room, RoomOptions.defaults()
                    .withFlags(RoomOptionFlags.DELETE_CACHE_ON_LEAVE)));
            bob.await(bob.client().joinRoom(room));

            RaiseEventOptions cache = RaiseEventOptions.DEFAULT.withCaching(EventCaching.ADD_TO_ROOM_CACHE);
            RaiseEventOptions global = RaiseEventOptions.DEFAULT.withCaching(EventCaching.ADD_TO_ROOM_CACHE_GLOBAL);
            alice.client().raiseEvent(10, "a1", cache);
            bob.event(10);
            bob.client().raiseEvent(11, "b-global", global);
            alice.event(11);
            alice.client().raiseEvent(12, "a2", cache);
            bob.event(12);
            bob.client().raiseEvent(13, "b-own", cache);
            alice.event(13);
            // RemoveFromRoomCache by event code: 12 is gone from the cache.
            alice.client().raiseEvent(12, null, RaiseEventOptions.DEFAULT
                    .withCaching(EventCaching.REMOVE_FROM_ROOM_CACHE));
            alice.client().raiseEvent(FENCE, null, RaiseEventOptions.toAll());
            alice.event(FENCE);
            // bob leaves for good: with DeleteCacheOnLeave his own cached event (13) goes, his global one (11) stays.
            bob.await(bob.client().leaveRoom(false));
            alice.event(e -> e.code() == EventCode.LEAVE && sender(e) == 2);

            try (MessageClient carol = JsonPlayer.enter(server, v, "carol", 226, room, "")) {
                assertEquals(3, Values.toInt(JsonPlayer.lastJoin().parameters().get(ParameterCode.ACTOR_NR)));
                alice.event(e -> e.code() == EventCode.JOIN && sender(e) == 3);
                assertEquals(4, dave.await(dave.client().joinRoom(room)).localActorNr());
                alice.event(e -> e.code() == EventCode.JOIN && sender(e) == 4);
                alice.client().raiseEvent(FENCE, null, RaiseEventOptions.toAll());

                List<String> expected = List.of("10<-1:a1", "11<-2:b-global");
                assertEquals(expected, describe(carol.customEventsBefore(FENCE)), "Json late joiner");
                assertEquals(expected, describe(dave.customEventsBefore(FENCE)), "binary late joiner");
            }
        }
    }

    @Test
    void compareAndSwapConflictIsRefusedAndOnlyTheWinnerIsBroadcast() throws Exception {
        String v = "cas";
        String room = "cas-room";
        try (TestPlayer alice = TestPlayer.onMaster(server, v, "alice");
             TestPlayer bob = TestPlayer.onMaster(server, v, "bob")) {
            alice.await(alice.client().createRoom(room, RoomOptions.defaults()
                    .withCustomProperties(Map.of("turn", 0))));
            bob.await(bob.client().joinRoom(room));
            try (MessageClient eve = JsonPlayer.enter(server, v, "eve", 226, room, "")) {
                alice.event(e -> e.code() == EventCode.JOIN && sender(e) == 3);
                List<Object> everyone = List.of(alice, bob, eve);

                alice.await(alice.client().setRoomProperties(Map.of("turn", 1), Map.of("turn", 0)));
                // With CAS the change goes to everyone, the sender included.
                for (Object p : everyone) {
                    EventData changed = nextOf(p, EventCode.PROPERTIES_CHANGED, FENCE);
                    assertEquals(EventCode.PROPERTIES_CHANGED, changed.code());
                    assertEquals(1, sender(changed));
                    assertEquals(0, Values.toInt(changed.parameters().get(ParameterCode.TARGET_ACTOR_NR)));
                    assertEquals(1, Values.toInt(((Map<?, ?>) changed.parameters().get(ParameterCode.PROPERTIES))
                            .get("turn")));
                }

                // bob read turn=0 before alice's change landed: his swap loses.
                PhotonException lost = bob.refused(bob.client().setRoomProperties(Map.of("turn", 2),
                        Map.of("turn", 0)));
                assertEquals(ReturnCode.OPERATION_INVALID, lost.returnCode(), lost.getMessage());
                bob.client().raiseEvent(FENCE, null, RaiseEventOptions.toAll());
                for (Object p : everyone) {
                    assertEquals(FENCE, nextOf(p, EventCode.PROPERTIES_CHANGED, FENCE).code(),
                            "a refused CAS must not broadcast anything");
                }

                // The Json client: stale expectation refused, current one accepted.
                eve.sendRaw("{\"req\":252,\"vals\":[251,{\"turn\":3},231,{\"turn\":0}]}");
                assertEquals(ReturnCode.OPERATION_INVALID, eve.response(252).returnCode());
                eve.sendRaw("{\"req\":252,\"vals\":[251,{\"turn\":3},231,{\"turn\":1}]}");
                OperationResponse ok = eve.response(252);
                assertEquals(0, ok.returnCode(), ok.debugMessage());
                EventData fromJson = alice.event(EventCode.PROPERTIES_CHANGED);
                assertEquals(3, sender(fromJson));
                assertEquals(3, ((Map<?, ?>) fromJson.parameters().get(ParameterCode.PROPERTIES)).get("turn"),
                        "a Json whole number arrives as int");

                Room fresh = alice.await(alice.client().getProperties());
                assertEquals(3, fresh.property("turn"));
            }
        }
    }

    @Test
    void droppedPlayerRejoinsWithinPlayerTtlAndIsRemovedAfterIt() throws Exception {
        String v = "ttl";
        String room = "ttl-room";
        RoomOptions options = RoomOptions.defaults().withPlayerTtl(2000)
                .withFlags(RoomOptionFlags.CHECK_USER_ON_JOIN);
        try (TestPlayer alice = TestPlayer.onMaster(server, v, "alice");
             TestPlayer bob = TestPlayer.onMaster(server, v, "bob")) {
            alice.await(alice.client().createRoom(room, options));
            bob.await(bob.client().joinRoom(room));

            // The master client's socket breaks: it turns inactive and bob becomes master client.
            alice.dropConnection();
            assertEquals(1006, alice.awaitDisconnect());
            EventData inactive = bob.event(e -> e.code() == EventCode.LEAVE && sender(e) == 1);
            assertEquals(true, inactive.parameters().get(ParameterCode.IS_INACTIVE));
            assertEquals(2, Values.toInt(inactive.parameters().get(ParameterCode.MASTER_CLIENT_ID)));
            assertEquals(List.of(1, 2), ints(inactive.parameters().get(ParameterCode.ACTORS)),
                    "an inactive actor keeps its place");

            // Within PlayerTTL alice comes back as the same actor; bob stays master client.
            Room back = alice.await(alice.client().reconnectAndRejoin());
            assertEquals(1, back.localActorNr());
            assertEquals(2, back.masterClientId());
            EventData rejoined = bob.event(e -> e.code() == EventCode.JOIN && sender(e) == 1);
            assertEquals(List.of(1, 2), ints(rejoined.parameters().get(ParameterCode.ACTORS)));
            alice.client().raiseEvent(7, "back", RaiseEventOptions.DEFAULT);
            assertEquals("7<-1:back", describe(bob.event(7)));

            // bob drops and does not come back in time: inactive first, removed once PlayerTTL ran out.
            long dropped = System.nanoTime();
            bob.dropConnection();
            EventData bobInactive = alice.event(e -> e.code() == EventCode.LEAVE && sender(e) == 2);
            assertEquals(true, bobInactive.parameters().get(ParameterCode.IS_INACTIVE));
            assertEquals(1, Values.toInt(bobInactive.parameters().get(ParameterCode.MASTER_CLIENT_ID)));
            EventData bobGone = alice.event(e -> e.code() == EventCode.LEAVE && sender(e) == 2);
            long afterMillis = (System.nanoTime() - dropped) / 1_000_000;
            assertNull(bobGone.parameters().get(ParameterCode.IS_INACTIVE), "removed for good");
            assertEquals(List.of(1), ints(bobGone.parameters().get(ParameterCode.ACTORS)));
            assertTrue(afterMillis >= 1800 && afterMillis < 6000, "removed after PlayerTTL, took " + afterMillis);

            assertEquals(1006, bob.awaitDisconnect());
            PhotonException tooLate = bob.refused(bob.client().reconnectAndRejoin());
            assertEquals(ReturnCode.JOIN_FAILED_WITH_REJOINER_NOT_FOUND, tooLate.returnCode(), tooLate.getMessage());
            // Back on the master, bob joins afresh: actor numbers are never reused.
            assertEquals(3, bob.await(bob.client().joinRoom(room)).localActorNr());
        }
    }

    @Test
    void emptyRoomLivesForEmptyRoomTtlThenDisappearsFromTheLobbyList() throws Exception {
        String v = "empty";
        String room = "empty-room";
        try (TestPlayer watcher = TestPlayer.onMaster(server, v, "watcher");
             TestPlayer alice = TestPlayer.onMaster(server, v, "alice");
             TestPlayer bob = TestPlayer.onMaster(server, v, "bob");
             TestPlayer carol = TestPlayer.onMaster(server, v, "carol")) {
            watcher.await(watcher.client().joinLobby(null));
            watcher.roomList(list -> true); // the initial GameList

            alice.await(alice.client().createRoom(room, RoomOptions.defaults().withMaxPlayers(4)
                    .withEmptyRoomTtl(1000)));
            RoomInfo listed = entry(watcher.roomList(l -> entryOf(l, room) != null && !entryOf(l, room).isRemoved()),
                    room);
            assertEquals(1, listed.playerCount());
            assertEquals(4, listed.maxPlayers());

            // Empty, but within EmptyRoomTTL the room is still there to join; actor numbers go on from 2.
            alice.await(alice.client().leaveRoom(false));
            assertEquals(2, bob.await(bob.client().joinRoom(room)).localActorNr());

            bob.await(bob.client().leaveRoom(false));
            long empty = System.nanoTime();
            watcher.roomList(l -> entryOf(l, room) != null && entryOf(l, room).isRemoved());
            long afterMillis = (System.nanoTime() - empty) / 1_000_000;
            assertTrue(afterMillis >= 800 && afterMillis < 5000,
                    "removed from the lobby after EmptyRoomTTL (1000 ms) + at most one publish interval, took "
                            + afterMillis);
            assertFalse(watcher.await(watcher.client().roomList()).stream().anyMatch(r -> r.name().equals(room)));

            PhotonException gone = carol.refused(carol.client().joinRoom(room));
            assertEquals(ReturnCode.GAME_ID_NOT_EXISTS, gone.returnCode(), gone.getMessage());
        }
    }

    // ---- helpers ----

    /** Each participant's custom events before the next fence, as "code<-sender:data". */
    private static void assertReceived(List<Object> participants, List<String>... expected) throws Exception {
        for (int i = 0; i < participants.size(); i++) {
            Object p = participants.get(i);
            List<String> got = describe(p instanceof TestPlayer t ? t.customEventsBefore(FENCE)
                    : ((MessageClient) p).customEventsBefore(FENCE));
            assertEquals(expected[i], got, "participant " + (i + 1));
        }
    }

    /** Every participant gets {@code n} SYNC events and nothing else custom before them. */
    private static void consumeSyncs(List<Object> participants, int n) throws Exception {
        for (Object p : participants) {
            for (int k = 0; k < n; k++) {
                List<EventData> before = p instanceof TestPlayer t ? t.customEventsBefore(SYNC)
                        : ((MessageClient) p).customEventsBefore(SYNC);
                assertEquals(List.of(), describe(before));
            }
        }
    }

    private static EventData nextOf(Object p, int a, int b) throws Exception {
        return p instanceof TestPlayer t ? t.event(e -> e.code() == a || e.code() == b)
                : ((MessageClient) p).event(e -> e.code() == a || e.code() == b);
    }

    private static List<String> describe(List<EventData> events) {
        List<String> out = new ArrayList<>();
        for (EventData e : events) {
            out.add(describe(e));
        }
        return out;
    }

    private static String describe(EventData e) {
        Object data = e.parameters().get(ParameterCode.DATA);
        return e.code() + "<-" + sender(e) + (data == null ? "" : ":" + data);
    }

    private static int sender(EventData e) {
        return Values.toInt(e.parameters().get(ParameterCode.ACTOR_NR), 0);
    }

    private static List<Integer> ints(Object array) {
        List<Integer> out = new ArrayList<>();
        for (int i = 0; i < java.lang.reflect.Array.getLength(array); i++) {
            out.add(Values.toInt(java.lang.reflect.Array.get(array, i)));
        }
        return out;
    }

    private static RoomInfo entryOf(List<RoomInfo> list, String room) {
        return list.stream().filter(r -> r.name().equals(room)).findFirst().orElse(null);
    }

    private static RoomInfo entry(List<RoomInfo> list, String room) {
        RoomInfo r = entryOf(list, room);
        assertTrue(r != null, room + " not in " + list);
        return r;
    }
}
