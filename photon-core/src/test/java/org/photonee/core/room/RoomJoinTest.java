package org.photonee.core.room;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.photonee.core.codes.ActorPropertyKey;
import org.photonee.core.codes.EventCode;
import org.photonee.core.codes.GamePropertyKey;
import org.photonee.core.codes.JoinMode;
import org.photonee.core.codes.OperationCode;
import org.photonee.core.codes.ParameterCode;
import org.photonee.core.codes.ReturnCode;
import org.photonee.core.codes.RoomOptionFlags;
import org.photonee.core.protocol.EventData;
import org.photonee.core.protocol.OperationResponse;
import org.photonee.core.protocol.PhotonHashtable;

class RoomJoinTest {

    @Test
    void joinResponseCarriesActorNrGamePropertiesActorsActorPropertiesAndFlags() {
        RoomFixture f = new RoomFixture(ParameterCode.GAME_PROPERTIES, PhotonHashtable.of(GamePropertyKey.MAX_PLAYERS,
                4, GamePropertyKey.LOBBY_PROPERTIES, new Object[] {"map"}, "map", "de_dust"),
                ParameterCode.DELETE_CACHE_ON_LEAVE, true);
        TestMember alice = f.join("alice", JoinMode.JOIN_ONLY, PhotonHashtable.of(ActorPropertyKey.NICKNAME, "alice",
                "color", "red"));
        OperationResponse r = alice.peer.lastResponse();
        assertEquals(OperationCode.JOIN_GAME, r.code());
        assertEquals(ReturnCode.OK, r.returnCode());
        assertEquals(1, r.parameters().get(ParameterCode.ACTOR_NR));
        PhotonHashtable game = (PhotonHashtable) r.parameters().get(ParameterCode.GAME_PROPERTIES);
        assertEquals((byte) 4, game.get(GamePropertyKey.MAX_PLAYERS));
        assertEquals(true, game.get(GamePropertyKey.IS_OPEN));
        assertEquals(true, game.get(GamePropertyKey.IS_VISIBLE));
        assertEquals(1, game.get(GamePropertyKey.MASTER_CLIENT_ID));
        assertArrayEquals(new String[] {"map"}, (String[]) game.get(GamePropertyKey.LOBBY_PROPERTIES));
        assertEquals("de_dust", game.get("map"));
        assertArrayEquals(new int[] {1}, (int[]) r.parameters().get(ParameterCode.ACTORS));
        PhotonHashtable actorProps = (PhotonHashtable) r.parameters().get(ParameterCode.ACTOR_PROPERTIES);
        assertEquals(PhotonHashtable.of(ActorPropertyKey.NICKNAME, "alice", "color", "red"), actorProps.get(1));
        assertEquals(RoomOptionFlags.DELETE_CACHE_ON_LEAVE, r.parameters().get(ParameterCode.ROOM_OPTION_FLAGS));
        assertEquals("alice", alice.actor.nickname());
    }

    @Test
    void joinEventGoesToEveryoneIncludingTheJoinerAfterTheResponse() {
        RoomFixture f = new RoomFixture();
        TestMember alice = f.join("alice");
        TestMember bob = f.join("bob", JoinMode.JOIN_ONLY, PhotonHashtable.of("color", "blue"));
        assertTrue(bob.peer.received.get(0) instanceof OperationResponse);
        EventData toBob = bob.peer.events(EventCode.JOIN).get(0);
        EventData toAlice = alice.peer.events(EventCode.JOIN).get(1);
        for (EventData e : List.of(toBob, toAlice)) {
            assertEquals(2, e.parameters().get(ParameterCode.ACTOR_NR));
            assertArrayEquals(new int[] {1, 2}, (int[]) e.parameters().get(ParameterCode.ACTORS));
            assertEquals(PhotonHashtable.of("color", "blue"), e.parameters().get(ParameterCode.ACTOR_PROPERTIES));
        }
    }

