package org.photonee.core.room;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.photonee.core.codes.ActorPropertyKey;
import org.photonee.core.codes.EventCode;
import org.photonee.core.codes.GamePropertyKey;
import org.photonee.core.codes.OperationCode;
import org.photonee.core.codes.ParameterCode;
import org.photonee.core.codes.ReturnCode;
import org.photonee.core.codes.RoomOptionFlags;
import org.photonee.core.protocol.EventData;
import org.photonee.core.protocol.OperationResponse;
import org.photonee.core.protocol.Parameters;
import org.photonee.core.protocol.PhotonHashtable;

class PropertiesTest {

    private static RoomFixture room(Object... create) {
        return new RoomFixture(create);
    }

    @Test
    void roomPropertiesWithBroadcastGoToOthersWithSenderAndTargetZero() {
        RoomFixture f = room();
        TestMember a = f.join("a");
        TestMember b = f.join("b");
        f.clearAll(a, b);
        f.setProperties(a, ParameterCode.PROPERTIES, PhotonHashtable.of("score", 5), ParameterCode.BROADCAST, true);
        OperationResponse r = a.peer.lastResponse();
        assertEquals(OperationCode.SET_PROPERTIES, r.code());
        assertEquals(ReturnCode.OK, r.returnCode());
        assertTrue(a.peer.events().isEmpty());
        EventData e = b.peer.events(EventCode.PROPERTIES_CHANGED).get(0);
        assertEquals(Parameters.of(ParameterCode.TARGET_ACTOR_NR, 0, ParameterCode.PROPERTIES,
                PhotonHashtable.of("score", 5), ParameterCode.ACTOR_NR, 1), e.parameters());
        assertEquals(5, f.room.gameProperties().get("score"));
    }

    @Test
    void withoutBroadcastNobodyIsTold() {
        RoomFixture f = room();
        TestMember a = f.join("a");
        TestMember b = f.join("b");
        f.setProperties(a, ParameterCode.PROPERTIES, PhotonHashtable.of("score", 5));
        assertTrue(b.peer.events(EventCode.PROPERTIES_CHANGED).isEmpty());
        assertEquals(5, f.room.customProperties().get("score"));
    }

    @Test
    void broadcastPropsChangeToAllIncludesTheSender() {
        RoomFixture f = room(ParameterCode.ROOM_OPTION_FLAGS, RoomOptionFlags.BROADCAST_PROPS_CHANGE_TO_ALL);
        TestMember a = f.join("a");
        f.setProperties(a, ParameterCode.PROPERTIES, PhotonHashtable.of("score", 5), ParameterCode.BROADCAST, true);
        assertEquals(1, a.peer.events(EventCode.PROPERTIES_CHANGED).size());
    }

    @Test
    void casSucceedsWhenExpectedValuesMatchAndThenBroadcastsToAll() {
        RoomFixture f = room(ParameterCode.GAME_PROPERTIES, PhotonHashtable.of("turn", 1));
        TestMember a = f.join("a");
        TestMember b = f.join("b");
        f.clearAll(a, b);
        f.setProperties(a, ParameterCode.PROPERTIES, PhotonHashtable.of("turn", 2), ParameterCode.EXPECTED_VALUES,
                PhotonHashtable.of("turn", (byte) 1));
        assertEquals(ReturnCode.OK, a.peer.lastResponse().returnCode());
        assertEquals(1, a.peer.events(EventCode.PROPERTIES_CHANGED).size());
        assertEquals(1, b.peer.events(EventCode.PROPERTIES_CHANGED).size());
        assertEquals(2, f.room.customProperties().get("turn"));
    }

