package org.photonee.persistence;

import java.io.Serializable;
import java.util.Objects;

/** Key of {@link LobbyEntity}: a lobby is named by name and type within an application version. */
public class LobbyId implements Serializable {
    private static final long serialVersionUID = 1L;

    private String appId;
    private String appVersion;
    private String name;
    private int type;

    public LobbyId() {
        // for JPA
    }

    public LobbyId(String appId, String appVersion, String name, int type) {
        this.appId = appId;
        this.appVersion = appVersion;
        this.name = name;
        this.type = type;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof LobbyId other && type == other.type && Objects.equals(appId, other.appId)
                && Objects.equals(appVersion, other.appVersion) && Objects.equals(name, other.name);
    }

    @Override
    public int hashCode() {
        return Objects.hash(appId, appVersion, name, type);
    }
}
