package org.photonee.persistence;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.Table;

/**
 * A lobby the master has listed games in: written when a game in it is first seen, then its last use is kept
 * current. Lobbies on the master are created on demand and dropped when unused; this table is the operator's record
 * of which lobbies exist and when they were last used, not a copy of the in-memory list.
 */
@Entity
@Table(name = "PHOTON_LOBBY")
@IdClass(LobbyId.class)
public class LobbyEntity {
    @Id
    @Column(name = "APP_ID", length = 255)
    private String appId;

    @Id
    @Column(name = "APP_VERSION", length = 255)
    private String appVersion;

    /** "" is the default lobby. */
    @Id
    @Column(name = "LOBBY_NAME", length = 1024)
    private String name;

    /** {@code LobbyType} code: 0 Default, 2 SqlLobby, 3 AsyncRandomLobby. */
    @Id
    @Column(name = "LOBBY_TYPE")
    private int type;

    /** Epoch millis the master first listed a game in it. */
    @Column(name = "CREATED_AT", nullable = false)
    private long createdAt;

    /** Epoch millis of the last game change written for it. */
    @Column(name = "LAST_USED_AT", nullable = false)
    private long lastUsedAt;

    protected LobbyEntity() {
        // for JPA
    }

    public LobbyEntity(String appId, String appVersion, String name, int type, long createdAt) {
        this.appId = appId;
        this.appVersion = appVersion;
        this.name = name;
        this.type = type;
        this.createdAt = createdAt;
        this.lastUsedAt = createdAt;
    }

    public String getAppId() {
        return appId;
    }

    public String getAppVersion() {
        return appVersion;
    }

    public String getName() {
        return name;
    }

    public int getType() {
        return type;
    }

    public long getCreatedAt() {
        return createdAt;
    }

    public long getLastUsedAt() {
        return lastUsedAt;
    }

    public void setLastUsedAt(long lastUsedAt) {
        this.lastUsedAt = lastUsedAt;
    }
}
