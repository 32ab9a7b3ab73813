package org.photonee.persistence;

import java.io.Serializable;
import java.util.Objects;

/** Key of {@link RoomStateEntity}: the game server's room key (application id, room name). */
public class RoomStateId implements Serializable {
    private static final long serialVersionUID = 1L;

    private String appId;
    private String gameId;

    public RoomStateId() {
        // for JPA
    }

    public RoomStateId(String appId, String gameId) {
        this.appId = appId;
        this.gameId = gameId;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof RoomStateId other && Objects.equals(appId, other.appId)
                && Objects.equals(gameId, other.gameId);
    }

    @Override
    public int hashCode() {
        return Objects.hash(appId, gameId);
    }
}
