package org.photonee.persistence;

import java.io.Serializable;
import java.util.Objects;

/** Key of {@link GameEntryEntity}: games are unique per application id and version, as on the master. */
public class GameEntryId implements Serializable {
    private static final long serialVersionUID = 1L;

    private String appId;
    private String appVersion;
    private String gameId;

    public GameEntryId() {
        // for JPA
    }

    public GameEntryId(String appId, String appVersion, String gameId) {
        this.appId = appId;
        this.appVersion = appVersion;
        this.gameId = gameId;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof GameEntryId other && Objects.equals(appId, other.appId)
                && Objects.equals(appVersion, other.appVersion) && Objects.equals(gameId, other.gameId);
    }

    @Override
    public int hashCode() {
        return Objects.hash(appId, appVersion, gameId);
    }
}
