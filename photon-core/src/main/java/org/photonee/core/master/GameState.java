package org.photonee.core.master;

import java.util.List;
import java.util.Map;
import org.photonee.core.codes.GamePropertyKey;
import org.photonee.core.protocol.PhotonHashtable;
import org.photonee.core.s2s.GameStateReport;

/**
 * The master's view of one game: which server hosts it, which lobby lists it, and the last state its game server
 * reported. Between the master assigning a new game to a server and that server's first report the game is
 * "unconfirmed": it reserves the name and accepts joins by name, but is not listed or matched. Touched only on
 * the master fiber.
 */
public final class GameState {
    private final String gameId;
    private final long creationOrder;
    private final long createdAtMillis;
    private AppLobby lobby;
    private GameServerContext server;
    private int serverGeneration;
    private GameStateReport report;

    GameState(String gameId, AppLobby lobby, GameServerContext server, long creationOrder, long createdAtMillis) {
        this.gameId = gameId;
        this.lobby = lobby;
        this.server = server;
        this.serverGeneration = server.generation();
        this.creationOrder = creationOrder;
        this.createdAtMillis = createdAtMillis;
    }

    void apply(GameStateReport newReport, GameServerContext reporter) {
        this.report = newReport;
        this.server = reporter;
        this.serverGeneration = reporter.generation();
    }

    void moveTo(AppLobby newLobby) {
        this.lobby = newLobby;
    }

    public String gameId() {
        return gameId;
    }

    public AppLobby lobby() {
        return lobby;
    }

    public GameServerContext server() {
        return server;
    }

    int serverGeneration() {
        return serverGeneration;
    }

    long creationOrder() {
        return creationOrder;
    }

    long createdAtMillis() {
        return createdAtMillis;
    }

    /** The last report, or null while unconfirmed. */
    public GameStateReport report() {
        return report;
    }

    public boolean isConfirmed() {
        return report != null;
    }

    /** Shown in lobby lists: confirmed and visible. */
    public boolean isListed() {
        return report != null && report.isVisible();
    }

    public boolean isOpen() {
        return report == null || report.isOpen();
    }

    public int maxPlayers() {
        return report == null ? 0 : report.maxPlayers();
    }

    /** Slots held by actors, active and inactive: both keep their place in the room. */
    public int playerCount() {
        return report == null ? 0 : report.activeCount() + report.inactiveCount();
    }

    public List<String> activeUserIds() {
        return report == null ? List.of() : report.activeUserIds();
    }

    /** The custom properties the room lists in lobbies. */
    public Map<Object, Object> lobbyProperties() {
        return report == null ? Map.of() : report.lobbyProperties();
    }

    /** Expected users that have not arrived yet; each holds a slot. */
    int pendingExpectedUsers() {
        if (report == null) {
            return 0;
        }
        int n = 0;
        for (String u : report.expectedUsers()) {
            if (!report.activeUserIds().contains(u) && !report.inactiveUserIds().contains(u)) {
                n++;
            }
        }
        return n;
    }

    /**
     * The room as a lobby list shows it: its lobby properties plus the well-known MaxPlayers, IsOpen and
     * PlayerCount (bytes, as clients read them), and ExpectedUsers when there are any. IsVisible is never listed:
     * an invisible game is not listed at all.
     */
    public PhotonHashtable lobbyListEntry() {
        PhotonHashtable entry = new PhotonHashtable();
        for (Map.Entry<Object, Object> e : lobbyProperties().entrySet()) {
            if (e.getKey() instanceof String) {
                entry.put(e.getKey(), e.getValue());
            }
        }
        entry.put(GamePropertyKey.MAX_PLAYERS, (byte) Math.min(255, maxPlayers()));
        entry.put(GamePropertyKey.IS_OPEN, isOpen());
        entry.put(GamePropertyKey.PLAYER_COUNT, (byte) Math.min(255, playerCount()));
        if (report != null && !report.expectedUsers().isEmpty()) {
            entry.put(GamePropertyKey.EXPECTED_USERS, report.expectedUsers().toArray(String[]::new));
        }
        return entry;
    }

    @Override
    public String toString() {
        return "Game[" + gameId + " on " + server.serverId() + (report == null ? ", unconfirmed" : "") + "]";
    }
}
