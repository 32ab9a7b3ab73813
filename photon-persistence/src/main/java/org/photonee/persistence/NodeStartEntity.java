package org.photonee.persistence;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.Instant;
import java.util.UUID;

/**
 * One row per start of a Photon instance: which roles it ran, its version and public address. Operators read it
 * to see the history of a node; the health check reads it to prove the database is reachable.
 */
@Entity
@Table(name = "PHOTON_NODE_START")
public class NodeStartEntity {
    /** Assigned here rather than generated: identity columns are spelled differently by every database. */
    @Id
    @Column(name = "ID", length = 36)
    private String id;

    @Column(name = "NODE_ID", nullable = false, length = 64)
    private String nodeId;

    @Column(name = "ROLES", nullable = false, length = 64)
    private String roles;

    @Column(name = "VERSION", nullable = false, length = 32)
    private String version;

    @Column(name = "PUBLIC_URL", nullable = false, length = 512)
    private String publicUrl;

    /** Epoch milliseconds: portable across JPA providers (java.time.Instant mapping arrives only in JPA 3.2). */
    @Column(name = "STARTED_AT", nullable = false)
    private long startedAt;

    protected NodeStartEntity() {
        // for JPA
    }

    public NodeStartEntity(String nodeId, String roles, String version, String publicUrl, Instant startedAt) {
        this.id = UUID.randomUUID().toString();
        this.nodeId = nodeId;
        this.roles = roles;
        this.version = version;
        this.publicUrl = publicUrl;
        this.startedAt = startedAt.toEpochMilli();
    }

    public String getId() {
        return id;
    }

    public String getNodeId() {
        return nodeId;
    }

    public String getRoles() {
        return roles;
    }

    public String getVersion() {
        return version;
    }

    public String getPublicUrl() {
        return publicUrl;
    }

    public Instant getStartedAt() {
        return Instant.ofEpochMilli(startedAt);
    }
}
