package org.photonee.core.master;

import java.lang.System.Logger.Level;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.photonee.core.codes.EventCode;
import org.photonee.core.codes.ParameterCode;
import org.photonee.core.codes.ReturnCode;
import org.photonee.core.fiber.Cancellable;
import org.photonee.core.fiber.Fiber;
import org.photonee.core.peer.Broadcaster;
import org.photonee.core.peer.Peer;
import org.photonee.core.peer.SendParameters;
import org.photonee.core.protocol.EventData;
import org.photonee.core.protocol.OperationResponse;
import org.photonee.core.protocol.Parameters;
import org.photonee.core.s2s.AppStatsUpdate;
import org.photonee.core.s2s.GameRemoval;
import org.photonee.core.s2s.GameServerRegistration;
import org.photonee.core.s2s.GameStateReport;
import org.photonee.core.s2s.S2SOperationCode;
import org.photonee.core.s2s.ServerLoadUpdate;

/**
 * The master's state and its periodic work: registered game servers, every application's lobbies and games, and
 * the timers that publish list updates and stats. Everything here runs on one master fiber, so lobbies and games
 * need no locks; peers hand their work to it and it sends responses back itself.
 */
public final class MasterServer {
    private static final System.Logger LOG = System.getLogger("org.photonee.master");

    private final Fiber fiber;
    private final MasterSettings settings;
    private final LoadBalancer loadBalancer;
    private final GameServerRegistry registry = new GameServerRegistry();
    private final Map<String, GameApplication> applications = new HashMap<>();
    private final List<Cancellable> timers = new ArrayList<>();
    private long nextGameOrder;
    private MasterObserver observer = MasterObserver.NONE;

    public MasterServer(Fiber fiber, MasterSettings settings, LoadBalancer loadBalancer) {
        this.fiber = fiber;
        this.settings = settings;
        this.loadBalancer = loadBalancer;
    }

    /** Sets who hears about state changes; call before {@link #start()}. */
    public void setObserver(MasterObserver observer) {
        this.observer = observer == null ? MasterObserver.NONE : observer;
    }

    /** Starts the publishing and expiry timers. */
    public void start() {
        timers.add(fiber.scheduleOnInterval(this::publishGameChanges, settings.gameChangesPublishIntervalMillis(),
                settings.gameChangesPublishIntervalMillis()));
        timers.add(fiber.scheduleOnInterval(this::publishAppStats, settings.appStatsPublishIntervalMillis(),
                settings.appStatsPublishIntervalMillis()));
        timers.add(fiber.scheduleOnInterval(this::publishLobbyStats, settings.lobbyStatsPublishIntervalMillis(),
                settings.lobbyStatsPublishIntervalMillis()));
        timers.add(fiber.scheduleOnInterval(this::dropUnconfirmedGames, settings.gameExpiryCheckPeriodMillis(),
                settings.gameExpiryCheckPeriodMillis()));
    }

    public void stop() {
        timers.forEach(Cancellable::cancel);
        timers.clear();
    }

    public Fiber fiber() {
        return fiber;
    }

    public MasterSettings settings() {
        return settings;
    }

    public GameServerRegistry registry() {
        return registry;
    }

    // ---- applications ----

    /** The application's world, created on first use. */
    public GameApplication application(String appId, String appVersion) {
        String id = appId == null ? "" : appId;
        String version = appVersion == null ? "" : appVersion;
        return applications.computeIfAbsent(id + '\u0000' + version, k -> new GameApplication(id, version));
    }

    public Collection<GameApplication> applications() {
        return Collections.unmodifiableCollection(applications.values());
    }

    void peerAuthenticated(MasterClientPeer peer) {
        GameApplication app = application(peer.token().appId(), peer.token().appVersion());
        peer.setApplication(app);
        app.addPeer(peer);
    }

    void peerDisconnected(MasterClientPeer peer) {
        GameApplication app = peer.application();
        if (app == null) {
            return;
        }
        AppLobby lobby = peer.lobby();
        if (lobby != null) {
            lobby.leave(peer);
            peer.setLobby(null);
            app.dropIfUnused(lobby);
        }
        app.removePeer(peer);
    }

    // ---- games ----

    /**
     * Creates a game on the server the load balancer picks. Fails with GameIdAlreadyExists, ServerFull, or
     * OperationInvalid when the lobby limit is reached.
     */
    MatchOutcome createGame(GameApplication app, String gameId, LobbyKey lobbyKey) {
        if (app.game(gameId) != null) {
            return MatchOutcome.refused(ReturnCode.GAME_ID_ALREADY_EXISTS, "A game with id " + gameId
                    + " already exists");
        }
        AppLobby lobby = app.lobby(lobbyKey, settings.lobbiesCountLimit());
        if (lobby == null) {
            return MatchOutcome.refused(ReturnCode.OPERATION_INVALID,
                    "Lobby limit of " + settings.lobbiesCountLimit() + " reached");
        }
        Optional<GameServerContext> server = loadBalancer.pick(registry.inRotation());
        if (server.isEmpty()) {
            app.dropIfUnused(lobby);
            return MatchOutcome.refused(ReturnCode.SERVER_FULL, "Failed to get server instance.");
        }
        GameState game = app.addGame(gameId, lobby, server.get(), nextGameOrder++, fiber.nowMillis());
        observer.gameUpdated(app, game);
        return MatchOutcome.found(game);
    }

    /** Unconfirmed games whose creator never reached the game server are dropped after the creation timeout. */
    private void dropUnconfirmedGames() {
        long deadline = fiber.nowMillis() - settings.gameCreationTimeoutMillis();
        for (GameApplication app : applications.values()) {
            for (GameState game : new ArrayList<>(app.games())) {
                if (!game.isConfirmed() && game.createdAtMillis() <= deadline) {
                    removeGame(app, game);
                }
            }
        }
    }

