package org.photonee.core.room;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.photonee.core.codes.EventCaching;
import org.photonee.core.codes.EventCode;
import org.photonee.core.codes.JoinMode;
import org.photonee.core.codes.OperationCode;
import org.photonee.core.codes.ParameterCode;
import org.photonee.core.codes.ReceiverGroup;
import org.photonee.core.codes.ReturnCode;
import org.photonee.core.protocol.EventData;
import org.photonee.core.protocol.PhotonHashtable;

class EventCacheTest {
    private RoomFixture f;
    private TestMember a;
    private TestMember b;

    @BeforeEach
    void twoActors() {
        f = new RoomFixture(ParameterCode.PLAYER_TTL, 10_000);
        a = f.join("a");
        b = f.join("b");
    }

    private void raise(TestMember m, int code, int cacheOp, Object data) {
        f.raise(m, ParameterCode.CODE, code, ParameterCode.CACHE, cacheOp, ParameterCode.DATA, data);
    }

    /** Codes and data of the cached events a new joiner receives, in order. */
    private List<String> replayToJoiner() {
        TestMember late = f.join("late" + f.room.actors().size());
        return late.peer.events().stream().filter(e -> e.code() != EventCode.JOIN)
                .map(e -> e.code() + "/" + e.parameters().get(ParameterCode.ACTOR_NR) + "/"
                        + org.photonee.core.protocol.Values.toDebugString(e.parameters().get(ParameterCode.DATA)))
                .toList();
    }

    @Test
    void addToRoomCacheReplaysInOrderAfterTheJoinEvent() {
        raise(a, 1, EventCaching.ADD_TO_ROOM_CACHE, "x");
        raise(b, 2, EventCaching.ADD_TO_ROOM_CACHE, "y");
        raise(a, 3, EventCaching.ADD_TO_ROOM_CACHE, "z");
        TestMember late = f.join("late");
        List<Integer> codes = late.peer.events().stream().map(EventData::code).toList();
        assertEquals(List.of(EventCode.JOIN, 1, 2, 3), codes);
        assertEquals(2, late.peer.events(2).get(0).parameters().get(ParameterCode.ACTOR_NR));
    }

    @Test
    void cachedEventsAreStillSentNormally() {
        raise(a, 1, EventCaching.ADD_TO_ROOM_CACHE, "x");
        assertEquals(1, b.peer.events(1).size());
    }

    @Test
    void doNotCacheCachesNothing() {
        raise(a, 1, EventCaching.DO_NOT_CACHE, "x");
        assertEquals(List.of(), replayToJoiner());
    }

    @Test
    void onlyAllAndOthersAreCached() {
        f.raise(a, ParameterCode.CODE, 1, ParameterCode.CACHE, 4, ParameterCode.RECEIVER_GROUP,
                ReceiverGroup.MASTER_CLIENT);
        f.raise(a, ParameterCode.CODE, 2, ParameterCode.CACHE, 4, ParameterCode.ACTORS, new int[] {2});
        f.raise(a, ParameterCode.CODE, 3, ParameterCode.CACHE, 4, ParameterCode.GROUP, 1);
        f.raise(a, ParameterCode.CODE, 4, ParameterCode.CACHE, 4, ParameterCode.RECEIVER_GROUP, ReceiverGroup.ALL);
        assertEquals(List.of("4/1/null"), replayToJoiner());
    }

    @Test
    void mergeReplaceAndRemoveCacheKeepOneEntryPerActorAndCode() {
        raise(a, 1, EventCaching.MERGE_CACHE, PhotonHashtable.of("k1", 1));
        raise(a, 1, EventCaching.MERGE_CACHE, PhotonHashtable.of("k2", 2));
        raise(a, 2, EventCaching.REPLACE_CACHE, "old");
        raise(a, 2, EventCaching.REPLACE_CACHE, "new");
        raise(b, 3, EventCaching.REPLACE_CACHE, "b");
        raise(b, 4, EventCaching.REPLACE_CACHE, "gone");
        raise(b, 4, EventCaching.REMOVE_CACHE, null);
        assertEquals(List.of("1/1/{\"k1\"=1, \"k2\"=2}", "2/1/\"new\"", "3/2/\"b\""), replayToJoiner());
    }