    @Test
    void publishUserIdAddsUserIdToActorProperties() {
        RoomFixture f = new RoomFixture(ParameterCode.PUBLISH_USER_ID, true);
        TestMember alice = f.join("alice");
        PhotonHashtable props = (PhotonHashtable) alice.peer.events(EventCode.JOIN).get(0).parameters()
                .get(ParameterCode.ACTOR_PROPERTIES);
        assertEquals("alice", props.get(ActorPropertyKey.USER_ID));
        PhotonHashtable inResponse = (PhotonHashtable) ((PhotonHashtable) alice.peer.lastResponse().parameters()
                .get(ParameterCode.ACTOR_PROPERTIES)).get(1);
        assertEquals("alice", inResponse.get(ActorPropertyKey.USER_ID));
    }

    @Test
    void userIdIsNotPublishedWithoutTheFlagAndClientsCannotSetServerOwnedKeys() {
        RoomFixture f = new RoomFixture();
        TestMember alice = f.join("alice", JoinMode.JOIN_ONLY, PhotonHashtable.of(ActorPropertyKey.USER_ID, "fake",
                ActorPropertyKey.IS_INACTIVE, true));
        PhotonHashtable props = (PhotonHashtable) alice.peer.events(EventCode.JOIN).get(0).parameters()
                .get(ParameterCode.ACTOR_PROPERTIES);
        assertTrue(props.isEmpty());
    }

    @Test
    void suppressRoomEventsSendsNoJoinEvent() {
        RoomFixture f = new RoomFixture(ParameterCode.ROOM_OPTION_FLAGS, RoomOptionFlags.SUPPRESS_ROOM_EVENTS);
        TestMember alice = f.join("alice");
        f.join("bob");
        assertTrue(alice.peer.events(EventCode.JOIN).isEmpty());
    }

    @Test
    void actorNumbersStartAtOneAndAreNeverReused() {
        RoomFixture f = new RoomFixture();
        TestMember a = f.join("a");
        TestMember b = f.join("b");
        f.room.leave(b, new org.photonee.core.protocol.Parameters());
        TestMember c = f.join("c");
        assertEquals(1, a.actorNr());
        assertEquals(2, b.actorNr());
        assertEquals(3, c.actorNr());
    }

    @Test
    void closedRoomRefusesJoinersWithGameClosedButNotItsCreator() {
        RoomFixture f = new RoomFixture(ParameterCode.GAME_PROPERTIES, PhotonHashtable.of(GamePropertyKey.IS_OPEN,
                false));
        assertEquals(ReturnCode.OK, f.join("creator").peer.lastResponse().returnCode());
        TestMember m = f.join("alice");
        assertEquals(ReturnCode.GAME_CLOSED, m.peer.lastResponse().returnCode());
        assertEquals(ReturnCode.GAME_CLOSED, m.failedWith);
        assertNull(m.actor);
    }

    @Test
    void fullCountsInactiveActorsAndExpectedUsers() {
        RoomFixture f = new RoomFixture(ParameterCode.GAME_PROPERTIES, PhotonHashtable.of(GamePropertyKey.MAX_PLAYERS,
                (byte) 3), ParameterCode.PLAYER_TTL, 10_000, ParameterCode.ADD_USERS, new String[] {"carol"});
        f.join("alice");
        TestMember bob = f.join("bob");
        f.room.disconnect(bob, 0);
        TestMember dave = f.join("dave");
        assertEquals(ReturnCode.GAME_FULL, dave.peer.lastResponse().returnCode());
        TestMember carol = f.join("carol");
        assertEquals(ReturnCode.OK, carol.peer.lastResponse().returnCode());
        assertEquals(List.of(), f.room.expectedUsers());
    }

    @Test
    void maxPlayersZeroIsUnlimited() {
        RoomFixture f = new RoomFixture();
        for (int i = 0; i < 300; i++) {
            assertEquals(ReturnCode.OK, f.join("u" + i).peer.lastResponse().returnCode());
        }
    }