    @Test
    void casFailsWhenAValueDiffersAndChangesNothing() {
        RoomFixture f = room(ParameterCode.GAME_PROPERTIES, PhotonHashtable.of("turn", 1));
        TestMember a = f.join("a");
        TestMember b = f.join("b");
        f.clearAll(a, b);
        f.setProperties(a, ParameterCode.PROPERTIES, PhotonHashtable.of("turn", 3, "other", true),
                ParameterCode.EXPECTED_VALUES, PhotonHashtable.of("turn", 2));
        assertEquals(ReturnCode.OPERATION_INVALID, a.peer.lastResponse().returnCode());
        assertEquals(1, f.room.customProperties().get("turn"));
        assertFalse(f.room.customProperties().containsKey("other"));
        assertTrue(b.peer.events().isEmpty());
    }

    @Test
    void casOnAnAbsentKeyExpectsNull() {
        RoomFixture f = room();
        TestMember a = f.join("a");
        f.setProperties(a, ParameterCode.PROPERTIES, PhotonHashtable.of("owner", "a"), ParameterCode.EXPECTED_VALUES,
                PhotonHashtable.of("owner", null));
        assertEquals(ReturnCode.OK, a.peer.lastResponse().returnCode());
        f.setProperties(a, ParameterCode.PROPERTIES, PhotonHashtable.of("owner", "b"), ParameterCode.EXPECTED_VALUES,
                PhotonHashtable.of("owner", null));
        assertEquals(ReturnCode.OPERATION_INVALID, a.peer.lastResponse().returnCode());
    }

    @Test
    void actorPropertiesCarryTheTargetActorAndSupportCas() {
        RoomFixture f = room();
        TestMember a = f.join("a");
        TestMember b = f.join("b");
        f.setProperties(a, ParameterCode.ACTOR_NR, 2, ParameterCode.PROPERTIES, PhotonHashtable.of("hp", 10),
                ParameterCode.BROADCAST, true);
        EventData e = b.peer.events(EventCode.PROPERTIES_CHANGED).get(0);
        assertEquals(2, e.parameters().get(ParameterCode.TARGET_ACTOR_NR));
        assertEquals(1, e.parameters().get(ParameterCode.ACTOR_NR));
        assertEquals(10, b.actor.properties().get("hp"));
        f.setProperties(b, ParameterCode.ACTOR_NR, 2, ParameterCode.PROPERTIES, PhotonHashtable.of("hp", 9),
                ParameterCode.EXPECTED_VALUES, PhotonHashtable.of("hp", 11));
        assertEquals(ReturnCode.OPERATION_INVALID, b.peer.lastResponse().returnCode());
        assertEquals(10, b.actor.properties().get("hp"));
    }

    @Test
    void actorPropertiesOfAnUnknownActorAreRefused() {
        RoomFixture f = room();
        TestMember a = f.join("a");
        f.setProperties(a, ParameterCode.ACTOR_NR, 9, ParameterCode.PROPERTIES, PhotonHashtable.of("hp", 1));
        assertEquals(ReturnCode.OPERATION_INVALID, a.peer.lastResponse().returnCode());
    }

    @Test
    void nicknameChangesThroughActorPropertiesAndServerOwnedKeysAreIgnored() {
        RoomFixture f = room();
        TestMember a = f.join("a");
        f.setProperties(a, ParameterCode.ACTOR_NR, 1, ParameterCode.PROPERTIES, PhotonHashtable.of(
                ActorPropertyKey.NICKNAME, "neo", ActorPropertyKey.USER_ID, "root"));
        assertEquals("neo", a.actor.nickname());
        assertFalse(a.actor.properties().containsKey(ActorPropertyKey.USER_ID));
        f.setProperties(a, ParameterCode.ACTOR_NR, 1, ParameterCode.PROPERTIES, PhotonHashtable.of(
                ActorPropertyKey.NICKNAME, 7));
        assertEquals(ReturnCode.OPERATION_INVALID, a.peer.lastResponse().returnCode());
    }

