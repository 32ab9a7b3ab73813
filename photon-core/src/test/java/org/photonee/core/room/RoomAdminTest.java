package org.photonee.core.room;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;
import org.photonee.core.codes.EventCode;
import org.photonee.core.codes.GamePropertyKey;
import org.photonee.core.codes.ParameterCode;
import org.photonee.core.codes.EventCaching;
import org.photonee.core.protocol.PhotonHashtable;

class RoomAdminTest {
    private final RoomFixture f = new RoomFixture(ParameterCode.PLAYER_TTL, 60_000,
            ParameterCode.GAME_PROPERTIES, PhotonHashtable.of("map", "dust", GamePropertyKey.MAX_PLAYERS, (byte) 4));

    @Test
    void removedActorIsToldDisconnectedAndGoneForTheOthers() {
        TestMember alice = f.join("alice");
        TestMember bob = f.join("bob");
        f.clearAll(alice, bob);
        assertTrue(RoomAdmin.removeActor(f.room, bob.actorNr(), "kicked by ops"));
        assertTrue(bob.peer.disconnected);
        assertTrue(bob.left);
        assertEquals("kicked by ops", bob.peer.events(EventCode.ERROR_INFO).get(0).parameters().get(ParameterCode.INFO));
        assertEquals(1, alice.peer.events(EventCode.LEAVE).size());
        assertEquals(1, f.room.actors().size(), "removed for good, not inactive");
        assertFalse(alice.peer.disconnected);
        assertFalse(RoomAdmin.removeActor(f.room, 42, "no such actor"));
    }

    @Test
    void anInactiveActorCanBeRemovedToo() {
        TestMember alice = f.join("alice");
        TestMember bob = f.join("bob");
        f.room.disconnect(bob, 0);
        assertFalse(f.room.actor(bob.actorNr()).isActive());
        assertTrue(RoomAdmin.removeActor(f.room, bob.actorNr(), "bye"));
        assertEquals(1, f.room.actors().size());
        assertFalse(alice.peer.disconnected);
    }

    @Test
    void snapshotShowsActorsPropertiesCacheAndPlugin() {
        TestMember alice = f.join("alice", org.photonee.core.codes.JoinMode.JOIN_ONLY,
                PhotonHashtable.of(org.photonee.core.codes.ActorPropertyKey.NICKNAME, "Al"));
        TestMember bob = f.join("bob");
        f.room.disconnect(bob, 0);
        f.raise(alice, ParameterCode.CODE, (byte) 1, ParameterCode.CACHE, (byte) EventCaching.ADD_TO_ROOM_CACHE,
                ParameterCode.DATA, new int[] {1, 2});
        CompletableFuture<RoomSnapshot> taken = RoomSnapshot.take(f.room);
        assertFalse(taken.isDone(), "taken on the room fiber");
        f.fiber.runPending();
        RoomSnapshot s = taken.join();
        assertEquals("room1", s.gameId());
        assertEquals(2, s.actors().size());
        assertTrue(s.actors().get(0).active());
        assertEquals("alice", s.actors().get(0).userId());
        assertFalse(s.actors().get(1).active());
        assertEquals(1, s.activeCount());
        assertEquals("\"dust\"", s.properties().get("map"));
        assertEquals("(byte) 4", s.properties().get("MaxPlayers"));
        assertEquals("60000", s.properties().get("PlayerTtl"));
        assertEquals(1, s.cachedEvents());
        assertEquals(f.room.plugin().name(), s.plugin(), "the room's plugin by name");
        assertEquals("\"Al\"", s.actors().get(0).properties().get("NickName"),
                "actor keys are not game keys (255 is MaxPlayers there): " + s.actors().get(0).properties());
        assertEquals(4, s.maxPlayers());
    }

    @Test
    void valuesAreRenderedReadablyAndBounded() {
        assertEquals("[1, 2]", RoomSnapshot.describe(new int[] {1, 2}));
        assertEquals("byte[3]", RoomSnapshot.describe(new byte[3]));
        assertEquals("{\"a\"=[\"x\"]}", RoomSnapshot.describe(PhotonHashtable.of("a", new String[] {"x"})));
        assertEquals("null", RoomSnapshot.describe(null));
        String huge = RoomSnapshot.describe("x".repeat(10_000));
        assertEquals(RoomSnapshot.MAX_VALUE_CHARS + 1, huge.length());
    }
}
