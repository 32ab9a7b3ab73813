package org.photonee.persistence;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.Table;

/**
 * The saved state of a persistent room (PlayerTTL &lt; 0 or the persistent flag) while it is not loaded: written
 * when the room unloads, read when someone joins it again, deleted when the room ends for good.
 *
 * <p>The blob is {@link RoomStateCodec}'s format; {@code FORMAT_VERSION} names it, so a later release can tell old
 * rows apart and convert them. The column is a plain {@code byte[]} without {@code @Lob}: providers then map it to a
 * long VARBINARY / BYTEA, which every database reads and writes as ordinary bytes (a {@code @Lob} becomes a
 * PostgreSQL large object under Hibernate, which leaks on update).
 */
@Entity
@Table(name = "PHOTON_ROOM_STATE")
@IdClass(RoomStateId.class)
public class RoomStateEntity {
    /** 100 MB: far above any real room; only a size hint for the DDL (VARBINARY needs one on some databases). */
    public static final int MAX_STATE_BYTES = 100_000_000;

    @Id
    @Column(name = "APP_ID", length = 255)
    private String appId;

    @Id
    @Column(name = "GAME_ID", length = 1024)
    private String gameId;

    @Column(name = "APP_VERSION", nullable = false, length = 255)
    private String appVersion;

    @Column(name = "FORMAT_VERSION", nullable = false)
    private int formatVersion;

    @Column(name = "STATE_DATA", nullable = false, length = MAX_STATE_BYTES)
    private byte[] data;

    /** Length of the blob, so listings need not load it. */
    @Column(name = "DATA_BYTES", nullable = false)
    private int dataBytes;

    /** Actors saved with the room (all inactive), for operators; the blob is the authority. */
    @Column(name = "ACTOR_COUNT", nullable = false)
    private int actorCount;

    /** Epoch millis of the last save. */
    @Column(name = "SAVED_AT", nullable = false)
    private long savedAt;

    protected RoomStateEntity() {
        // for JPA
    }

    public RoomStateEntity(String appId, String gameId) {
        this.appId = appId;
        this.gameId = gameId;
    }

    /** Replaces the stored state. */
    public void update(String newAppVersion, int newFormatVersion, byte[] newData, int newActorCount,
                       long newSavedAt) {
        this.appVersion = newAppVersion;
        this.formatVersion = newFormatVersion;
        this.data = newData;
        this.dataBytes = newData.length;
        this.actorCount = newActorCount;
        this.savedAt = newSavedAt;
    }

    public String getAppId() {
        return appId;
    }

    public String getGameId() {
        return gameId;
    }

    public String getAppVersion() {
        return appVersion;
    }

    public int getFormatVersion() {
        return formatVersion;
    }

    public byte[] getData() {
        return data;
    }

    public int getDataBytes() {
        return dataBytes;
    }

    public int getActorCount() {
        return actorCount;
    }

    public long getSavedAt() {
        return savedAt;
    }
}
