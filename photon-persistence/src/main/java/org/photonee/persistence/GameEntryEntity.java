package org.photonee.persistence;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.Table;

/**
 * One game on the master's list, as last seen: written behind the lobby's in-memory view (the authority for
 * matchmaking) so an operator can inspect which games run where. The row goes when the master removes the game.
 */
@Entity
@Table(name = "PHOTON_GAME")
@IdClass(GameEntryId.class)
public class GameEntryEntity {
    @Id
    @Column(name = "APP_ID", length = 255)
    private String appId;

    @Id
    @Column(name = "APP_VERSION", length = 255)
    private String appVersion;

    @Id
    @Column(name = "GAME_ID", length = 1024)
    private String gameId;

    /**
     * The master node ({@code photon.nodeId}) that wrote the row: a restarted master clears its own rows and lets
     * its game servers re-report, so rows of games that ended while it was down do not linger.
     */
    @Column(name = "MASTER_NODE", nullable = false, length = 255)
    private String masterNode;

    @Column(name = "LOBBY_NAME", nullable = false, length = 1024)
    private String lobbyName;

    @Column(name = "LOBBY_TYPE", nullable = false)
    private int lobbyType;

    @Column(name = "SERVER_ID", nullable = false, length = 255)
    private String serverId;

    /** False until the game server first reports the room (the master only reserved the name). */
    @Column(name = "CONFIRMED", nullable = false)
    private boolean confirmed;

    /**
     * The lobby-listed custom properties, as JSON (Photon's Json wire form of the values), for reading by people;
     * see {@link PropertiesText}. Capped at the column length: longer lists are cut and marked.
     */
    @Column(name = "PROPERTIES", nullable = false, length = 8000)
    private String properties;

    @Column(name = "ACTIVE_PLAYERS", nullable = false)
    private int activePlayers;

    @Column(name = "INACTIVE_PLAYERS", nullable = false)
    private int inactivePlayers;

    @Column(name = "MAX_PLAYERS", nullable = false)
    private int maxPlayers;

    @Column(name = "IS_OPEN", nullable = false)
    private boolean open;

    @Column(name = "IS_VISIBLE", nullable = false)
    private boolean visible;

    /** Epoch millis the master first saw the game. */
    @Column(name = "CREATED_AT", nullable = false)
    private long createdAt;

    /** Epoch millis of the last change written. */
    @Column(name = "UPDATED_AT", nullable = false)
    private long updatedAt;

    protected GameEntryEntity() {
        // for JPA
    }

    public GameEntryEntity(String appId, String appVersion, String gameId, long createdAt) {
        this.appId = appId;
        this.appVersion = appVersion;
        this.gameId = gameId;
        this.createdAt = createdAt;
    }

    public String getAppId() {
        return appId;
    }

    public String getAppVersion() {
        return appVersion;
    }

    public String getGameId() {
        return gameId;
    }

    public String getLobbyName() {
        return lobbyName;
    }

    public void setLobbyName(String lobbyName) {
        this.lobbyName = lobbyName;
    }

    public int getLobbyType() {
        return lobbyType;
    }

    public void setLobbyType(int lobbyType) {
        this.lobbyType = lobbyType;
    }

    public String getServerId() {
        return serverId;
    }

    public void setServerId(String serverId) {
        this.serverId = serverId;
    }

    public boolean isConfirmed() {
        return confirmed;
    }

    public void setConfirmed(boolean confirmed) {
        this.confirmed = confirmed;
    }

    public String getProperties() {
        return properties;
    }

    public void setProperties(String properties) {
        this.properties = properties;
    }

    public int getActivePlayers() {
        return activePlayers;
    }

    public void setActivePlayers(int activePlayers) {
        this.activePlayers = activePlayers;
    }

    public int getInactivePlayers() {
        return inactivePlayers;
    }

    public void setInactivePlayers(int inactivePlayers) {
        this.inactivePlayers = inactivePlayers;
    }

    public int getMaxPlayers() {
        return maxPlayers;
    }

    public void setMaxPlayers(int maxPlayers) {
        this.maxPlayers = maxPlayers;
    }

    public boolean isOpen() {
        return open;
    }

    public void setOpen(boolean open) {
        this.open = open;
    }

    public boolean isVisible() {
        return visible;
    }

    public void setVisible(boolean visible) {
        this.visible = visible;
    }

    public long getCreatedAt() {
        return createdAt;
    }

    public long getUpdatedAt() {
        return updatedAt;
    }

    public void setUpdatedAt(long updatedAt) {
        this.updatedAt = updatedAt;
    }

    public String getMasterNode() {
        return masterNode;
    }

    public void setMasterNode(String masterNode) {
        this.masterNode = masterNode;
    }
}
