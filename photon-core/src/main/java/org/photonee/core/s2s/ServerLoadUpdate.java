package org.photonee.core.s2s;

import java.util.Objects;
import org.photonee.core.codes.ServerState;

/**
 * A game server's periodic load report (UpdateServer), sent every second and at once when the level changes.
 *
 * @param loadLevel      current load level, 0 = idle
 * @param peerCount      connected client peers
 * @param state          operator state
 * @param gameCount      rooms hosted
 * @param loadLevelCount how many levels the server's calculator distinguishes
 */
public record ServerLoadUpdate(int loadLevel, int peerCount, ServerState state, int gameCount, int loadLevelCount) {
    public ServerLoadUpdate {
        Objects.requireNonNull(state, "state");
    }
}
