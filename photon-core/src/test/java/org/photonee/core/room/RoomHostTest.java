package org.photonee.core.room;

import org.photonee.core.testing.StubPeer;
import org.photonee.core.testing.MessageProtocol;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.photonee.core.codes.EventCaching;
import org.photonee.core.codes.GamePropertyKey;
import org.photonee.core.codes.JoinMode;
import org.photonee.core.codes.OperationCode;
import org.photonee.core.codes.ParameterCode;
import org.photonee.core.codes.ReturnCode;
import org.photonee.core.peer.SendParameters;
import org.photonee.core.protocol.Parameters;
import org.photonee.core.protocol.PhotonHashtable;
import org.photonee.core.s2s.GameStateReport;

class RoomHostTest {
    private final ManualFibers fibers = new ManualFibers();
    private final RecordingListener listener = new RecordingListener();
    private final InMemoryRoomStateStore store = new InMemoryRoomStateStore();
    private final RoomHost host = new RoomHost(fibers, RoomSettings.DEFAULTS, listener, store);
    private final MessageProtocol protocol = new MessageProtocol("Test");
    private int peers;

    private TestMember member() {
        return new TestMember(new StubPeer("p" + (++peers), protocol));
    }

    private JoinRequest request(TestMember m, int op, String userId, int mode) {
        return new JoinRequest(m, op, userId, "s-" + userId, null, mode, false, List.of());
    }

    private TestMember create(String gameId, String userId, Object... options) throws RoomException {
        TestMember m = member();
        host.create("app", "1.0", gameId, RoomOptions.fromRequest(Parameters.of(options), host.settings()),
                request(m, OperationCode.CREATE_GAME, userId, JoinMode.JOIN_ONLY));
        fibers.runAll();
        return m;
    }

    private TestMember join(String gameId, String userId, int mode) {
        TestMember m = member();
        host.join("app", "1.0", gameId, null, request(m, OperationCode.JOIN_GAME, userId, mode));
        fibers.runAll();
        return m;
    }

    @Test
    void createMakesARoomOnItsOwnFiberAndReportsIt() throws RoomException {
        TestMember a = create("r1", "alice");
        assertEquals(ReturnCode.OK, a.peer.lastResponse().returnCode());
        assertEquals(OperationCode.CREATE_GAME, a.peer.lastResponse().code());
        assertEquals(1, host.roomCount());
        assertEquals(1, fibers.count());
        GameStateReport report = listener.last();
        assertEquals("r1", report.gameId());
        assertEquals("app", report.appId());
        assertEquals(1, report.activeCount());
        assertEquals(List.of("alice"), report.activeUserIds());
    }

    @Test
    void aRoomRunsOnTheIoThreadOfThePeerThatCreatesIt() {
        java.util.concurrent.Executor creatorsLoop = Runnable::run;
        TestMember a = member();
        a.peer.ioExecutor = creatorsLoop;
        host.create("app", "1.0", "homed", RoomOptions.defaults(), request(a, OperationCode.CREATE_GAME, "alice",
                JoinMode.JOIN_ONLY));
        fibers.runAll();
        assertEquals(ReturnCode.OK, a.peer.lastResponse().returnCode());
        assertEquals(creatorsLoop, fibers.homeOf("room-homed"));

        TestMember b = member(); // a peer without an I/O thread (container, UDP): its room runs on the pool
        host.create("app", "1.0", "pooled", RoomOptions.defaults(), request(b, OperationCode.CREATE_GAME, "bob",
                JoinMode.JOIN_ONLY));
        fibers.runAll();
        assertEquals(ReturnCode.OK, b.peer.lastResponse().returnCode());
        assertEquals(null, fibers.homeOf("room-pooled"));
    }

    @Test
    void createOfAnExistingGameIsGameIdAlreadyExists() throws RoomException {
        create("r1", "alice");
        TestMember b = create("r1", "bob");
        assertEquals(ReturnCode.GAME_ID_ALREADY_EXISTS, b.peer.lastResponse().returnCode());
        assertEquals(ReturnCode.GAME_ID_ALREADY_EXISTS, b.failedWith);
    }

    @Test
    void joinOfAnUnknownGameIsGameIdNotExistsUnlessCreateIfNotExists() throws RoomException {
        assertEquals(ReturnCode.GAME_ID_NOT_EXISTS, join("nope", "bob", JoinMode.JOIN_ONLY).peer.lastResponse()
                .returnCode());
        TestMember m = member();
        host.join("app", "1.0", "made", RoomOptions.defaults(), request(m, OperationCode.JOIN_GAME, "bob",
                JoinMode.CREATE_IF_NOT_EXISTS));
        fibers.runAll();
        assertEquals(ReturnCode.OK, m.peer.lastResponse().returnCode());
        assertEquals(1, m.actorNr());
    }

