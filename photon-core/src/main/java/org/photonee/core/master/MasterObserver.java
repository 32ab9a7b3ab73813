package org.photonee.core.master;

/**
 * Hears the master's state changes, on the master fiber, for write-behind persistence and monitoring. Must not
 * block: an implementation queues the change and writes it elsewhere. The in-memory state stays the authority.
 */
public interface MasterObserver {
    MasterObserver NONE = new MasterObserver() {
    };

    /** A game server registered or re-registered. */
    default void gameServerRegistered(GameServerContext server) {
    }

    /** A game server's context expired after its link stayed down for {@code GSContextTTL}. */
    default void gameServerRemoved(String serverId) {
    }

    /** A game was created by the master or its state reported by its game server. */
    default void gameUpdated(GameApplication application, GameState game) {
    }

    default void gameRemoved(GameApplication application, String gameId) {
    }
}