    @Test
    void creatorWhoseReservationsDoNotFitGetsSlotErrorNotGameFull() {
        RoomFixture f = new RoomFixture(ParameterCode.GAME_PROPERTIES, PhotonHashtable.of(GamePropertyKey.MAX_PLAYERS,
                2), ParameterCode.ADD_USERS, new String[] {"x", "y"});
        TestMember creator = f.join("alice");
        assertEquals(ReturnCode.SLOT_ERROR, creator.peer.lastResponse().returnCode());
    }

    @Test
    void addUsersBeyondFreeSlotsIsSlotError() {
        RoomFixture f = new RoomFixture(ParameterCode.GAME_PROPERTIES, PhotonHashtable.of(GamePropertyKey.MAX_PLAYERS,
                2));
        f.join("alice");
        TestMember bob = f.newMember();
        f.join(bob, "bob", JoinMode.JOIN_ONLY, null, false, "s", List.of("carol", "dave"));
        assertEquals(ReturnCode.SLOT_ERROR, bob.peer.lastResponse().returnCode());
        TestMember bob2 = f.newMember();
        f.join(bob2, "bob", JoinMode.JOIN_ONLY, null, false, "s", List.of());
        assertEquals(ReturnCode.OK, bob2.peer.lastResponse().returnCode());
    }

    @Test
    void excludedUserIsRefused() {
        RoomFixture f = new RoomFixture();
        f.room.excludeUser("mallory");
        assertEquals(ReturnCode.JOIN_FAILED_FOUND_EXCLUDED_USER_ID,
                f.join("mallory").peer.lastResponse().returnCode());
    }

    @Test
    void checkUserOnJoinRefusesAnActiveOrInactiveDuplicate() {
        RoomFixture f = new RoomFixture(ParameterCode.CHECK_USER_ON_JOIN, true, ParameterCode.PLAYER_TTL, 1000);
        TestMember alice = f.join("alice");
        assertEquals(ReturnCode.JOIN_FAILED_FOUND_ACTIVE_JOINER, f.join("alice").peer.lastResponse().returnCode());
        f.room.disconnect(alice, 0);
        assertEquals(ReturnCode.JOIN_FAILED_FOUND_INACTIVE_JOINER, f.join("alice").peer.lastResponse().returnCode());
    }

    @Test
    void withoutCheckUserOnJoinTheSameUserMayJoinTwice() {
        RoomFixture f = new RoomFixture();
        f.join("alice");
        TestMember second = f.join("alice");
        assertEquals(2, second.actorNr());
    }

    @Test
    void rejoinOnlyFindsTheInactiveActorAndKeepsItsNumberAndProperties() {
        RoomFixture f = new RoomFixture(ParameterCode.PLAYER_TTL, 5000);
        TestMember alice = f.join("alice", JoinMode.JOIN_ONLY, PhotonHashtable.of("score", 3));
        TestMember bob = f.join("bob");
        f.room.disconnect(alice, 0);
        TestMember back = f.join("alice", JoinMode.REJOIN_ONLY, null);
        assertEquals(ReturnCode.OK, back.peer.lastResponse().returnCode());
        assertEquals(1, back.actorNr());
        assertEquals(3, back.actor.properties().get("score"));
        EventData joinAtBob = bob.peer.events(EventCode.JOIN).get(1);
        assertEquals(1, joinAtBob.parameters().get(ParameterCode.ACTOR_NR));
    }

    @Test
    void rejoinOnlyWithoutAnActorIsRejoinerNotFound() {
        RoomFixture f = new RoomFixture(ParameterCode.PLAYER_TTL, 5000);
        f.join("bob");
        assertEquals(ReturnCode.JOIN_FAILED_WITH_REJOINER_NOT_FOUND,
                f.join("alice", JoinMode.REJOIN_ONLY, null).peer.lastResponse().returnCode());
    }

    @Test
    void rejoinOnlyInARoomWithoutPlayerTtlIsRefused() {
        RoomFixture f = new RoomFixture();
        f.join("bob");
        OperationResponse r = f.join("bob", JoinMode.REJOIN_ONLY, null).peer.lastResponse();
        assertEquals(ReturnCode.JOIN_FAILED_WITH_REJOINER_NOT_FOUND, r.returnCode());
        assertEquals("Room does not support rejoing. PlayerTTL is 0", r.debugMessage());
    }

