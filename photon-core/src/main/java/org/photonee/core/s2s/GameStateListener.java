package org.photonee.core.s2s;

/**
 * Receives a game server's room changes. The game server's room host calls it (from room fibers, so implementations
 * must be thread-safe and non-blocking); the S2S reporter forwards to the master.
 */
public interface GameStateListener {
    GameStateListener NONE = new GameStateListener() {
        @Override
        public void gameUpdated(GameStateReport report) {
        }

        @Override
        public void gameRemoved(String appId, String appVersion, String gameId, GameRemoveReason reason) {
        }
    };

    void gameUpdated(GameStateReport report);

    void gameRemoved(String appId, String appVersion, String gameId, GameRemoveReason reason);
}
