package org.photonee.core.master;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.photonee.core.s2s.GameStateReport;

/**
 * One application version's world on the master: its lobbies, its games, the clients connected to the master and
 * who plays where. Clients of different app ids or versions never see each other's games. Touched only on the
 * master fiber.
 */
public final class GameApplication {
    private final String appId;
    private final String appVersion;
    private final Map<LobbyKey, AppLobby> lobbies = new LinkedHashMap<>();
    private final Map<String, GameState> games = new HashMap<>();
    private final Set<MasterClientPeer> peers = new LinkedHashSet<>();
    /** User id → number of this app's master connections under it (a user may connect twice). */
    private final Map<String, Integer> usersOnMaster = new HashMap<>();
    /** User id → the game it is active in, fed by game server reports (FindFriends). */
    private final Map<String, GameState> userGames = new HashMap<>();

    GameApplication(String appId, String appVersion) {
        this.appId = appId;
        this.appVersion = appVersion;
    }

    public String appId() {
        return appId;
    }

    public String appVersion() {
        return appVersion;
    }

    // ---- lobbies ----

    /** The lobby, created on demand; null when creating it would exceed {@code limit} lobbies. */
    AppLobby lobby(LobbyKey key, int limit) {
        AppLobby lobby = lobbies.get(key);
        if (lobby == null) {
            if (limit > 0 && lobbies.size() >= limit) {
                return null;
            }
            lobby = new AppLobby(key);
            lobbies.put(key, lobby);
        }
        return lobby;
    }

    AppLobby existingLobby(LobbyKey key) {
        return lobbies.get(key);
    }

    /** Forgets a lobby nobody uses, so the lobby limit counts lobbies in use. The default lobby stays. */
    void dropIfUnused(AppLobby lobby) {
        if (lobby.isEmpty() && !lobby.key().equals(LobbyKey.DEFAULT)) {
            lobbies.remove(lobby.key(), lobby);
        }
    }

    public Collection<AppLobby> lobbies() {
        return Collections.unmodifiableCollection(lobbies.values());
    }

    // ---- games ----

    public GameState game(String gameId) {
        return games.get(gameId);
    }

    public Collection<GameState> games() {
        return Collections.unmodifiableCollection(games.values());
    }

    GameState addGame(String gameId, AppLobby lobby, GameServerContext server, long order, long now) {
        GameState game = new GameState(gameId, lobby, server, order, now);
        games.put(gameId, game);
        lobby.addGame(game);
        return game;
    }

    /** Applies a report: moves the game to the reported lobby if needed and records who plays in it. */
    void applyReport(GameState game, GameStateReport report, GameServerContext reporter, AppLobby reportedLobby) {
        Set<String> before = new HashSet<>(game.activeUserIds());
        game.apply(report, reporter);
        if (reportedLobby != game.lobby()) {
            AppLobby old = game.lobby();
            old.removeGame(game);
            game.moveTo(reportedLobby);
            reportedLobby.addGame(game);
            dropIfUnused(old);
        } else {
            game.lobby().gameChanged(game);
        }
        for (String user : before) {
            if (!report.activeUserIds().contains(user)) {
                userGames.remove(user, game);
            }
        }
        for (String user : report.activeUserIds()) {
            userGames.put(user, game);
        }
    }

    void removeGame(GameState game) {
        if (!games.remove(game.gameId(), game)) {
            return;
        }
        game.lobby().removeGame(game);
        for (String user : game.activeUserIds()) {
            userGames.remove(user, game);
        }
        dropIfUnused(game.lobby());
    }

    /** Games with players, for AppStats. */
    int playersInGames() {
        int n = 0;
        for (GameState g : games.values()) {
            n += g.playerCount();
        }
        return n;
    }

    // ---- master peers ----

    void addPeer(MasterClientPeer peer) {
        if (peers.add(peer)) {
            usersOnMaster.merge(peer.userId(), 1, Integer::sum);
        }
    }

    void removePeer(MasterClientPeer peer) {
        if (peers.remove(peer)) {
            usersOnMaster.computeIfPresent(peer.userId(), (u, n) -> n == 1 ? null : n - 1);
        }
    }

    List<MasterClientPeer> peers() {
        return new ArrayList<>(peers);
    }

    public int peerCount() {
        return peers.size();
    }

    boolean isOnMaster(String userId) {
        return usersOnMaster.containsKey(userId);
    }

    /** The game a user is active in, or null. */
    GameState gameOf(String userId) {
        return userGames.get(userId);
    }

    @Override
    public String toString() {
        return "GameApplication[" + appId + " " + appVersion + "]";
    }
}
