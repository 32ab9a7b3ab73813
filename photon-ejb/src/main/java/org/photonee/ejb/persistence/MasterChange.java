package org.photonee.ejb.persistence;

import java.util.Map;

/**
 * One pending change of the master's state, captured on the master fiber as an immutable snapshot and written
 * later by {@link MasterTables}. Only the latest change per {@link #key()} is kept: the tables show state, not
 * history.
 */
public sealed interface MasterChange {
    /** Identifies the row the change is about; a newer change for the same key replaces an unwritten older one. */
    Object key();

    record ServerKey(String serverId) {
    }

    record GameKey(String appId, String appVersion, String gameId) {
    }

    /** A game server as the registry knows it now. */
    record ServerSnapshot(String serverId, Map<String, String> addresses, String state, boolean connected,
                          int loadLevel, int peerCount, int gameCount, long atMillis) implements MasterChange {
        public ServerSnapshot {
            addresses = Map.copyOf(addresses);
        }

        @Override
        public Object key() {
            return new ServerKey(serverId);
        }
    }

    record ServerRemoved(String serverId) implements MasterChange {
        @Override
        public Object key() {
            return new ServerKey(serverId);
        }
    }

    /**
     * A game as the master knows it now.
     *
     * @param lobbyProperties the reported lobby-listed properties; the report that holds them is immutable once
     *                        received, so the map is shared rather than copied on the master fiber
     */
    record GameSnapshot(String appId, String appVersion, String gameId, String lobbyName, int lobbyType,
                        String serverId, boolean confirmed, Map<Object, Object> lobbyProperties, int activePlayers,
                        int inactivePlayers, int maxPlayers, boolean open, boolean visible, long atMillis)
            implements MasterChange {
        @Override
        public Object key() {
            return new GameKey(appId, appVersion, gameId);
        }
    }

    record GameRemoved(String appId, String appVersion, String gameId) implements MasterChange {
        @Override
        public Object key() {
            return new GameKey(appId, appVersion, gameId);
        }
    }
}