    @Test
    void legacyActorCacheReplaysBeforeTheRoomCache() {
        raise(a, 1, EventCaching.ADD_TO_ROOM_CACHE, "room");
        raise(b, 2, EventCaching.REPLACE_CACHE, "actor");
        assertEquals(List.of("2/2/\"actor\"", "1/1/\"room\""), replayToJoiner());
    }

    @Test
    void removeFromRoomCacheFiltersByCodeActorsAndDataAndAnswers() {
        raise(a, 1, EventCaching.ADD_TO_ROOM_CACHE, PhotonHashtable.of("id", 1, "kind", "unit"));
        raise(a, 1, EventCaching.ADD_TO_ROOM_CACHE, PhotonHashtable.of("id", 2, "kind", "unit"));
        raise(b, 1, EventCaching.ADD_TO_ROOM_CACHE, PhotonHashtable.of("id", 1));
        raise(a, 2, EventCaching.ADD_TO_ROOM_CACHE, "other code");
        a.peer.clear();
        f.raise(a, ParameterCode.CODE, 1, ParameterCode.CACHE, EventCaching.REMOVE_FROM_ROOM_CACHE,
                ParameterCode.ACTORS, new int[] {1}, ParameterCode.DATA, PhotonHashtable.of("id", 1));
        assertEquals(OperationCode.RAISE_EVENT, a.peer.lastResponse().code());
        assertEquals(ReturnCode.OK, a.peer.lastResponse().returnCode());
        assertEquals(2, b.peer.events(1).size(), "the removal itself is not relayed");
        assertEquals(List.of("1/1/{\"id\"=2, \"kind\"=\"unit\"}", "1/2/{\"id\"=1}", "2/1/\"other code\""),
                replayToJoiner());
    }

    @Test
    void removeFromRoomCacheWithCodeZeroMatchesEveryCode() {
        raise(a, 1, EventCaching.ADD_TO_ROOM_CACHE, "a1");
        raise(a, 2, EventCaching.ADD_TO_ROOM_CACHE, "a2");
        raise(b, 3, EventCaching.ADD_TO_ROOM_CACHE, "b3");
        f.raise(b, ParameterCode.CODE, 0, ParameterCode.CACHE, EventCaching.REMOVE_FROM_ROOM_CACHE,
                ParameterCode.ACTORS, new int[] {1});
        assertEquals(List.of("3/2/\"b3\""), replayToJoiner());
    }

    @Test
    void globalEventsSurviveActorFiltersAndActorsLeftCleanup() {
        raise(a, 1, EventCaching.ADD_TO_ROOM_CACHE_GLOBAL, "global");
        raise(b, 2, EventCaching.ADD_TO_ROOM_CACHE, "of b");
        f.raise(a, ParameterCode.CODE, 0, ParameterCode.CACHE, EventCaching.REMOVE_FROM_ROOM_CACHE,
                ParameterCode.ACTORS, new int[] {1});
        f.room.leave(b, new org.photonee.core.protocol.Parameters());
        f.raise(a, ParameterCode.CODE, 0, ParameterCode.CACHE, EventCaching.REMOVE_FROM_CACHE_FOR_ACTORS_LEFT);
        assertEquals(List.of("1/1/\"global\""), replayToJoiner());
    }

    @Test
    void removeFromCacheForActorsLeftKeepsInactiveActorsEvents() {
        raise(b, 2, EventCaching.ADD_TO_ROOM_CACHE, "of b");
        f.room.disconnect(b, 0);
        f.raise(a, ParameterCode.CODE, 0, ParameterCode.CACHE, EventCaching.REMOVE_FROM_CACHE_FOR_ACTORS_LEFT);
        assertEquals(List.of("2/2/\"of b\""), replayToJoiner());
    }

