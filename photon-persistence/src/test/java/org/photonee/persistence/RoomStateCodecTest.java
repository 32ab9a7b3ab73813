package org.photonee.persistence;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.photonee.core.protocol.CustomTypeValue;
import org.photonee.core.protocol.PhotonDictionary;
import org.photonee.core.protocol.PhotonHashtable;
import org.photonee.core.room.CachedEvent;
import org.photonee.core.room.RoomOptions;
import org.photonee.core.room.RoomState;

class RoomStateCodecTest {
    private final RoomStateCodec codec = new RoomStateCodec();

    @Test
    void everyFieldSurvivesARoundTripWithItsType() {
        RoomState state = sample();
        RoomState back = codec.decode(codec.encode(state));

        assertEquals("turn-game", back.gameId());
        assertEquals("app", back.appId());
        assertEquals("1.0", back.appVersion());
        RoomOptions o = back.options();
        assertEquals(5, o.flags());
        assertEquals(4, o.maxPlayers());
        assertTrue(o.open());
        assertEquals(false, o.visible());
        assertEquals(-1, o.playerTtlMillis());
        assertEquals(60_000, o.emptyRoomTtlMillis());
        assertEquals(List.of("map", (Object) (byte) 7), o.lobbyPropertyKeys());
        assertEquals(List.of("carol"), o.expectedUsers());
        assertEquals("lobby-x", o.lobbyName());
        assertEquals(2, o.lobbyType());
        // property types are kept exactly: byte stays byte, long stays long, float stays float
        assertEquals((byte) 3, o.customProperties().get("map"));
        assertEquals(1234567890123L, o.customProperties().get("turnDeadline"));
        assertEquals(1.5f, o.customProperties().get("speed"));
        assertArrayEquals(new int[]{1, 2, 3}, (int[]) o.customProperties().get("board"));
        assertEquals("c", o.customProperties().get((byte) 7));

        assertEquals(2, back.actorCounter());
        assertEquals(1, back.masterClientId());
        assertEquals(2, back.actors().size());
        RoomState.ActorState alice = back.actors().get(0);
        assertEquals(1, alice.actorNr());
        assertEquals("alice", alice.userId());
        assertEquals("Alice", alice.nickname());
        assertEquals(100, alice.properties().get("score"));
        assertArrayEquals(new int[]{1, 5}, alice.groups());
        RoomState.ActorState bob = back.actors().get(1);
        assertNull(bob.userId());
        assertNull(bob.nickname());
        assertEquals(0, bob.groups().length);

        assertEquals(List.of("mallory"), back.excludedUsers());
        assertTrue(back.cacheLimitReached());
        assertEquals(3, back.cacheSlice());

        assertEquals(3, back.cachedEvents().size());
        CachedEvent first = back.cachedEvents().get(0);
        assertEquals(new CachedEvent(1, 1, 10, first.data(), 0), first);
        PhotonHashtable move = assertInstanceOf(PhotonHashtable.class, first.data());
        assertEquals("e4", move.get((byte) 1));
        PhotonDictionary dict = assertInstanceOf(PhotonDictionary.class, back.cachedEvents().get(1).data());
        assertEquals(dict, state.cachedEvents().get(1).data());
        assertNull(back.cachedEvents().get(2).data());
        assertEquals(0, back.cachedEvents().get(2).ownerActorNr());

        Map<Integer, Object> aliceCache = back.actorCaches().get(1);
        assertEquals(List.of(30, 20), new ArrayList<>(aliceCache.keySet()), "legacy cache order is kept");
        CustomTypeValue custom = assertInstanceOf(CustomTypeValue.class, aliceCache.get(30));
        assertEquals((byte) 'V', custom.typeCode());
        assertArrayEquals(new byte[]{1, 2, 3, 4}, custom.data());
        assertArrayEquals(new Object[]{"x", null, 3}, (Object[]) aliceCache.get(20));
    }

    @Test
    void emptyRoomStateRoundTrips() {
        RoomState state = new RoomState("g", "a", "", RoomOptions.defaults(), 0, 0, List.of(), List.of(), false, 0,
                List.of(), Map.of());
        RoomState back = codec.decode(codec.encode(state));
        assertEquals(state.gameId(), back.gameId());
        assertEquals(RoomOptions.defaults().lobbyType(), back.options().lobbyType());
        assertTrue(back.actors().isEmpty());
        assertTrue(back.cachedEvents().isEmpty());
        assertTrue(back.actorCaches().isEmpty());
    }

    @Test
    void moreCachedEventsThanOneProtocol16ArrayHolds() {
        List<CachedEvent> events = new ArrayList<>();
        for (int i = 0; i < 40_000; i++) {
            events.add(new CachedEvent(1, 1, 1, i, 0));
        }
        RoomState state = new RoomState("g", "a", "v", RoomOptions.defaults(), 1, 1, List.of(), List.of(), false, 0,
                events, Map.of());
        RoomState back = codec.decode(codec.encode(state));
        assertEquals(40_000, back.cachedEvents().size());
        assertEquals(39_999, back.cachedEvents().get(39_999).data());
    }

    @Test
    void damagedOrForeignDataIsRefusedClearly() {
        byte[] good = codec.encode(sample());
        assertThrows(IllegalArgumentException.class, () -> codec.decode(new byte[]{1, 2, 3, 4}));
        assertThrows(IllegalArgumentException.class, () -> codec.decode(Arrays.copyOf(good, good.length - 3)));
        byte[] trailing = Arrays.copyOf(good, good.length + 1);
        assertThrows(IllegalArgumentException.class, () -> codec.decode(trailing));
        byte[] future = good.clone();
        future[3] = 99;
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> codec.decode(future));
        assertTrue(e.getMessage().contains("99"), e.getMessage());
    }

    private static RoomState sample() {
        PhotonHashtable custom = new PhotonHashtable();
        custom.put("map", (byte) 3);
        custom.put("turnDeadline", 1234567890123L);
        custom.put("speed", 1.5f);
        custom.put("board", new int[]{1, 2, 3});
        custom.put((byte) 7, "c");
        RoomOptions options = new RoomOptions(5, 4, true, false, -1, 60_000, List.of("map", (byte) 7),
                List.of("carol"), custom, "lobby-x", 2);

        PhotonHashtable aliceProps = new PhotonHashtable();
        aliceProps.put("score", 100);
        List<RoomState.ActorState> actors = List.of(
                new RoomState.ActorState(1, "alice", "Alice", aliceProps, new int[]{1, 5}),
                new RoomState.ActorState(2, null, null, new PhotonHashtable(), new int[0]));

        PhotonHashtable move = new PhotonHashtable();
        move.put((byte) 1, "e4");
        PhotonDictionary dict = new PhotonDictionary((byte) 115, (byte) 105);
        dict.put("a", 1);
        List<CachedEvent> events = List.of(new CachedEvent(1, 1, 10, move, 0), new CachedEvent(2, 2, 11, dict, 1),
                new CachedEvent(0, 2, 12, null, 3));

        Map<Integer, Object> aliceCache = new LinkedHashMap<>();
        aliceCache.put(30, new CustomTypeValue((byte) 'V', new byte[]{1, 2, 3, 4}));
        aliceCache.put(20, new Object[]{"x", null, 3});
        Map<Integer, Map<Integer, Object>> actorCaches = new LinkedHashMap<>();
        actorCaches.put(1, aliceCache);
        return new RoomState("turn-game", "app", "1.0", options, 2, 1, actors, List.of("mallory"), true, 3, events,
                actorCaches);
    }
}
