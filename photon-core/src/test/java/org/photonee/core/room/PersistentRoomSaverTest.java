package org.photonee.core.room;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.photonee.core.codes.EventCaching;
import org.photonee.core.codes.JoinMode;
import org.photonee.core.codes.OperationCode;
import org.photonee.core.codes.ParameterCode;
import org.photonee.core.config.ConfigReader;
import org.photonee.core.fiber.Fiber;
import org.photonee.core.peer.SendParameters;
import org.photonee.core.protocol.Parameters;
import org.photonee.core.protocol.PhotonHashtable;
import org.photonee.core.testing.MessageProtocol;
import org.photonee.core.testing.StubPeer;

/** Save on change: what a persistent room's store holds while the room is still loaded. */
class PersistentRoomSaverTest {
    private static final long DELAY = 500;
    private final ManualFibers fibers = new ManualFibers();
    private final InMemoryRoomStateStore store = new InMemoryRoomStateStore();
    private final RoomHost host = new RoomHost(fibers, RoomSettings.DEFAULTS, new RecordingListener(), store);
    private final Fiber timer = fibers.newFiber("room-saver");
    private final PersistentRoomSaver saver = new PersistentRoomSaver(host, store, timer, DELAY);
    private final MessageProtocol protocol = new MessageProtocol("Test");
    private int peers;

    private TestMember enter(String gameId, String userId, int playerTtl) throws RoomException {
        TestMember m = new TestMember(new StubPeer("p" + (++peers), protocol));
        JoinRequest request = new JoinRequest(m, OperationCode.JOIN_GAME, userId, "s-" + userId, null,
                JoinMode.CREATE_IF_NOT_EXISTS, false, List.of());
        host.join("app", "1.0", gameId, RoomOptions.fromRequest(Parameters.of(ParameterCode.PLAYER_TTL, playerTtl),
                host.settings()), request);
        fibers.runAll();
        return m;
    }

    private Room room(String gameId) {
        return host.find("app", gameId).orElseThrow();
    }

    private Object savedTurn(String gameId) {
        return store.load("app", gameId).map(s -> s.options().customProperties().get("turn")).orElse(null);
    }

    @Test
    void aLoadedPersistentRoomIsSavedWithinOneDelayOfEachChange() throws RoomException {
        saver.start();
        TestMember alice = enter("turns", "alice", -1);
        assertTrue(store.load("app", "turns").isEmpty(), "nothing before the first tick");
        fibers.advance(DELAY);
        RoomState first = store.load("app", "turns").orElseThrow();
        assertEquals(List.of("alice"), first.actors().stream().map(RoomState.ActorState::userId).toList());

        Room room = room("turns");
        room.fiber().enqueue(() -> {
            room.setProperties(alice, Parameters.of(ParameterCode.PROPERTIES, PhotonHashtable.of("turn", 2)));
            room.raiseEvent(alice, Parameters.of(ParameterCode.CODE, 5, ParameterCode.DATA, "move 2",
                    ParameterCode.CACHE, EventCaching.ADD_TO_ROOM_CACHE), SendParameters.DEFAULT);
        });
        fibers.advance(DELAY - 10);
        fibers.advance(10);
        RoomState second = store.load("app", "turns").orElseThrow();
        assertEquals(2, second.options().customProperties().get("turn"));
        assertEquals(List.of("move 2"), second.cachedEvents().stream().map(CachedEvent::data).toList());
        assertEquals(1, host.roomCount(), "the room stays loaded and playing");
    }

    @Test
    void roomsThatAreNotPersistentAreNeverSaved() throws RoomException {
        saver.start();
        enter("casual", "bob", 60_000);
        fibers.advance(DELAY * 3);
        assertEquals(0, store.size());
    }

    @Test
    void aPersistentRoomWhoseActorsAllLeftIsDeletedNotSaved() throws RoomException {
        saver.start();
        TestMember alice = enter("turns", "alice", -1);
        fibers.advance(DELAY);
        assertEquals(1, store.size());
        Room room = room("turns");
        room.fiber().enqueue(() -> room.leave(alice, new Parameters()));
        fibers.advance(DELAY);
        assertEquals(0, store.size());
    }

    @Test
    void stoppedSaverSavesNothingMore() throws RoomException {
        saver.start();
        TestMember alice = enter("turns", "alice", -1);
        fibers.advance(DELAY);
        saver.stop();
        Room room = room("turns");
        room.fiber().enqueue(() -> room.setProperties(alice,
                Parameters.of(ParameterCode.PROPERTIES, PhotonHashtable.of("turn", 9))));
        fibers.advance(DELAY * 2);
        assertEquals(null, savedTurn("turns"));
    }

    @Test
    void settingsComeFromTheirKeysAndBadValuesNameTheKey() {
        assertEquals(PersistenceSettings.DEFAULTS, PersistenceSettings.from(ConfigReader.of(Map.of())));
        assertEquals(new PersistenceSettings(250, 7), PersistenceSettings.from(ConfigReader.of(Map.of(
                "photon.persistence.saveDelayMs", "250", "photon.persistence.maxPendingRooms", "7"))));
        IllegalArgumentException negative = assertThrows(IllegalArgumentException.class,
                () -> PersistenceSettings.from(ConfigReader.of(Map.of("photon.persistence.saveDelayMs", "-1"))));
        assertTrue(negative.getMessage().startsWith("photon.persistence.saveDelayMs"), negative.getMessage());
        IllegalArgumentException word = assertThrows(IllegalArgumentException.class,
                () -> PersistenceSettings.from(ConfigReader.of(Map.of("photon.persistence.maxPendingRooms", "lots"))));
        assertTrue(word.getMessage().startsWith("photon.persistence.maxPendingRooms"), word.getMessage());
    }
}
