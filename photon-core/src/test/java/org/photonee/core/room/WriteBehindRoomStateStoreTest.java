package org.photonee.core.room;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.photonee.core.protocol.PhotonHashtable;

@Timeout(value = 30, unit = TimeUnit.SECONDS)
class WriteBehindRoomStateStoreTest {
    private final GatedStore database = new GatedStore();
    private WriteBehindRoomStateStore store = new WriteBehindRoomStateStore(database, 100,
            Executors.defaultThreadFactory(), System::currentTimeMillis);

    @AfterEach
    void close() {
        store.close();
    }

    private static RoomState state(String gameId, Object turn) {
        RoomOptions options = new RoomOptions(0, 0, true, true, -1, 0, List.of(), List.of(),
                PhotonHashtable.of("turn", turn), "", 0);
        return new RoomState(gameId, "app", "1.0", options, 1, 1,
                List.of(new RoomState.ActorState(1, "alice", "", new PhotonHashtable(), new int[0])), List.of(),
                false, 0, List.of(), java.util.Map.of());
    }

    @Test
    void saveReturnsWhileTheDatabaseHangsAndReadsSeeTheRecordedState() {
        database.hold();
        long start = System.nanoTime();
        store.save(state("r1", 1));
        assertTrue(System.nanoTime() - start < TimeUnit.MILLISECONDS.toNanos(100), "save did not wait");
        assertEquals(1, store.load("app", "r1").orElseThrow().options().customProperties().get("turn"));
        assertTrue(store.exists("app", "r1"));
        assertEquals(0, database.loads, "the recorded change answers; the database is not asked");
        assertFalse(store.awaitWritten(100), "not written while the database hangs");

        database.open();
        assertTrue(store.awaitWritten(5_000));
        assertEquals(1, database.rows.load("app", "r1").orElseThrow().options().customProperties().get("turn"));
        assertEquals(0, store.pendingCount());
    }

    @Test
    void manyChangesOfOneRoomCostAtMostTheWriteInFlightAndTheNewest() {
        database.hold();
        store.save(state("r1", 0));
        eventually(() -> store.pendingCount() == 1);
        for (int turn = 1; turn <= 50; turn++) {
            store.save(state("r1", turn));
        }
        assertEquals(1, store.pendingCount());
        database.open();
        assertTrue(store.awaitWritten(5_000));
        List<String> writes = database.writes();
        assertTrue(writes.size() <= 2, "coalesced: " + writes);
        assertEquals("save r1 {turn=50}", writes.get(writes.size() - 1));
        assertEquals(50, database.rows.load("app", "r1").orElseThrow().options().customProperties().get("turn"));
    }

    @Test
    void aDeleteSupersedesAnUnwrittenSave() {
        database.hold();
        store.save(state("r1", 1));
        store.delete("app", "r1");
        assertTrue(store.load("app", "r1").isEmpty());
        assertFalse(store.exists("app", "r1"));
        database.open();
        assertTrue(store.awaitWritten(5_000));
        assertTrue(database.rows.load("app", "r1").isEmpty());
        assertEquals("delete r1", database.writes().get(database.writes().size() - 1));
    }

    @Test
    void anOutageKeepsTheChangesAndTheyAreWrittenWhenTheDatabaseReturns() {
        database.failing = true;
        store.save(state("r1", 1));
        store.save(state("r2", 1));
        eventually(() -> store.failureCount() >= 2);
        assertEquals(2, store.pendingCount(), "nothing is lost while the database is away");
        long failuresSoFar = store.failureCount();
        for (int i = 0; i < 100; i++) {
            store.save(state("r1", i));
        }
        sleep(100);
        assertTrue(store.failureCount() - failuresSoFar <= 2, "new changes do not cut the retry pause short");

        database.failing = false;
        assertTrue(store.awaitWritten(10_000));
        assertEquals(99, database.rows.load("app", "r1").orElseThrow().options().customProperties().get("turn"));
        assertEquals(1, database.rows.load("app", "r2").orElseThrow().options().customProperties().get("turn"));
        assertEquals(0, store.droppedCount());
    }

    @Test
    void overTheBoundSavesOfFurtherRoomsAreDroppedAndCountedButKnownRoomsAndDeletesStillGoIn() {
        store.close();
        store = new WriteBehindRoomStateStore(database, 2, Executors.defaultThreadFactory(),
                System::currentTimeMillis);
        database.failing = true;
        store.save(state("r1", 1));
        store.save(state("r2", 1));
        store.save(state("r3", 1));
        assertEquals(1, store.droppedCount());
        store.save(state("r1", 2));
        store.delete("app", "gone");
        assertEquals(1, store.droppedCount());
        assertEquals(3, store.pendingCount());

        database.failing = false;
        assertTrue(store.awaitWritten(10_000));
        assertEquals(2, database.rows.load("app", "r1").orElseThrow().options().customProperties().get("turn"));
        assertTrue(database.rows.load("app", "r3").isEmpty());
        assertTrue(database.writes().contains("delete gone"));
    }

