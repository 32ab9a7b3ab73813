package org.photonee.persistence;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/**
 * A value every instance sharing this database should agree on, e.g. the generated token key when no
 * {@code photon.tokenSecret} is configured: instances on one database then accept each other's tokens.
 */
@Entity
@Table(name = "PHOTON_CLUSTER_SETTING")
public class ClusterSettingEntity {
    @Id
    @Column(name = "NAME", length = 64)
    private String name;

    @Column(name = "SETTING_VALUE", nullable = false, length = 512)
    private String value;

    @Column(name = "CREATED_AT", nullable = false)
    private long createdAt;

    protected ClusterSettingEntity() {
        // for JPA
    }

    public ClusterSettingEntity(String name, String value, long createdAt) {
        this.name = name;
        this.value = value;
        this.createdAt = createdAt;
    }

    public String getName() {
        return name;
    }

    public String getValue() {
        return value;
    }

    public long getCreatedAt() {
        return createdAt;
    }
}
