package org.photonee.core.room;

import org.photonee.core.config.ConfigReader;

/**
 * How persistent rooms reach the database ({@code photon.persistence.*}).
 *
 * @param saveDelayMillis how often a loaded persistent room's state is snapshotted and, when it changed, written
 *                        behind ({@code photon.persistence.saveDelayMs}); a game server killed outright loses at
 *                        most this window plus one write. 0 = save only when the room unloads
 * @param maxPendingRooms how many rooms may have unwritten saves while the database is slow or away
 *                        ({@code photon.persistence.maxPendingRooms}); saves of further rooms are dropped and counted
 */
public record PersistenceSettings(long saveDelayMillis, int maxPendingRooms) {
    public static final String SAVE_DELAY_KEY = "photon.persistence.saveDelayMs";
    public static final String MAX_PENDING_ROOMS_KEY = "photon.persistence.maxPendingRooms";
    public static final long DEFAULT_SAVE_DELAY_MILLIS = 1_000;
    public static final int DEFAULT_MAX_PENDING_ROOMS = 10_000;

    public static final PersistenceSettings DEFAULTS = new PersistenceSettings(DEFAULT_SAVE_DELAY_MILLIS,
            DEFAULT_MAX_PENDING_ROOMS);

    public PersistenceSettings {
        if (saveDelayMillis < 0) {
            throw new IllegalArgumentException(SAVE_DELAY_KEY + " must be at least 0, got " + saveDelayMillis);
        }
        if (maxPendingRooms < 1) {
            throw new IllegalArgumentException(MAX_PENDING_ROOMS_KEY + " must be at least 1, got " + maxPendingRooms);
        }
    }

    /** Reads the keys; a bad value refuses the start with a message naming its key. */
    public static PersistenceSettings from(ConfigReader config) {
        return new PersistenceSettings(config.longValue(SAVE_DELAY_KEY, DEFAULT_SAVE_DELAY_MILLIS, 0),
                config.intValue(MAX_PENDING_ROOMS_KEY, DEFAULT_MAX_PENDING_ROOMS, 1));
    }
}