    @Test
    void readsOfRoomsWithoutRecordedChangesGoToTheDatabase() {
        database.rows.save(state("old", 4));
        assertEquals(4, store.load("app", "old").orElseThrow().options().customProperties().get("turn"));
        assertTrue(store.exists("app", "old"));
        assertTrue(database.loads >= 1);
    }

    @Test
    void whileTheDatabaseIsAwayReadsAnswerAtOnceAndGoBackToItWhenItReturns() {
        database.rows.save(state("old", 4));
        database.failing = true;
        org.junit.jupiter.api.Assertions.assertThrows(IllegalStateException.class, () -> store.load("app", "r9"));
        assertEquals(1, database.loads);
        assertTrue(store.isDatabaseAway());
        org.junit.jupiter.api.Assertions.assertThrows(IllegalStateException.class, () -> store.load("app", "old"));
        assertEquals(1, database.loads, "a known outage does not make a fiber wait for the database again");
        assertFalse(store.exists("app", "r9"), "CreateGame keeps working during an outage");

        database.failing = false;
        eventually(() -> !store.isDatabaseAway());
        assertEquals(4, store.load("app", "old").orElseThrow().options().customProperties().get("turn"));
        assertEquals(2, database.loads);
    }

    @Test
    void badBoundIsRefused() {
        IllegalArgumentException e = org.junit.jupiter.api.Assertions.assertThrows(IllegalArgumentException.class,
                () -> new WriteBehindRoomStateStore(database, 0, Executors.defaultThreadFactory(),
                        System::currentTimeMillis));
        assertTrue(e.getMessage().contains("maxPendingRooms"));
    }

    private static void eventually(BooleanSupplier condition) {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
        while (!condition.getAsBoolean()) {
            assertTrue(System.nanoTime() < deadline, "condition not met within 5 s");
            sleep(10);
        }
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            throw new AssertionError(e);
        }
    }

    @Test
    void asyncReadsNeverMakeTheCallerWaitAndAHangingDatabaseCountsAsAwayAfterTheBound() throws Exception {
        database.rows.save(state("saved", 1));
        assertTrue(store.existsAsync("app", "saved").toCompletableFuture().get(1, TimeUnit.SECONDS));

        database.holdReads();
        try {
            long start = System.nanoTime();
            java.util.concurrent.CompletableFuture<Boolean> exists = store.existsAsync("app", "saved")
                    .toCompletableFuture();
            java.util.concurrent.CompletableFuture<java.util.Optional<RoomState>> load = store.loadAsync("app",
                    "saved").toCompletableFuture();
            assertTrue(System.nanoTime() - start < TimeUnit.MILLISECONDS.toNanos(100), "the caller did not wait");
            assertFalse(exists.get(WriteBehindRoomStateStore.READ_TIMEOUT_MILLIS + 2_000, TimeUnit.MILLISECONDS),
                    "a check the database does not answer takes the name as free");
            long tookMillis = (System.nanoTime() - start) / 1_000_000;
            assertTrue(tookMillis < WriteBehindRoomStateStore.READ_TIMEOUT_MILLIS + 1_000, "bounded: " + tookMillis);
            assertTrue(store.isDatabaseAway());
            java.util.concurrent.ExecutionException refused = org.junit.jupiter.api.Assertions.assertThrows(
                    java.util.concurrent.ExecutionException.class, () -> load.get(5, TimeUnit.SECONDS));
            assertTrue(refused.getCause() instanceof java.util.concurrent.TimeoutException, refused.toString());

            // While away: answered at once, without asking the database.
            start = System.nanoTime();
            assertTrue(store.loadAsync("app", "saved").toCompletableFuture().isCompletedExceptionally());
            assertFalse(store.existsAsync("app", "saved").toCompletableFuture().getNow(true));
            assertTrue(System.nanoTime() - start < TimeUnit.MILLISECONDS.toNanos(100));
        } finally {
            database.openReads();
        }
        // The writer's probe finds it back; reads go to the database again.
        eventually(() -> !store.isDatabaseAway());
        assertEquals(1, store.loadAsync("app", "saved").toCompletableFuture().get(5, TimeUnit.SECONDS)
                .orElseThrow().options().customProperties().get("turn"));
    }
}
