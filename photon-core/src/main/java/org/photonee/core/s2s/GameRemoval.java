package org.photonee.core.s2s;

import java.util.Objects;

/**
 * A game server reports a room gone (RemoveGameState).
 *
 * @param appId      application id
 * @param appVersion application version
 * @param gameId     room name
 * @param reason     why
 */
public record GameRemoval(String appId, String appVersion, String gameId, GameRemoveReason reason) {
    public GameRemoval {
        Objects.requireNonNull(gameId, "gameId");
        Objects.requireNonNull(reason, "reason");
    }
}