    @Test
    void roomsOfDifferentAppsDoNotMeet() throws RoomException {
        create("r1", "alice");
        TestMember m = member();
        host.join("other-app", "1.0", "r1", null, request(m, OperationCode.JOIN_GAME, "bob", JoinMode.JOIN_ONLY));
        fibers.runAll();
        assertEquals(ReturnCode.GAME_ID_NOT_EXISTS, m.peer.lastResponse().returnCode());
    }

    @Test
    void emptyRoomIsUnloadedAfterEmptyRoomTtlAndReportedRemoved() throws RoomException {
        TestMember a = create("r1", "alice", ParameterCode.EMPTY_ROOM_TTL, 1000);
        Room room = host.find("app", "r1").orElseThrow();
        room.fiber().enqueue(() -> room.leave(a, new Parameters()));
        fibers.runAll();
        fibers.advance(990);
        assertEquals(1, host.roomCount());
        fibers.advance(20);
        assertEquals(0, host.roomCount());
        assertEquals(List.of("r1:CLOSE"), listener.removed);
        assertEquals(1, fibers.disposed());
        assertEquals(ReturnCode.GAME_ID_NOT_EXISTS, join("r1", "alice", JoinMode.JOIN_ONLY).peer.lastResponse()
                .returnCode());
    }

    @Test
    void aJoinOnItsWayKeepsTheRoomAlive() throws RoomException {
        TestMember a = create("r1", "alice");
        Room room = host.find("app", "r1").orElseThrow();
        room.fiber().enqueue(() -> room.leave(a, new Parameters()));
        TestMember b = member();
        host.join("app", "1.0", "r1", null, request(b, OperationCode.JOIN_GAME, "bob", JoinMode.JOIN_ONLY));
        fibers.advance(100);
        assertEquals(ReturnCode.OK, b.peer.lastResponse().returnCode());
        assertEquals(2, b.actorNr());
        assertEquals(1, host.roomCount());
    }

    @Test
    void aRefusedJoinIntoAnEmptyRoomStillLetsItExpire() throws RoomException {
        TestMember a = create("r1", "alice", ParameterCode.GAME_PROPERTIES, PhotonHashtable.of(
                GamePropertyKey.IS_OPEN, false));
        Room room = host.find("app", "r1").orElseThrow();
        room.fiber().enqueue(() -> room.leave(a, new Parameters()));
        TestMember b = member();
        host.join("app", "1.0", "r1", null, request(b, OperationCode.JOIN_GAME, "bob", JoinMode.JOIN_ONLY));
        fibers.advance(100);
        assertEquals(ReturnCode.GAME_CLOSED, b.peer.lastResponse().returnCode());
        assertEquals(0, host.roomCount());
    }

    @Test
    void aRefusedCreatorLeavesNoRoomAndTheMasterIsToldItFailed() {
        TestMember m = member();
        RoomOptions closed = new RoomOptions(0, 0, true, true, 0, 0, List.of(), List.of(), null, "", 0);
        host.create("app", "1.0", "r1", closed, new JoinRequest(m, OperationCode.CREATE_GAME, "alice", "s",
                PhotonHashtable.of((byte) 255, 5), JoinMode.JOIN_ONLY, false, List.of()));
        fibers.runAll();
        assertEquals(ReturnCode.OPERATION_INVALID, m.peer.lastResponse().returnCode());
        assertEquals(0, host.roomCount());
        assertEquals(List.of("r1:FAILED_TO_CREATE"), listener.removed);
    }