    @Test
    void sliceIncreaseAnnouncesTheSliceAndReplayGoesSliceBySlice() {
        raise(a, 1, EventCaching.ADD_TO_ROOM_CACHE, "s0");
        f.raise(a, ParameterCode.CODE, 0, ParameterCode.CACHE, EventCaching.SLICE_INCREASE_INDEX);
        EventData changed = b.peer.events(EventCode.CACHE_SLICE_CHANGED).get(0);
        assertEquals(1, changed.parameters().get(ParameterCode.CACHE_SLICE_INDEX));
        assertEquals(1, a.peer.events(EventCode.CACHE_SLICE_CHANGED).size(), "the sender hears it too");
        raise(a, 2, EventCaching.ADD_TO_ROOM_CACHE, "s1");
        f.raise(a, ParameterCode.CODE, 0, ParameterCode.CACHE, EventCaching.SLICE_SET_INDEX,
                ParameterCode.CACHE_SLICE_INDEX, 0);
        raise(a, 3, EventCaching.ADD_TO_ROOM_CACHE, "s0 again");
        assertEquals(List.of("1/1/\"s0\"", "3/1/\"s0 again\"", "2/1/\"s1\""), replayToJoiner());
    }

    @Test
    void aJoinerLearnsTheCurrentSliceFirst() {
        f.raise(a, ParameterCode.CODE, 0, ParameterCode.CACHE, EventCaching.SLICE_SET_INDEX,
                ParameterCode.CACHE_SLICE_INDEX, 4);
        TestMember late = f.join("late");
        assertEquals(EventCode.JOIN, late.peer.events().get(0).code());
        EventData first = late.peer.events().get(1);
        assertEquals(EventCode.CACHE_SLICE_CHANGED, first.code());
        assertEquals(4, first.parameters().get(ParameterCode.CACHE_SLICE_INDEX));
    }

    @Test
    void slicePurgeDeletesOneSliceAndPurgeUpToDeletesTheOnesBelow() {
        for (int slice = 0; slice < 4; slice++) {
            f.raise(a, ParameterCode.CODE, 0, ParameterCode.CACHE, EventCaching.SLICE_SET_INDEX,
                    ParameterCode.CACHE_SLICE_INDEX, slice);
            raise(a, 10 + slice, EventCaching.ADD_TO_ROOM_CACHE, null);
        }
        f.raise(a, ParameterCode.CODE, 0, ParameterCode.CACHE, EventCaching.SLICE_PURGE_INDEX,
                ParameterCode.CACHE_SLICE_INDEX, 2);
        f.raise(a, ParameterCode.CODE, 0, ParameterCode.CACHE, EventCaching.SLICE_PURGE_UP_TO_INDEX,
                ParameterCode.CACHE_SLICE_INDEX, 1);
        List<String> replay = replayToJoiner().stream().filter(s -> !s.startsWith(EventCode.CACHE_SLICE_CHANGED + "/"))
                .toList();
        assertEquals(List.of("11/1/null", "13/1/null"), replay);
    }

    @Test
    void sliceOperationsNeedASliceIndex() {
        f.raise(a, ParameterCode.CODE, 0, ParameterCode.CACHE, EventCaching.SLICE_SET_INDEX);
        assertEquals(ReturnCode.OPERATION_INVALID, a.peer.lastResponse().returnCode());
    }

