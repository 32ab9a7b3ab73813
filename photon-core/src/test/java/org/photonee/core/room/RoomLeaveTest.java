package org.photonee.core.room;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.photonee.core.codes.ActorPropertyKey;
import org.photonee.core.codes.EventCode;
import org.photonee.core.codes.GamePropertyKey;
import org.photonee.core.codes.JoinMode;
import org.photonee.core.codes.OperationCode;
import org.photonee.core.codes.ParameterCode;
import org.photonee.core.codes.ReceiverGroup;
import org.photonee.core.codes.ReturnCode;
import org.photonee.core.codes.RoomOptionFlags;
import org.photonee.core.protocol.EventData;
import org.photonee.core.protocol.Parameters;
import org.photonee.core.protocol.PhotonHashtable;

class RoomLeaveTest {

    @Test
    void leaveAnswersThenTellsTheOthersWithActorsLeft() {
        RoomFixture f = new RoomFixture();
        TestMember alice = f.join("alice");
        TestMember bob = f.join("bob");
        TestMember carol = f.join("carol");
        f.clearAll(alice, bob, carol);
        f.room.leave(bob, new Parameters());
        assertEquals(OperationCode.LEAVE, bob.peer.lastResponse().code());
        assertEquals(ReturnCode.OK, bob.peer.lastResponse().returnCode());
        assertTrue(bob.left);
        assertTrue(bob.peer.events().isEmpty());
        EventData leave = alice.peer.events(EventCode.LEAVE).get(0);
        assertEquals(2, leave.parameters().get(ParameterCode.ACTOR_NR));
        assertArrayEquals(new int[] {1, 3}, (int[]) leave.parameters().get(ParameterCode.ACTORS));
        assertFalse(leave.parameters().contains(ParameterCode.IS_INACTIVE));
        assertFalse(leave.parameters().contains(ParameterCode.MASTER_CLIENT_ID));
        assertNull(f.room.actor(2));
    }

    @Test
    void leaveWithIsInactiveKeepsTheActorWhenPlayerTtlIsSet() {
        RoomFixture f = new RoomFixture(ParameterCode.PLAYER_TTL, 1000);
        TestMember alice = f.join("alice");
        TestMember bob = f.join("bob");
        f.room.leave(bob, Parameters.of(ParameterCode.IS_INACTIVE, true));
        EventData leave = alice.peer.events(EventCode.LEAVE).get(0);
        assertEquals(true, leave.parameters().get(ParameterCode.IS_INACTIVE));
        assertArrayEquals(new int[] {1, 2}, (int[]) leave.parameters().get(ParameterCode.ACTORS));
        assertFalse(f.room.actor(2).isActive());
        assertEquals(1, f.listener.last().inactiveCount());
    }

    @Test
    void leaveWithIsInactiveRemovesTheActorWhenPlayerTtlIsZero() {
        RoomFixture f = new RoomFixture();
        f.join("alice");
        TestMember bob = f.join("bob");
        f.room.leave(bob, Parameters.of(ParameterCode.IS_INACTIVE, true));
        assertNull(f.room.actor(2));
    }

    @Test
    void disconnectMakesTheActorInactiveAndPlayerTtlRemovesItLater() {
        RoomFixture f = new RoomFixture(ParameterCode.PLAYER_TTL, 1000);
        TestMember alice = f.join("alice");
        TestMember bob = f.join("bob");
        f.room.disconnect(bob, 0);
        assertFalse(f.room.actor(2).isActive());
        PhotonHashtable props = (PhotonHashtable) ((PhotonHashtable) f.join("carol").peer.lastResponse()
                .parameters().get(ParameterCode.ACTOR_PROPERTIES)).get(2);
        assertEquals(true, props.get(ActorPropertyKey.IS_INACTIVE));
        alice.peer.clear();
        f.fiber.advance(999);
        assertFalse(f.room.actor(2) == null);
        f.fiber.advance(1);
        assertNull(f.room.actor(2));
        EventData leave = alice.peer.events(EventCode.LEAVE).get(0);
        assertEquals(2, leave.parameters().get(ParameterCode.ACTOR_NR));
        assertFalse(leave.parameters().contains(ParameterCode.IS_INACTIVE));
    }

    @Test
    void negativePlayerTtlKeepsInactiveActorsForever() {
        RoomFixture f = new RoomFixture(ParameterCode.PLAYER_TTL, -1);
        f.join("alice");
        TestMember bob = f.join("bob");
        f.room.disconnect(bob, 0);
        f.fiber.advance(365L * 24 * 3600 * 1000);
        assertFalse(f.room.actor(2).isActive());
        assertEquals(ReturnCode.OK, f.join("bob", JoinMode.REJOIN_ONLY, null).peer.lastResponse().returnCode());
    }