    @Test
    void deleteNullPropsRemovesKeysOtherwiseNullIsStored() {
        RoomFixture deleting = room(ParameterCode.ROOM_OPTION_FLAGS, RoomOptionFlags.DELETE_NULL_PROPS,
                ParameterCode.GAME_PROPERTIES, PhotonHashtable.of("k", 1));
        TestMember a = deleting.join("a");
        deleting.setProperties(a, ParameterCode.PROPERTIES, PhotonHashtable.of("k", null));
        assertFalse(deleting.room.customProperties().containsKey("k"));

        RoomFixture keeping = room(ParameterCode.GAME_PROPERTIES, PhotonHashtable.of("k", 1));
        TestMember b = keeping.join("b");
        keeping.setProperties(b, ParameterCode.PROPERTIES, PhotonHashtable.of("k", null));
        assertTrue(keeping.room.customProperties().containsKey("k"));
    }

    @Test
    void emptyOrMissingPropertiesAreRefused() {
        RoomFixture f = room();
        TestMember a = f.join("a");
        f.setProperties(a, ParameterCode.BROADCAST, true);
        assertEquals(ReturnCode.OPERATION_INVALID, a.peer.lastResponse().returnCode());
        f.setProperties(a, ParameterCode.PROPERTIES, new PhotonHashtable());
        assertEquals(ReturnCode.OPERATION_INVALID, a.peer.lastResponse().returnCode());
        f.setProperties(a, ParameterCode.PROPERTIES, "not a table");
        assertEquals(ReturnCode.OPERATION_INVALID, a.peer.lastResponse().returnCode());
    }

    @Test
    void wellKnownGamePropertiesAreTypeChecked() {
        RoomFixture f = room();
        TestMember a = f.join("a");
        List<PhotonHashtable> bad = List.of(
                PhotonHashtable.of(GamePropertyKey.MAX_PLAYERS, "four"),
                PhotonHashtable.of(GamePropertyKey.MAX_PLAYERS, 256),
                PhotonHashtable.of(GamePropertyKey.IS_OPEN, 1),
                PhotonHashtable.of(GamePropertyKey.IS_VISIBLE, "yes"),
                PhotonHashtable.of(GamePropertyKey.PLAYER_TTL, "long"),
                PhotonHashtable.of(GamePropertyKey.EMPTY_ROOM_TTL, 60_001),
                PhotonHashtable.of(GamePropertyKey.LOBBY_PROPERTIES, "map"),
                PhotonHashtable.of(GamePropertyKey.MAX_PLAYERS, 8, GamePropertyKey.IS_OPEN, "no"));
        for (PhotonHashtable props : bad) {
            f.setProperties(a, ParameterCode.PROPERTIES, props);
            assertEquals(ReturnCode.OPERATION_INVALID, a.peer.lastResponse().returnCode(), props.toString());
        }
        assertEquals(0, f.room.maxPlayers(), "a refused request changes nothing");
        f.setProperties(a, ParameterCode.PROPERTIES, PhotonHashtable.of(GamePropertyKey.MAX_PLAYERS, (byte) 200,
                GamePropertyKey.IS_VISIBLE, false, GamePropertyKey.PLAYER_TTL, 3000, GamePropertyKey.EMPTY_ROOM_TTL,
                60_000));
        assertEquals(ReturnCode.OK, a.peer.lastResponse().returnCode());
        assertEquals(200, f.room.maxPlayers());
        assertFalse(f.room.isVisible());
        assertEquals(3000, f.room.playerTtl());
        assertEquals(60_000, f.room.emptyRoomTtl());
    }

    @Test
    void emptyRoomTtlAboveTheMaximumNamesTheLimit() {
        RoomFixture f = room();
        TestMember a = f.join("a");
        f.setProperties(a, ParameterCode.PROPERTIES, PhotonHashtable.of(GamePropertyKey.EMPTY_ROOM_TTL, 70_000));
        assertEquals("Can not create game with EmptyRoomTtl=70000 max allowed is 60000.",
                a.peer.lastResponse().debugMessage());
    }

