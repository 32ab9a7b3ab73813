package org.photonee.core.room;

import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;

/**
 * Keeps the state of persistent rooms (PlayerTTL &lt; 0, or all rooms by setting) while they are not loaded, so a
 * turn-based game survives the room being unloaded and the server restarting. Called on room fibers and on peer
 * fibers: implementations must be thread-safe, and fast, since a fiber waits for them (a database-backed store is
 * wrapped in a {@link WriteBehindRoomStateStore}, so saves and deletes only record the change).
 */
public interface RoomStateStore {
    /** A store that keeps nothing: rooms end with their last actor. */
    RoomStateStore NONE = new RoomStateStore() {
        @Override
        public void save(RoomState state) {
        }

        @Override
        public Optional<RoomState> load(String appId, String gameId) {
            return Optional.empty();
        }

        @Override
        public void delete(String appId, String gameId) {
        }
    };

    /**
     * Saves (replaces) the state of a room: one that is being unloaded with actors that may come back, or a loaded
     * persistent room's periodic snapshot ({@link PersistentRoomSaver}).
     */
    void save(RoomState state);

    /** The saved state of a room, if any. */
    Optional<RoomState> load(String appId, String gameId);

    /**
     * Whether a room is saved, without reading its state: CreateGame asks this for every new room name, so stores
     * should answer it cheaper than {@link #load}.
     */
    default boolean exists(String appId, String gameId) {
        return load(appId, gameId).isPresent();
    }

    /**
     * {@link #exists} without making the caller wait for a database: the room host asks this on peer fibers, which
     * must never block on a slow or dead database. The default answers at once from {@link #exists} (stores in
     * memory); {@link WriteBehindRoomStateStore} asks its database on a thread of its own, within a bound.
     */
    default CompletionStage<Boolean> existsAsync(String appId, String gameId) {
        try {
            return CompletableFuture.completedFuture(exists(appId, gameId));
        } catch (RuntimeException e) {
            return CompletableFuture.failedFuture(e);
        }
    }

    /** {@link #load} without making the caller wait for a database; see {@link #existsAsync}. */
    default CompletionStage<Optional<RoomState>> loadAsync(String appId, String gameId) {
        try {
            return CompletableFuture.completedFuture(load(appId, gameId));
        } catch (RuntimeException e) {
            return CompletableFuture.failedFuture(e);
        }
    }

    /** Forgets a room: it ended with nobody to come back, or it is loaded again. */
    void delete(String appId, String gameId);

    /**
     * Waits until every save and delete made so far is durable; a stopping server calls it. Stores that write
     * synchronously are always done.
     *
     * @return false when the writes did not finish within the timeout
     */
    default boolean awaitWritten(long timeoutMillis) {
        return true;
    }
}
