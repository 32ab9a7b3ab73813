package org.photonee.persistence;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/**
 * A game server registered with this master, as last seen: written behind the master's in-memory registry (which
 * stays the authority) so an operator can inspect the cluster. The row goes when the master drops the server
 * ({@code GSContextTTL} after its link went down).
 */
@Entity
@Table(name = "PHOTON_GAME_SERVER")
public class GameServerEntity {
    /** The server's own stable id ({@code photon.nodeId}): a natural key, no generated ids. */
    @Id
    @Column(name = "SERVER_ID", length = 255)
    private String serverId;

    /**
     * The master node ({@code photon.nodeId}) that wrote the row: a restarted master clears its own rows and lets
     * its game servers re-report, so rows of games that ended while it was down do not linger.
     */
    @Column(name = "MASTER_NODE", nullable = false, length = 255)
    private String masterNode;

    /** Subprotocol → public WebSocket URL, one "protocol=url" per line (URLs contain neither '=' first nor newlines). */
    @Column(name = "ADDRESSES", nullable = false, length = 4000)
    private String addresses;

    /** {@code ServerState} name: NORMAL, OUT_OF_ROTATION, OFFLINE. */
    @Column(name = "SERVER_STATE", nullable = false, length = 32)
    private String state;

    @Column(name = "CONNECTED", nullable = false)
    private boolean connected;

    @Column(name = "LOAD_LEVEL", nullable = false)
    private int loadLevel;

    @Column(name = "PEER_COUNT", nullable = false)
    private int peerCount;

    @Column(name = "GAME_COUNT", nullable = false)
    private int gameCount;

    /** Epoch millis of the first registration this master saw (kept across re-registrations). */
    @Column(name = "REGISTERED_AT", nullable = false)
    private long registeredAt;

    /** Epoch millis of the last change written for this server. */
    @Column(name = "LAST_REPORT_AT", nullable = false)
    private long lastReportAt;

    protected GameServerEntity() {
        // for JPA
    }

    public GameServerEntity(String serverId, long registeredAt) {
        this.serverId = serverId;
        this.registeredAt = registeredAt;
    }

    public String getServerId() {
        return serverId;
    }

    public String getAddresses() {
        return addresses;
    }

    public void setAddresses(String addresses) {
        this.addresses = addresses;
    }

    public String getState() {
        return state;
    }

    public void setState(String state) {
        this.state = state;
    }

    public boolean isConnected() {
        return connected;
    }

    public void setConnected(boolean connected) {
        this.connected = connected;
    }

    public int getLoadLevel() {
        return loadLevel;
    }

    public void setLoadLevel(int loadLevel) {
        this.loadLevel = loadLevel;
    }

    public int getPeerCount() {
        return peerCount;
    }

    public void setPeerCount(int peerCount) {
        this.peerCount = peerCount;
    }

    public int getGameCount() {
        return gameCount;
    }

    public void setGameCount(int gameCount) {
        this.gameCount = gameCount;
    }

    public long getRegisteredAt() {
        return registeredAt;
    }

    public long getLastReportAt() {
        return lastReportAt;
    }

    public void setLastReportAt(long lastReportAt) {
        this.lastReportAt = lastReportAt;
    }

    public String getMasterNode() {
        return masterNode;
    }

    public void setMasterNode(String masterNode) {
        this.masterNode = masterNode;
    }
}