    @Test
    void masterClientCanBeHandedOverToAnActiveActorOnly() {
        RoomFixture f = room(ParameterCode.PLAYER_TTL, 1000);
        TestMember a = f.join("a");
        TestMember b = f.join("b");
        TestMember c = f.join("c");
        f.room.disconnect(c, 0);
        f.setProperties(a, ParameterCode.PROPERTIES, PhotonHashtable.of(GamePropertyKey.MASTER_CLIENT_ID, 3));
        assertEquals(ReturnCode.OPERATION_INVALID, a.peer.lastResponse().returnCode());
        f.setProperties(a, ParameterCode.PROPERTIES, PhotonHashtable.of(GamePropertyKey.MASTER_CLIENT_ID, 9));
        assertEquals(ReturnCode.OPERATION_INVALID, a.peer.lastResponse().returnCode());
        f.setProperties(b, ParameterCode.PROPERTIES, PhotonHashtable.of(GamePropertyKey.MASTER_CLIENT_ID, 2),
                ParameterCode.EXPECTED_VALUES, PhotonHashtable.of(GamePropertyKey.MASTER_CLIENT_ID, 2));
        assertEquals(ReturnCode.OPERATION_INVALID, b.peer.lastResponse().returnCode(), "CAS on the current master");
        f.setProperties(b, ParameterCode.PROPERTIES, PhotonHashtable.of(GamePropertyKey.MASTER_CLIENT_ID, 2),
                ParameterCode.EXPECTED_VALUES, PhotonHashtable.of(GamePropertyKey.MASTER_CLIENT_ID, 1));
        assertEquals(ReturnCode.OK, b.peer.lastResponse().returnCode());
        assertEquals(2, f.room.masterClientId());
        assertEquals(1, a.peer.events(EventCode.PROPERTIES_CHANGED).size());
        f.room.leave(a, new Parameters());
        assertEquals(2, f.room.masterClientId(), "an explicit master stays while active");
    }

    @Test
    void expectedUsersChangeOnlyWithCasAndMustFitMaxPlayers() {
        RoomFixture f = room(ParameterCode.GAME_PROPERTIES, PhotonHashtable.of(GamePropertyKey.MAX_PLAYERS, 3));
        TestMember a = f.join("a");
        f.setProperties(a, ParameterCode.PROPERTIES, PhotonHashtable.of(GamePropertyKey.EXPECTED_USERS,
                new String[] {"b"}));
        assertEquals(ReturnCode.OPERATION_INVALID, a.peer.lastResponse().returnCode());
        assertEquals("ExpectedUsers may be updated only in CAS mode", a.peer.lastResponse().debugMessage());
        f.setProperties(a, ParameterCode.PROPERTIES, PhotonHashtable.of(GamePropertyKey.EXPECTED_USERS,
                new String[] {"b", "c", "d"}), ParameterCode.EXPECTED_VALUES,
                PhotonHashtable.of(GamePropertyKey.EXPECTED_USERS, null));
        assertEquals(ReturnCode.SLOT_ERROR, a.peer.lastResponse().returnCode());
        f.setProperties(a, ParameterCode.PROPERTIES, PhotonHashtable.of(GamePropertyKey.EXPECTED_USERS,
                new String[] {"b", "c"}), ParameterCode.EXPECTED_VALUES,
                PhotonHashtable.of(GamePropertyKey.EXPECTED_USERS, null));
        assertEquals(ReturnCode.OK, a.peer.lastResponse().returnCode());
        assertEquals(List.of("b", "c"), f.room.expectedUsers());
        assertEquals(List.of("b", "c"), f.listener.last().expectedUsers());
        assertEquals(ReturnCode.GAME_FULL, f.join("x").peer.lastResponse().returnCode());
    }

    @Test
    void lobbyVisibleChangesAreReportedAndOthersAreNot() {
        RoomFixture f = room(ParameterCode.GAME_PROPERTIES, PhotonHashtable.of(GamePropertyKey.LOBBY_PROPERTIES,
                new String[] {"map"}, "map", "a"));
        TestMember a = f.join("a");
        int reports = f.listener.updates.size();
        f.setProperties(a, ParameterCode.PROPERTIES, PhotonHashtable.of("secret", 1));
        assertEquals(reports, f.listener.updates.size());
        f.setProperties(a, ParameterCode.PROPERTIES, PhotonHashtable.of("map", "b"));
        assertEquals(reports + 1, f.listener.updates.size());
        assertEquals(PhotonHashtable.of("map", "b"), f.listener.last().lobbyProperties());
        f.setProperties(a, ParameterCode.PROPERTIES, PhotonHashtable.of(GamePropertyKey.IS_OPEN, false));
        assertFalse(f.listener.last().isOpen());
    }

