package org.photonee.core.game;

import org.photonee.core.codes.ReturnCode;
import org.photonee.core.fiber.Cancellable;
import org.photonee.core.peer.OutboundS2SPeer;
import org.photonee.core.peer.PeerEnvironment;
import org.photonee.core.peer.SendParameters;
import org.photonee.core.peer.WebSocketConnector;
import org.photonee.core.protocol.EventData;
import org.photonee.core.protocol.OperationResponse;
import org.photonee.core.protocol.WireProtocol;
import org.photonee.core.s2s.AppStatsUpdate;
import org.photonee.core.s2s.GameRemoval;
import org.photonee.core.s2s.GameRemoveReason;
import org.photonee.core.s2s.GameServerRegistration;
import org.photonee.core.s2s.GameStateListener;
import org.photonee.core.s2s.GameStateReport;
import org.photonee.core.s2s.S2SMessages;
import org.photonee.core.s2s.S2SOperationCode;
import org.photonee.core.s2s.ServerLoadUpdate;

import java.lang.System.Logger.Level;
import java.net.URI;
import java.util.function.Supplier;

/**
 * The game server's link to its master: registers when the connection comes up, then sends the full state of every
 * room, its load every second and app stats every five seconds, and each room change as it happens. Room changes
 * made while the link is down are not queued: the full re-report after the next registration supersedes them, so
 * rooms keep running undisturbed while the master is away.
 */
public final class MasterLink extends OutboundS2SPeer implements GameStateListener {
    private static final System.Logger LOG = System.getLogger("org.photonee.s2s");
    static final long LOAD_REPORT_INTERVAL_MILLIS = 1000;
    static final long APP_STATS_INTERVAL_MILLIS = 5000;
    /**
     * Reconnect delays after the master went away: capped at 5 s so that a restarted master has every game server
     * registered, and the lobby's game list complete again, within about 5 s of it being ready.
     */
    static final Backoff RECONNECT_BACKOFF = new Backoff(500, 5_000);

    /** What the link reports about its server; read on the link's fiber. */
    public interface ServerSnapshot {
        /** Registration data, including a fresh credential. */
        GameServerRegistration registration();

        ServerLoadUpdate load();

        AppStatsUpdate appStats();

        /** Re-sends every room's state through {@link MasterLink#gameUpdated}. */
        void reportAllGames();
    }

    private final ServerSnapshot server;
    private volatile boolean registered;
    private Cancellable loadReports = Cancellable.NONE;
    private Cancellable statsReports = Cancellable.NONE;

    public MasterLink(URI masterUrl, WireProtocol protocol, WebSocketConnector connector, PeerEnvironment environment,
                      ServerSnapshot server) {
        super(masterUrl, protocol, connector, environment, RECONNECT_BACKOFF);
        this.server = server;
    }

    /** True while registered with the master. */
    public boolean isRegistered() {
        return registered;
    }

    @Override
    protected void onConnectionEstablished() {
        registered = false;
        sendOperationRequest(S2SMessages.registerGameServer(server.registration()), SendParameters.DEFAULT);
    }

    @Override
    protected void onConnectionFailed(String reason) {
        registered = false;
    }

    @Override
    protected void onOperationResponse(OperationResponse response, SendParameters sendParameters) {
        if (response.code() != S2SOperationCode.REGISTER_GAME_SERVER) {
            return;
        }
        if (response.returnCode() != ReturnCode.OK) {
            LOG.log(Level.WARNING, "master {0} refused registration: {1} {2}", target(), response.returnCode(),
                    response.debugMessage());
            disconnect();
            return;
        }
        registered = true;
        LOG.log(Level.INFO, "registered with master {0}", target());
        server.reportAllGames();
        sendLoad();
        sendEvent(S2SMessages.updateAppStats(server.appStats()), SendParameters.DEFAULT);
        loadReports.cancel();
        statsReports.cancel();
        loadReports = requestFiber().scheduleOnInterval(this::sendLoad, LOAD_REPORT_INTERVAL_MILLIS,
                LOAD_REPORT_INTERVAL_MILLIS);
        statsReports = requestFiber().scheduleOnInterval(() -> {
            if (registered) {
                sendEvent(S2SMessages.updateAppStats(server.appStats()), SendParameters.DEFAULT);
            }
        }, APP_STATS_INTERVAL_MILLIS, APP_STATS_INTERVAL_MILLIS);
    }

    @Override
    protected void onOperationRequest(org.photonee.core.protocol.OperationRequest request,
                                      SendParameters sendParameters) {
        // The master sends no requests to game servers.
    }

    @Override
    protected void onEvent(EventData event, SendParameters sendParameters) {
        // The master sends no events to game servers today.
    }

    @Override
    protected void onDisconnect(org.photonee.core.codes.DisconnectReason reason, String detail) {
        registered = false;
        loadReports.cancel();
        statsReports.cancel();
        LOG.log(Level.INFO, "link to master {0} lost ({1}: {2}); reconnecting", target(), reason, detail);
    }

    /** Sends the load now (e.g. on an operator state change) instead of at the next tick. */
    public void reportLoadNow() {
        requestFiber().enqueue(this::sendLoad);
    }

    /** Tells the master this server leaves on purpose (shutdown), before the link closes. */
    public void announceLeave() {
        requestFiber().enqueue(() -> {
            if (registered) {
                sendEvent(S2SMessages.gameServerLeave(), SendParameters.DEFAULT);
            }
        });
    }

    /** UpdateServer goes out every second whether or not it changed (the master treats silence as trouble). */
    private void sendLoad() {
        if (registered) {
            sendEvent(S2SMessages.updateServer(server.load()), SendParameters.DEFAULT);
        }
    }

    @Override
    public void gameUpdated(GameStateReport report) {
        requestFiber().enqueue(() -> {
            if (registered) {
                sendEvent(S2SMessages.updateGameState(report), SendParameters.DEFAULT);
            }
        });
    }

    @Override
    public void gameRemoved(String appId, String appVersion, String gameId, GameRemoveReason reason) {
        requestFiber().enqueue(() -> {
            if (registered) {
                sendEvent(S2SMessages.removeGameState(new GameRemoval(appId, appVersion, gameId, reason)),
                        SendParameters.DEFAULT);
            }
        });
    }

    /** A snapshot source for tests and simple setups. */
    public static ServerSnapshot snapshot(Supplier<GameServerRegistration> registration,
                                          Supplier<ServerLoadUpdate> load, Supplier<AppStatsUpdate> stats,
                                          Runnable reportAll) {
        return new ServerSnapshot() {
            @Override
            public GameServerRegistration registration() {
                return registration.get();
            }

            @Override
            public ServerLoadUpdate load() {
                return load.get();
            }

            @Override
            public AppStatsUpdate appStats() {
                return stats.get();
            }

            @Override
            public void reportAllGames() {
                reportAll.run();
            }
        };
    }
}
