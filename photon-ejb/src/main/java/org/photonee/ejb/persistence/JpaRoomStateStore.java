package org.photonee.ejb.persistence;

import java.util.Optional;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.photonee.core.room.RoomState;
import org.photonee.core.room.RoomStateStore;
import org.photonee.persistence.RoomStateCodec;

/**
 * Keeps persistent rooms in the database through {@link RoomStates}. Called on room fibers (save, when a room
 * unloads) and peer fibers (load, when someone joins a room that is not loaded); both are managed-executor threads,
 * so calling the EJB from them is fine, and the fiber waiting for the commit is the point: a room is unloaded only
 * after its state is stored.
 *
 * <p>Failures are not hidden. A save that still fails after a short retry is logged with the room's key and thrown to
 * the room host; a load that fails (database down, undecodable row) throws as well, so a join is refused instead of
 * creating a fresh room under the name of a saved one (whose later save would overwrite what was saved).
 */
public final class JpaRoomStateStore implements RoomStateStore {
    private static final Logger LOG = Logger.getLogger(JpaRoomStateStore.class.getName());
    /** One retry, after a short pause: rides out a pool hiccup without holding the room fiber for long. */
    private static final long RETRY_PAUSE_MILLIS = 200;

    private final RoomStates rows;
    private final RoomStateCodec codec;

    public JpaRoomStateStore(RoomStates rows, RoomStateCodec codec) {
        this.rows = rows;
        this.codec = codec;
    }

    @Override
    public void save(RoomState state) {
        byte[] data = codec.encode(state);
        String appVersion = state.appVersion() == null ? "" : state.appVersion();
        try {
            rows.save(state.appId(), state.gameId(), appVersion, RoomStateCodec.FORMAT_VERSION, data,
                    state.actors().size(), System.currentTimeMillis());
        } catch (RuntimeException first) {
            LOG.log(Level.WARNING, "Saving room " + describe(state.appId(), state.gameId()) + " failed; retrying once",
                    first);
            pause();
            try {
                rows.save(state.appId(), state.gameId(), appVersion, RoomStateCodec.FORMAT_VERSION, data,
                        state.actors().size(), System.currentTimeMillis());
            } catch (RuntimeException second) {
                second.addSuppressed(first);
                LOG.log(Level.SEVERE, "Room " + describe(state.appId(), state.gameId()) + " could not be saved ("
                        + state.actors().size() + " actors, " + data.length + " bytes): its state is lost", second);
                throw second;
            }
        }
        LOG.fine(() -> "saved room " + describe(state.appId(), state.gameId()) + ", " + data.length + " bytes");
    }

    @Override
    public Optional<RoomState> load(String appId, String gameId) {
        Optional<RoomStates.Stored> stored = rows.load(appId, gameId);
        if (stored.isEmpty()) {
            return Optional.empty();
        }
        RoomStates.Stored s = stored.get();
        try {
            return Optional.of(codec.decode(s.data()));
        } catch (IllegalArgumentException e) {
            // Kept, not deleted: an operator can inspect or remove the row; the name stays taken meanwhile.
            throw new IllegalStateException("Saved room " + describe(appId, gameId) + " (format " + s.formatVersion()
                    + ") cannot be read: " + e.getMessage(), e);
        }
    }

    @Override
    public boolean exists(String appId, String gameId) {
        return rows.exists(appId, gameId);
    }

    @Override
    public void delete(String appId, String gameId) {
        rows.delete(appId, gameId);
    }

    private static String describe(String appId, String gameId) {
        return "'" + gameId + "' of app '" + appId + "'";
    }

    private static void pause() {
        try {
            Thread.sleep(RETRY_PAUSE_MILLIS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
