package org.photonee.core.room;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import org.photonee.core.fiber.Cancellable;
import org.photonee.core.fiber.Fiber;

/**
 * Save on change for persistent rooms: every {@code saveDelayMillis} it asks each loaded persistent room's fiber for
 * a snapshot of its state and hands that to the store (a {@link WriteBehindRoomStateStore}, which returns at once).
 * A snapshot equal to the last one written costs no database write (the store compares). So a game server that dies
 * without unloading its rooms loses at most one period of changes, plus the write in flight.
 *
 * <p>The tick runs on a fiber of its own and only enqueues: it never waits for a room or the database. A room with
 * no actors left is deleted instead of saved, as its unload would do.
 */
public final class PersistentRoomSaver {
    private final RoomHost rooms;
    private final RoomStateStore store;
    private final Fiber timer;
    private final long periodMillis;
    private Cancellable ticks = Cancellable.NONE;

    /**
     * @param timer        a fiber for the ticks (not a room's)
     * @param periodMillis the save delay; 0 = no ticks, only {@link #snapshotAllNow()}
     */
    public PersistentRoomSaver(RoomHost rooms, RoomStateStore store, Fiber timer, long periodMillis) {
        if (periodMillis < 0) {
            throw new IllegalArgumentException("the save period must not be negative, got " + periodMillis);
        }
        this.rooms = Objects.requireNonNull(rooms, "rooms");
        this.store = Objects.requireNonNull(store, "store");
        this.timer = Objects.requireNonNull(timer, "timer");
        this.periodMillis = periodMillis;
    }

    public void start() {
        if (periodMillis == 0) {
            return;
        }
        timer.enqueue(() -> {
            ticks.cancel();
            ticks = timer.scheduleOnInterval(this::snapshotAll, periodMillis, periodMillis);
        });
    }

    public void stop() {
        timer.enqueue(() -> ticks.cancel());
        timer.dispose();
    }

    /** On the timer fiber: one snapshot request per persistent room. */
    void snapshotAll() {
        for (Room room : rooms.rooms()) {
            room.fiber().enqueue(() -> snapshot(room));
        }
    }

    /**
     * Snapshots every persistent room now (a draining server, before it stops).
     *
     * @return completes when every room has handed its snapshot to the store; then wait for the store's writes
     */
    public CompletableFuture<Void> snapshotAllNow() {
        List<CompletableFuture<Void>> recorded = new ArrayList<>();
        for (Room room : rooms.rooms()) {
            CompletableFuture<Void> done = new CompletableFuture<>();
            recorded.add(done);
            room.fiber().enqueue(() -> {
                try {
                    snapshot(room);
                } finally {
                    done.complete(null);
                }
            });
        }
        return CompletableFuture.allOf(recorded.toArray(new CompletableFuture[0]));
    }

    /** On the room's fiber, so the state is consistent; the store only records it. */
    private void snapshot(Room room) {
        if (room.isUnloaded() || !room.isPersistent()) {
            return;
        }
        if (room.actors().isEmpty()) {
            store.delete(room.appId(), room.gameId());
        } else {
            // RoomState.of copies the room's tables; the values in them are never changed in place (a change
            // replaces them), so the writer thread may encode the snapshot while the room plays on.
            store.save(RoomState.of(room));
        }
    }
}