    @Test
    void persistentRoomIsSavedWhenUnloadedAndRestoredOnTheNextJoin() throws RoomException {
        TestMember a = create("turns", "alice", ParameterCode.PLAYER_TTL, -1, ParameterCode.CHECK_USER_ON_JOIN, true,
                ParameterCode.GAME_PROPERTIES, PhotonHashtable.of("turn", 7));
        TestMember b = join("turns", "bob", JoinMode.JOIN_ONLY);
        Room room = host.find("app", "turns").orElseThrow();
        room.fiber().enqueue(() -> {
            room.raiseEvent(a, Parameters.of(ParameterCode.CODE, 3, ParameterCode.DATA, "move 1", ParameterCode.CACHE,
                    EventCaching.ADD_TO_ROOM_CACHE), SendParameters.DEFAULT);
            room.disconnect(a, 0);
            room.disconnect(b, 0);
        });
        fibers.advance(10);
        assertEquals(0, host.roomCount());
        assertEquals(1, store.size());
        assertEquals(List.of("turns:CLOSE"), listener.removed);

        TestMember bobAgain = join("turns", "bob", JoinMode.REJOIN_ONLY);
        assertEquals(ReturnCode.OK, bobAgain.peer.lastResponse().returnCode());
        assertEquals(2, bobAgain.actorNr());
        assertEquals(7, host.find("app", "turns").orElseThrow().customProperties().get("turn"));
        assertEquals(List.of("move 1"), bobAgain.peer.events(3).stream()
                .map(e -> e.parameters().get(ParameterCode.DATA)).toList());
        TestMember carol = join("turns", "carol", JoinMode.JOIN_ONLY);
        assertEquals(3, carol.actorNr(), "actor numbers continue after a restore");
        assertEquals(ReturnCode.GAME_ID_ALREADY_EXISTS, create("turns", "dave").peer.lastResponse().returnCode());
    }

    @Test
    void persistentRoomThatEndsWithNoActorsIsForgotten() throws RoomException {
        TestMember a = create("turns", "alice", ParameterCode.PLAYER_TTL, -1);
        Room room = host.find("app", "turns").orElseThrow();
        room.fiber().enqueue(() -> room.disconnect(a, 0));
        fibers.advance(10);
        assertEquals(1, store.size());
        TestMember back = join("turns", "alice", JoinMode.REJOIN_ONLY);
        Room restored = host.find("app", "turns").orElseThrow();
        restored.fiber().enqueue(() -> restored.leave(back, new Parameters()));
        fibers.advance(10);
        assertEquals(0, store.size());
    }

    @Test
    void roomsWithoutPersistenceAreNotSaved() throws RoomException {
        TestMember a = create("r1", "alice", ParameterCode.PLAYER_TTL, 60_000);
        Room room = host.find("app", "r1").orElseThrow();
        room.fiber().enqueue(() -> room.disconnect(a, 0));
        fibers.advance(10);
        assertEquals(0, store.size());
        assertEquals(0, host.roomCount());
        assertFalse(a.peer.disconnected);
    }

    @Test
    void reportAllResendsEveryRoomsState() throws RoomException {
        create("r1", "alice");
        create("r2", "bob");
        int before = listener.updates.size();
        host.reportAll();
        fibers.runAll();
        assertEquals(before + 2, listener.updates.size());
        assertTrue(listener.updates.subList(before, before + 2).stream().anyMatch(r -> r.gameId().equals("r2")));
    }

    @Test
    void anOperatorClosesARoom() throws RoomException {
        TestMember a = create("r1", "alice");
        TestMember b = join("r1", "bob", JoinMode.JOIN_ONLY);
        var closed = host.close("app", "r1", "closed by ops");
        assertEquals(0, host.roomCount(), "gone from the host at once: no new joins find it");
        fibers.runAll();
        assertTrue(closed.join());
        assertTrue(a.peer.disconnected && b.peer.disconnected);
        assertTrue(a.left && b.left);
        assertEquals(List.of("r1:CLOSE"), listener.removed);
        assertEquals(1, fibers.disposed());
        assertFalse(host.close("app", "r1", "again").join());
        assertEquals(ReturnCode.GAME_ID_NOT_EXISTS, join("r1", "carol", JoinMode.JOIN_ONLY).peer.lastResponse()
                .returnCode());
    }

    @Test
    void closingAPersistentRoomForgetsItsSavedState() throws RoomException {
        create("turns", "alice", ParameterCode.PLAYER_TTL, -1);
        host.close("app", "turns", "closed");
        fibers.runAll();
        assertEquals(0, store.size());
        assertFalse(store.exists("app", "turns"));
    }

    @Test
    void anOperatorRemovesAnActor() throws RoomException {
        TestMember a = create("r1", "alice");
        TestMember b = join("r1", "bob", JoinMode.JOIN_ONLY);
        var removed = host.removeActor("app", "r1", b.actorNr(), "kicked");
        fibers.runAll();
        assertTrue(removed.join());
        assertTrue(b.peer.disconnected);
        assertFalse(a.peer.disconnected);
        assertEquals(1, listener.last().activeCount());
        var noActor = host.removeActor("app", "r1", 99, "none");
        fibers.runAll();
        assertFalse(noActor.join(), "no such actor");
        assertFalse(host.removeActor("app", "nope", 1, "none").join(), "no such room");
    }
}