    @Test
    void rejoinCancelsThePlayerTtlTimer() {
        RoomFixture f = new RoomFixture(ParameterCode.PLAYER_TTL, 1000);
        f.join("alice");
        TestMember bob = f.join("bob");
        f.room.disconnect(bob, 0);
        f.fiber.advance(500);
        f.join("bob", JoinMode.REJOIN_ONLY, null);
        f.fiber.advance(5000);
        assertTrue(f.room.actor(2).isActive());
    }

    @Test
    void masterClientIsTheLowestActiveActorAndMovesOnWhenItLeaves() {
        RoomFixture f = new RoomFixture(ParameterCode.PLAYER_TTL, 1000);
        TestMember alice = f.join("alice");
        TestMember bob = f.join("bob");
        TestMember carol = f.join("carol");
        assertEquals(1, f.room.masterClientId());
        f.room.disconnect(alice, 0);
        EventData leave = bob.peer.events(EventCode.LEAVE).get(0);
        assertEquals(2, leave.parameters().get(ParameterCode.MASTER_CLIENT_ID));
        assertEquals(2, f.room.masterClientId());
        carol.peer.clear();
        f.raise(carol, ParameterCode.CODE, 5, ParameterCode.RECEIVER_GROUP, ReceiverGroup.MASTER_CLIENT);
        assertEquals(1, bob.peer.events(5).size());
        assertTrue(carol.peer.events(5).isEmpty());
        f.room.leave(bob, new Parameters());
        assertEquals(3, carol.peer.events(EventCode.LEAVE).get(0).parameters().get(ParameterCode.MASTER_CLIENT_ID));
    }

    @Test
    void suppressedRoomEventsStillAnnounceANewMasterClientAsPropertyChange() {
        RoomFixture f = new RoomFixture(ParameterCode.ROOM_OPTION_FLAGS, RoomOptionFlags.SUPPRESS_ROOM_EVENTS);
        TestMember alice = f.join("alice");
        TestMember bob = f.join("bob");
        f.room.leave(alice, new Parameters());
        assertTrue(bob.peer.events(EventCode.LEAVE).isEmpty());
        EventData change = bob.peer.events(EventCode.PROPERTIES_CHANGED).get(0);
        assertEquals(PhotonHashtable.of(GamePropertyKey.MASTER_CLIENT_ID, 2),
                change.parameters().get(ParameterCode.PROPERTIES));
    }

    @Test
    void emptyRoomTtlStartsWhenTheLastActiveActorGoesAndAJoinStopsIt() {
        RoomFixture f = new RoomFixture(ParameterCode.EMPTY_ROOM_TTL, 2000, ParameterCode.PLAYER_TTL, -1);
        TestMember alice = f.join("alice");
        f.room.disconnect(alice, 0);
        f.fiber.advance(1999);
        assertEquals(0, f.emptyExpired);
        f.join("alice", JoinMode.REJOIN_ONLY, null);
        f.fiber.advance(5000);
        assertEquals(0, f.emptyExpired);
        f.room.leave(f.room.actor(1).member(), new Parameters());
        f.fiber.advance(2000);
        assertEquals(1, f.emptyExpired);
    }

    @Test
    void deleteCacheOnLeaveDropsTheLeaversCachedEventsButKeepsGlobalOnes() {
        RoomFixture f = new RoomFixture(ParameterCode.DELETE_CACHE_ON_LEAVE, true);
        f.join("alice");
        TestMember bob = f.join("bob");
        f.raise(bob, ParameterCode.CODE, 1, ParameterCode.CACHE, 4);
        f.raise(bob, ParameterCode.CODE, 2, ParameterCode.CACHE, 5);
        f.raise(bob, ParameterCode.CODE, 3, ParameterCode.CACHE, 2);
        f.room.leave(bob, new Parameters());
        TestMember carol = f.join("carol");
        assertEquals(java.util.List.of(EventCode.JOIN, 2),
                carol.peer.events().stream().map(EventData::code).toList());
    }

    @Test
    void withoutDeleteCacheOnLeaveTheLeaversEventsStay() {
        RoomFixture f = new RoomFixture();
        f.join("alice");
        TestMember bob = f.join("bob");
        f.raise(bob, ParameterCode.CODE, 1, ParameterCode.CACHE, 4);
        f.room.leave(bob, new Parameters());
        assertEquals(1, f.join("carol").peer.events(1).size());
    }

    @Test
    void operationsOfAMemberThatLeftAreIgnored() {
        RoomFixture f = new RoomFixture();
        TestMember alice = f.join("alice");
        TestMember bob = f.join("bob");
        f.room.leave(bob, new Parameters());
        alice.peer.clear();
        bob.peer.clear();
        f.raise(bob, ParameterCode.CODE, 1, ParameterCode.RECEIVER_GROUP, ReceiverGroup.ALL);
        assertTrue(alice.peer.received.isEmpty());
        assertTrue(bob.peer.received.isEmpty());
    }
}