    // ---- S2S ----

    /** Registers a game server on its link; answers the RegisterGameServer request. */
    OperationResponse registerGameServer(GameServerRegistration registration, Peer link) {
        GameServerRegistry.Registered r = registry.register(registration, link);
        if (r.replacedLink() != null) {
            LOG.log(Level.INFO, "game server {0} registered again; closing its previous link",
                    registration.serverId());
            r.replacedLink().disconnect();
        }
        if (r.reconnected()) {
            // The server re-reports its games now; whatever it does not re-report within the TTL is gone.
            GameServerContext context = r.context();
            int generation = context.generation();
            fiber.schedule(() -> dropStaleGames(context, generation), settings.gsContextTtlMillis());
        }
        LOG.log(Level.INFO, "game server {0} registered: {1}", registration.serverId(),
                registration.publicAddresses());
        observer.gameServerRegistered(r.context());
        return OperationResponse.ok(S2SOperationCode.REGISTER_GAME_SERVER);
    }

    GameServerContext context(String serverId) {
        return registry.get(serverId);
    }

    void serverUpdated(GameServerContext server, ServerLoadUpdate update) {
        server.apply(update);
        server.reportedAt(fiber.nowMillis());
    }

    void appStatsUpdated(GameServerContext server, AppStatsUpdate stats) {
        server.apply(stats);
    }

    void serverLeaving(GameServerContext server) {
        LOG.log(Level.INFO, "game server {0} is leaving: no new games", server.serverId());
        server.markLeaving();
    }

    /** The link of a server dropped: out of rotation now, its games gone after {@code GSContextTTL}. */
    void linkLost(GameServerContext server, Peer link) {
        if (server.link() != link) {
            return;
        }
        LOG.log(Level.WARNING, "game server {0} disconnected; its games stay listed for {1} ms",
                server.serverId(), settings.gsContextTtlMillis());
        server.linkLost(fiber.schedule(() -> expireServer(server), settings.gsContextTtlMillis()));
    }

    private void expireServer(GameServerContext server) {
        if (server.isConnected()) {
            return;
        }
        removeGamesWhere(game -> game.server() == server);
        registry.remove(server);
        observer.gameServerRemoved(server.serverId());
        LOG.log(Level.INFO, "game server {0} expired; its games were removed", server.serverId());
    }

    private void dropStaleGames(GameServerContext server, int generation) {
        removeGamesWhere(game -> game.server() == server && game.serverGeneration() < generation);
    }

    private void removeGamesWhere(java.util.function.Predicate<GameState> condition) {
        for (GameApplication app : applications.values()) {
            for (GameState game : new ArrayList<>(app.games())) {
                if (condition.test(game)) {
                    removeGame(app, game);
                }
            }
        }
    }

    void gameUpdated(GameServerContext server, GameStateReport report) {
        GameApplication app = application(report.appId(), report.appVersion());
        LobbyKey key = new LobbyKey(report.lobbyName(), report.lobbyType());
        AppLobby lobby = app.lobby(key, settings.lobbiesCountLimit());
        if (lobby == null) {
            lobby = app.lobby(LobbyKey.DEFAULT, 0);
        }
        GameState game = app.game(report.gameId());
        if (game == null) {
            // A game the master did not assign: created on the game server directly, or re-reported to a master
            // that restarted. Either way the game server is the authority.
            game = app.addGame(report.gameId(), lobby, server, nextGameOrder++, fiber.nowMillis());
        }
        app.applyReport(game, report, server, lobby);
        observer.gameUpdated(app, game);
    }

    private void removeGame(GameApplication app, GameState game) {
        app.removeGame(game);
        observer.gameRemoved(app, game.gameId());
    }

    void gameRemoved(GameServerContext server, GameRemoval removal) {
        GameApplication app = application(removal.appId(), removal.appVersion());
        GameState game = app.game(removal.gameId());
        if (game != null && game.server() == server) {
            removeGame(app, game);
        }
    }

    // ---- publishing ----

    void publishGameChanges() {
        for (GameApplication app : applications.values()) {
            for (AppLobby lobby : app.lobbies()) {
                lobby.publishChanges(settings.limitGameListUpdate());
            }
        }
    }

    /** AppStats (226) to every authenticated client of each application. */
    void publishAppStats() {
        for (GameApplication app : applications.values()) {
            if (app.peerCount() == 0) {
                continue;
            }
            EventData stats = new EventData(EventCode.APP_STATS, Parameters.of(
                    ParameterCode.MASTER_PEER_COUNT, app.peerCount(),
                    ParameterCode.PEER_COUNT, app.playersInGames(),
                    ParameterCode.GAME_COUNT, app.games().size()));
            Broadcaster.broadcast(stats, app.peers(), SendParameters.DEFAULT);
        }
    }

    /** LobbyStats (224) to the clients that subscribed when authenticating or with Settings. */
    void publishLobbyStats() {
        for (GameApplication app : applications.values()) {
            List<Peer> subscribers = new ArrayList<>();
            for (MasterClientPeer peer : app.peers()) {
                if (peer.isLobbyStatsSubscriber()) {
                    subscribers.add(peer);
                }
            }
            if (!subscribers.isEmpty()) {
                EventData event = new EventData(EventCode.LOBBY_STATS,
                        LobbyStats.of(app.lobbies(), settings.lobbyStatsLimit()));
                Broadcaster.broadcast(event, subscribers, SendParameters.DEFAULT);
            }
        }
    }
}
