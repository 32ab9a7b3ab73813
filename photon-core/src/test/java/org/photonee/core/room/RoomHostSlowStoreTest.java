package org.photonee.core.room;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import org.junit.jupiter.api.Test;
import org.photonee.core.codes.JoinMode;
import org.photonee.core.codes.OperationCode;
import org.photonee.core.codes.ReturnCode;
import org.photonee.core.testing.MessageProtocol;
import org.photonee.core.testing.StubPeer;

/**
 * CreateGame and JoinGame of an unloaded room ask the store for saved rooms: with a database behind it that answer
 * may be late or never come, and the peer fiber that asked must not wait for it.
 */
class RoomHostSlowStoreTest {
    /** A store whose asynchronous answers the test gives by hand; its blocking reads must never be used. */
    private static final class LateStore implements RoomStateStore {
        final CompletableFuture<Boolean> exists = new CompletableFuture<>();
        final CompletableFuture<Optional<RoomState>> load = new CompletableFuture<>();

        @Override
        public void save(RoomState state) {
        }

        @Override
        public Optional<RoomState> load(String appId, String gameId) {
            throw new AssertionError("a blocking read on the caller's fiber");
        }

        @Override
        public boolean exists(String appId, String gameId) {
            throw new AssertionError("a blocking read on the caller's fiber");
        }

        @Override
        public CompletionStage<Boolean> existsAsync(String appId, String gameId) {
            return exists;
        }

        @Override
        public CompletionStage<Optional<RoomState>> loadAsync(String appId, String gameId) {
            return load;
        }

        @Override
        public void delete(String appId, String gameId) {
        }
    }

    private final ManualFibers fibers = new ManualFibers();
    private final LateStore store = new LateStore();
    private final RoomHost host = new RoomHost(fibers, RoomSettings.DEFAULTS, new RecordingListener(), store);
    private final MessageProtocol protocol = new MessageProtocol("Test");

    private TestMember member(String name) {
        return new TestMember(new StubPeer(name, protocol));
    }

    @Test
    void createWaitsForNoDatabaseAndGoesOnWhenTheCheckAnswers() {
        TestMember alice = member("alice");
        host.create("app", "1.0", "r1", RoomOptions.defaults(), new JoinRequest(alice, OperationCode.CREATE_GAME,
                "alice", "s", null, JoinMode.JOIN_ONLY, false, List.of()));
        fibers.runAll();
        assertTrue(alice.peer.responses().isEmpty(), "no answer before the store answered");
        assertEquals(0, host.roomCount());

        store.exists.complete(false);
        fibers.runAll();
        assertEquals(ReturnCode.OK, alice.peer.lastResponse().returnCode());
        assertEquals(1, host.roomCount());
    }

    @Test
    void aJoinWhoseSavedStateCannotBeReadIsRefusedWithAReasonAndLeavesNoRoom() {
        TestMember bob = member("bob");
        host.join("app", "1.0", "saved-game", null, new JoinRequest(bob, OperationCode.JOIN_GAME, "bob", "s", null,
                JoinMode.REJOIN_ONLY, false, List.of()));
        fibers.runAll();
        assertTrue(bob.peer.responses().isEmpty());

        store.load.completeExceptionally(new IllegalStateException("the database is unavailable"));
        fibers.runAll();
        assertEquals(ReturnCode.INTERNAL_SERVER_ERROR, bob.peer.lastResponse().returnCode());
        assertEquals(Short.valueOf(ReturnCode.INTERNAL_SERVER_ERROR), bob.failedWith);
        assertEquals(0, host.roomCount());
    }
}