    @Test
    void getPropertiesReturnsGameAndActorPropertiesNarrowedByKeysAndActors() {
        RoomFixture f = room(ParameterCode.GAME_PROPERTIES, PhotonHashtable.of("map", "x", "mode", "y"));
        TestMember a = f.join("a", org.photonee.core.codes.JoinMode.JOIN_ONLY, PhotonHashtable.of("hp", 1, "mp", 2));
        f.join("b", org.photonee.core.codes.JoinMode.JOIN_ONLY, PhotonHashtable.of("hp", 3));
        f.room.getProperties(a, new Parameters());
        OperationResponse all = a.peer.lastResponse();
        assertEquals(OperationCode.GET_PROPERTIES, all.code());
        assertEquals("x", ((PhotonHashtable) all.parameters().get(ParameterCode.GAME_PROPERTIES)).get("map"));
        assertEquals(2, ((PhotonHashtable) all.parameters().get(ParameterCode.ACTOR_PROPERTIES)).size());

        f.room.getProperties(a, Parameters.of(ParameterCode.PROPERTY_TYPE, 1, ParameterCode.GAME_PROPERTY_KEYS,
                new String[] {"mode"}));
        OperationResponse game = a.peer.lastResponse();
        assertEquals(PhotonHashtable.of("mode", "y"), game.parameters().get(ParameterCode.GAME_PROPERTIES));
        assertFalse(game.parameters().contains(ParameterCode.ACTOR_PROPERTIES));

        f.room.getProperties(a, Parameters.of(ParameterCode.PROPERTY_TYPE, 2, ParameterCode.ACTORS, new int[] {1},
                ParameterCode.ACTOR_PROPERTY_KEYS, new String[] {"mp"}));
        OperationResponse actors = a.peer.lastResponse();
        assertEquals(PhotonHashtable.of(1, PhotonHashtable.of("mp", 2)),
                actors.parameters().get(ParameterCode.ACTOR_PROPERTIES));

        f.room.getProperties(a, Parameters.of(ParameterCode.ACTORS, "1"));
        assertEquals(ReturnCode.OPERATION_INVALID, a.peer.lastResponse().returnCode());
    }

    @Test
    void createOptionsComeFromFlagsOrLegacyParameters() throws RoomException {
        RoomOptions flags = RoomOptions.fromRequest(Parameters.of(ParameterCode.ROOM_OPTION_FLAGS, 0x3F),
                RoomSettings.DEFAULTS);
        assertEquals(0x3F, flags.flags());
        RoomOptions legacy = RoomOptions.fromRequest(Parameters.of(ParameterCode.CHECK_USER_ON_JOIN, true,
                ParameterCode.DELETE_CACHE_ON_LEAVE, true, ParameterCode.SUPPRESS_ROOM_EVENTS, true,
                ParameterCode.PUBLISH_USER_ID, true), RoomSettings.DEFAULTS);
        assertEquals(RoomOptionFlags.CHECK_USER_ON_JOIN | RoomOptionFlags.DELETE_CACHE_ON_LEAVE
                | RoomOptionFlags.SUPPRESS_ROOM_EVENTS | RoomOptionFlags.PUBLISH_USER_ID, legacy.flags());
        RoomOptions none = RoomOptions.fromRequest(new Parameters(), RoomSettings.DEFAULTS);
        assertEquals(0, none.flags());
        assertTrue(none.open());
        assertTrue(none.visible());
    }

