package org.photonee.ejb.persistence;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.logging.Logger;
import org.photonee.core.room.RoomState;
import org.photonee.core.room.RoomStateStore;
import org.photonee.persistence.RoomStateCodec;

/**
 * Keeps persistent rooms in the database through {@link RoomStates}. Saves and deletes come from the room writer
 * thread of a {@code WriteBehindRoomStateStore} (never from a fiber), which retries them while the database is away;
 * loads and existence checks come from peer fibers when someone joins or creates a room that is not loaded.
 *
 * <p>Rooms are snapshotted every {@code photon.persistence.saveDelayMs} whether or not they changed, so a save whose
 * bytes equal the last ones this instance wrote or read for the room is skipped: an idle room costs no database
 * write. The fingerprints are kept for the most recent {@link #FINGERPRINTS} rooms; a forgotten one costs one
 * redundant write.
 *
 * <p>Failures are not hidden: a failed save or delete throws to the writer (which keeps the change and retries); a
 * load that fails (database down, undecodable row) throws as well, so a join is refused instead of creating a fresh
 * room under the name of a saved one.
 */
public final class JpaRoomStateStore implements RoomStateStore {
    private static final Logger LOG = Logger.getLogger(JpaRoomStateStore.class.getName());
    static final int FINGERPRINTS = 10_000;
    private static final byte[] DELETED = new byte[0];

    private final RoomStates rows;
    private final RoomStateCodec codec;
    /** Room key → SHA-256 of the bytes last written or read, or {@link #DELETED}; least recently used goes first. */
    private final Map<String, byte[]> fingerprints = new LinkedHashMap<>(256, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, byte[]> eldest) {
            return size() > FINGERPRINTS;
        }
    };

    public JpaRoomStateStore(RoomStates rows, RoomStateCodec codec) {
        this.rows = rows;
        this.codec = codec;
    }

    @Override
    public void save(RoomState state) {
        byte[] data = codec.encode(state);
        String key = key(state.appId(), state.gameId());
        byte[] digest = sha256(data);
        if (Arrays.equals(digest, fingerprint(key))) {
            return;
        }
        String appVersion = state.appVersion() == null ? "" : state.appVersion();
        rows.save(state.appId(), state.gameId(), appVersion, RoomStateCodec.FORMAT_VERSION, data,
                state.actors().size(), System.currentTimeMillis());
        remember(key, digest);
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
            RoomState state = codec.decode(s.data());
            remember(key(appId, gameId), sha256(s.data()));
            return Optional.of(state);
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
        String key = key(appId, gameId);
        if (fingerprint(key) == DELETED) {
            return;
        }
        rows.delete(appId, gameId);
        remember(key, DELETED);
    }

    private synchronized byte[] fingerprint(String key) {
        return fingerprints.get(key);
    }

    private synchronized void remember(String key, byte[] digest) {
        fingerprints.put(key, digest);
    }

    private static String key(String appId, String gameId) {
        return appId + '\u0000' + gameId;
    }

    private static byte[] sha256(byte[] data) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(data);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every Java runtime", e);
        }
    }

    private static String describe(String appId, String gameId) {
        return "'" + gameId + "' of app '" + appId + "'";
    }
}