    @Test
    void overTheEventLimitTheRoomClosesTellsEveryoneAndBlocksRejoin() {
        RoomSettings small = new RoomSettings(60_000, 3, 1000, 10_000, false);
        RoomFixture g = new RoomFixture(small, ParameterCode.PLAYER_TTL, 10_000);
        TestMember x = g.join("x");
        TestMember y = g.join("y");
        for (int i = 0; i < 3; i++) {
            g.raise(x, ParameterCode.CODE, 1, ParameterCode.CACHE, EventCaching.ADD_TO_ROOM_CACHE);
        }
        assertTrue(g.room.isOpen());
        g.raise(x, ParameterCode.CODE, 1, ParameterCode.CACHE, EventCaching.ADD_TO_ROOM_CACHE);
        assertFalse(g.room.isOpen());
        EventData error = y.peer.events(EventCode.ERROR_INFO).get(0);
        assertEquals(Room.CACHE_LIMIT_MESSAGE, error.parameters().get(ParameterCode.INFO));
        assertEquals(1, x.peer.events(EventCode.ERROR_INFO).size());
        assertFalse(g.listener.last().isOpen());
        TestMember newcomer = g.join("z");
        assertEquals(ReturnCode.GAME_CLOSED, newcomer.peer.lastResponse().returnCode());
        assertEquals(Room.CACHE_LIMIT_MESSAGE, newcomer.peer.lastResponse().debugMessage());
        g.room.leave(y, org.photonee.core.protocol.Parameters.of(ParameterCode.IS_INACTIVE, true));
        assertEquals(null, g.room.actor(2), "no inactive actors once rejoin is blocked");
        g.room.disconnect(x, 0);
        assertEquals(null, g.room.actor(1));
    }

    @Test
    void rejoinAfterTheCacheLimitIsEventCacheExceeded() {
        RoomSettings small = new RoomSettings(60_000, 1, 1000, 10_000, false);
        RoomFixture g = new RoomFixture(small, ParameterCode.PLAYER_TTL, 10_000);
        TestMember x = g.join("x");
        TestMember y = g.join("y");
        g.room.disconnect(y, 0);
        g.raise(x, ParameterCode.CODE, 1, ParameterCode.CACHE, EventCaching.ADD_TO_ROOM_CACHE);
        g.raise(x, ParameterCode.CODE, 1, ParameterCode.CACHE, EventCaching.ADD_TO_ROOM_CACHE);
        TestMember back = g.join("y", JoinMode.REJOIN_ONLY, null);
        assertEquals(ReturnCode.EVENT_CACHE_EXCEEDED, back.peer.lastResponse().returnCode());
    }

    @Test
    void theSliceLimitAndTheActorCacheLimitCloseTheRoomToo() {
        RoomFixture slices = new RoomFixture(new RoomSettings(60_000, 100, 2, 100, false));
        TestMember x = slices.join("x");
        slices.raise(x, ParameterCode.CODE, 0, ParameterCode.CACHE, EventCaching.SLICE_INCREASE_INDEX);
        assertTrue(slices.room.isOpen());
        slices.raise(x, ParameterCode.CODE, 0, ParameterCode.CACHE, EventCaching.SLICE_INCREASE_INDEX);
        assertFalse(slices.room.isOpen());

        RoomFixture actorCache = new RoomFixture(new RoomSettings(60_000, 100, 100, 2, false));
        TestMember y = actorCache.join("y");
        for (int code = 1; code <= 3; code++) {
            actorCache.raise(y, ParameterCode.CODE, code, ParameterCode.CACHE, EventCaching.REPLACE_CACHE);
        }
        assertFalse(actorCache.room.isOpen());
    }

    @Test
    void reopeningARoomClosedByTheCacheLimitIsRefused() {
        RoomFixture g = new RoomFixture(new RoomSettings(60_000, 1, 1000, 10_000, false));
        TestMember x = g.join("x");
        g.raise(x, ParameterCode.CODE, 1, ParameterCode.CACHE, EventCaching.ADD_TO_ROOM_CACHE);
        g.raise(x, ParameterCode.CODE, 1, ParameterCode.CACHE, EventCaching.ADD_TO_ROOM_CACHE);
        g.setProperties(x, ParameterCode.PROPERTIES, PhotonHashtable.of(
                org.photonee.core.codes.GamePropertyKey.IS_OPEN, true));
        assertEquals(ReturnCode.GAME_CLOSED, x.peer.lastResponse().returnCode());
        assertFalse(g.room.isOpen());
    }
}