    @Test
    void createOptionsReadWellKnownGamePropertiesAndTtlParameters() throws RoomException {
        RoomOptions o = RoomOptions.fromRequest(Parameters.of(ParameterCode.GAME_PROPERTIES, PhotonHashtable.of(
                GamePropertyKey.MAX_PLAYERS, (byte) 4, GamePropertyKey.IS_VISIBLE, false,
                GamePropertyKey.LOBBY_PROPERTIES, new Object[] {"map"}, "map", "x", "nothing", null),
                ParameterCode.PLAYER_TTL, -1, ParameterCode.EMPTY_ROOM_TTL, 500, ParameterCode.ADD_USERS,
                new String[] {"b"}, ParameterCode.LOBBY_NAME, "ranked", ParameterCode.LOBBY_TYPE, 2),
                RoomSettings.DEFAULTS);
        assertEquals(4, o.maxPlayers());
        assertFalse(o.visible());
        assertEquals(List.of("map"), o.lobbyPropertyKeys());
        assertEquals(PhotonHashtable.of("map", "x"), o.customProperties());
        assertEquals(-1, o.playerTtlMillis());
        assertEquals(500, o.emptyRoomTtlMillis());
        assertEquals(List.of("b"), o.expectedUsers());
        assertEquals("ranked", o.lobbyName());
        assertEquals(2, o.lobbyType());
    }

    @Test
    void createOptionsRefuseBadValuesWithTheirCodes() {
        assertRefused(ReturnCode.OPERATION_INVALID, "It is not allowed to set MasterClientId through Create/Join "
                + "Game request", ParameterCode.GAME_PROPERTIES, PhotonHashtable.of(GamePropertyKey.MASTER_CLIENT_ID,
                1));
        assertRefused(ReturnCode.OPERATION_INVALID, "Can not create game with EmptyRoomTtl=60001 max allowed is "
                + "60000.", ParameterCode.EMPTY_ROOM_TTL, 60_001);
        assertRefused(ReturnCode.OPERATION_INVALID, null, ParameterCode.PLAYER_TTL, "x");
        assertRefused(ReturnCode.OPERATION_INVALID, null, ParameterCode.ROOM_OPTION_FLAGS, true);
        assertRefused(ReturnCode.OPERATION_INVALID, null, ParameterCode.CHECK_USER_ON_JOIN, 1);
        assertRefused(ReturnCode.OPERATION_INVALID, null, ParameterCode.GAME_PROPERTIES, "props");
        assertRefused(ReturnCode.OPERATION_INVALID, null, ParameterCode.GAME_PROPERTIES,
                PhotonHashtable.of(GamePropertyKey.MAX_PLAYERS, -1));
        assertRefused(ReturnCode.SLOT_ERROR, null, ParameterCode.GAME_PROPERTIES,
                PhotonHashtable.of(GamePropertyKey.MAX_PLAYERS, 1), ParameterCode.ADD_USERS, new String[] {"a", "b"});
    }

    private static void assertRefused(short code, String message, Object... parameters) {
        try {
            RoomOptions.fromRequest(Parameters.of(parameters), RoomSettings.DEFAULTS);
            throw new AssertionError("accepted " + Parameters.of(parameters));
        } catch (RoomException e) {
            assertEquals(code, e.returnCode());
            if (message != null) {
                assertEquals(message, e.getMessage());
            }
        }
    }

    @Test
    void gamePropertiesListWellKnownKeysForClients() {
        RoomFixture f = room(ParameterCode.PLAYER_TTL, 100, ParameterCode.EMPTY_ROOM_TTL, 200,
                ParameterCode.ADD_USERS, new String[] {"z"});
        f.join("a");
        PhotonHashtable g = f.room.gameProperties();
        assertEquals(100, g.get(GamePropertyKey.PLAYER_TTL));
        assertEquals(200, g.get(GamePropertyKey.EMPTY_ROOM_TTL));
        assertArrayEquals(new String[] {"z"}, (String[]) g.get(GamePropertyKey.EXPECTED_USERS));
    }
}