    @Test
    void rejoinOrJoinJoinsWhenThereIsNothingToRejoin() {
        RoomFixture f = new RoomFixture(ParameterCode.PLAYER_TTL, 5000);
        TestMember m = f.join("alice", JoinMode.REJOIN_OR_JOIN, null);
        assertEquals(ReturnCode.OK, m.peer.lastResponse().returnCode());
        assertEquals(1, m.actorNr());
    }

    @Test
    void rejoinOfAnActiveActorFromAnotherSessionIsFoundActiveJoiner() {
        RoomFixture f = new RoomFixture(ParameterCode.PLAYER_TTL, 5000);
        f.join("alice");
        assertEquals(ReturnCode.JOIN_FAILED_FOUND_ACTIVE_JOINER,
                f.join("alice", JoinMode.REJOIN_ONLY, null).peer.lastResponse().returnCode());
    }

    @Test
    void rejoinFromTheSameSessionTakesOverTheActiveActorAndClosesTheOldConnection() {
        RoomFixture f = new RoomFixture(ParameterCode.PLAYER_TTL, 5000);
        TestMember old = f.newMember();
        f.join(old, "alice", JoinMode.JOIN_ONLY, null, false, "sess-1", List.of());
        TestMember again = f.newMember();
        f.join(again, "alice", JoinMode.REJOIN_ONLY, null, false, "sess-1", List.of());
        assertEquals(ReturnCode.OK, again.peer.lastResponse().returnCode());
        assertEquals(1, again.actorNr());
        assertTrue(old.peer.disconnected);
        assertTrue(old.left);
        // The old connection's late disconnect no longer affects the actor.
        f.room.disconnect(old, 0);
        assertTrue(f.room.actor(1).isActive());
    }

    @Test
    void forceRejoinTakesOverFromAnotherSession() {
        RoomFixture f = new RoomFixture(ParameterCode.PLAYER_TTL, 5000);
        f.join("alice");
        TestMember again = f.newMember();
        f.join(again, "alice", JoinMode.REJOIN_ONLY, null, true, "other", List.of());
        assertEquals(ReturnCode.OK, again.peer.lastResponse().returnCode());
    }

    @Test
    void rejoinIgnoresIsOpenButJoinDoesNot() {
        RoomFixture f = new RoomFixture(ParameterCode.PLAYER_TTL, 5000);
        TestMember alice = f.join("alice");
        TestMember bob = f.join("bob");
        f.setProperties(bob, ParameterCode.PROPERTIES, PhotonHashtable.of(GamePropertyKey.IS_OPEN, false));
        f.room.disconnect(alice, 0);
        assertEquals(ReturnCode.OK, f.join("alice", JoinMode.REJOIN_ONLY, null).peer.lastResponse().returnCode());
        assertEquals(ReturnCode.GAME_CLOSED, f.join("carol").peer.lastResponse().returnCode());
    }

    @Test
    void wrongActorPropertyTypesAreRefusedWithoutAnException() {
        RoomFixture f = new RoomFixture();
        TestMember m = f.join("alice", JoinMode.JOIN_ONLY, PhotonHashtable.of(ActorPropertyKey.NICKNAME, 42));
        assertEquals(ReturnCode.OPERATION_INVALID, m.peer.lastResponse().returnCode());
        assertFalse(f.room.actors().stream().anyMatch(a -> a.userId().equals("alice")));
    }

    @Test
    void joinIntoRoomWithInactiveMasterMakesTheJoinerMaster() {
        RoomFixture f = new RoomFixture(ParameterCode.PLAYER_TTL, 5000);
        TestMember alice = f.join("alice");
        f.room.disconnect(alice, 0);
        TestMember bob = f.join("bob");
        assertEquals(2, f.room.masterClientId());
        PhotonHashtable game = (PhotonHashtable) bob.peer.lastResponse().parameters()
                .get(ParameterCode.GAME_PROPERTIES);
        assertEquals(2, game.get(GamePropertyKey.MASTER_CLIENT_ID));
    }
}
