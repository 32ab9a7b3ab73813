package org.photonee.core.room;

import java.util.Optional;

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
