package org.photonee.core.node;

import org.photonee.core.auth.AesGcmTokenCodec;
import org.photonee.core.auth.ClientAuthenticator;
import org.photonee.core.auth.custom.AuthProviders;
import org.photonee.core.auth.custom.AuthSettings;
import org.photonee.core.auth.custom.CustomAuthenticator;
import org.photonee.core.auth.custom.OidcProviderFactory;
import org.photonee.core.auth.TokenIssuer;
import org.photonee.core.auth.TokenSettings;
import org.photonee.core.codec.protocol16.GpBinaryV16Protocol;
import org.photonee.core.codec.WireProtocols;
import org.photonee.core.codes.ServerState;
import org.photonee.core.config.ConfigReader;
import org.photonee.core.config.NodeSettings;
import org.photonee.core.config.Role;
import org.photonee.core.game.GameServerApplication;
import org.photonee.core.game.GameServerSettings;
import org.photonee.core.game.MasterLink;
import org.photonee.core.http.HttpQueues;
import org.photonee.core.master.LoadBalancerSettings;
import org.photonee.core.master.MasterApplication;
import org.photonee.core.master.MasterObserver;
import org.photonee.core.master.MasterServer;
import org.photonee.core.master.MasterSettings;
import org.photonee.core.nameserver.NameServerApplication;
import org.photonee.core.nameserver.NameServerSettings;
import org.photonee.core.peer.Transport;
import org.photonee.core.peer.ApplicationBase;
import org.photonee.core.peer.PeerEnvironment;
import org.photonee.core.peer.WebSocketConnector;
import org.photonee.core.room.PersistenceSettings;
import org.photonee.core.room.PersistentRoomSaver;
import org.photonee.core.plugin.RoomPluginFactory;
import org.photonee.core.room.RoomStateStore;
import org.photonee.core.s2s.AppStatsUpdate;
import org.photonee.core.s2s.GameServerRegistration;
import org.photonee.core.s2s.S2SCredentials;
import org.photonee.core.workload.WorkloadMonitor;
import org.photonee.core.workload.WorkloadSettings;

import java.lang.management.ManagementFactory;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

/**
 * Assembles the roles one instance runs (name server, master, game server) from plain parts, starts them in
 * dependency order and maps WebSocket endpoint names to them. The container supplies fibers, the token secret,
 * the room store and configuration; everything else is decided here, so the same wiring runs in the container and
 * in plain-Java tests.
 */
public final class PhotonRoles {
    private static final System.Logger LOG = System.getLogger(PhotonRoles.class.getName());

    /** How long a shutdown waits for persistent rooms to be saved. */
    private static final long ROOM_SAVE_TIMEOUT_MILLIS = 20_000;

    private final Map<String, ApplicationBase> byEndpoint = new LinkedHashMap<>();
    private final List<ApplicationBase> started = new ArrayList<>();
    private final MasterLink masterLink;
    private final WorkloadMonitor workload;
    private final HttpQueues http;
    private final CustomAuthenticator authenticator;
    private final RoomStateStore roomStore;
    private final PersistentRoomSaver roomSaver;
    private final org.photonee.core.ops.OperatorView operations;

    /**
     * @param node        roles and addresses
     * @param environment fibers and peer limits shared by all roles
     * @param tokenSecret the cluster's token key: every name server, master and game server must share it
     * @param regions     region → master URL for the name server; empty = one region "eu" with this cluster's master
     * @param roomStore   persistent room state for the game server
     * @param connector   outbound WebSocket connections (game server → master)
     * @param config      the {@code photon.*} keys (custom authentication and friends)
     * @param http        outbound HTTP queues (custom authentication, webhooks, WebRPC)
     * @param oidc        makes OpenID Connect auth providers; null when that module is absent
     */
    public PhotonRoles(NodeSettings node, PeerEnvironment environment, String tokenSecret, Map<String, String> regions,
                       RoomStateStore roomStore, WebSocketConnector connector, ConfigReader config, HttpQueues http,
                       OidcProviderFactory oidc) {
        this(node, environment, tokenSecret, regions, roomStore, connector, config, http, oidc, List.of());
    }

    /** @param pluginFactories room plugins found in the deployment (see {@link ServerExtensions}) */
    public PhotonRoles(NodeSettings node, PeerEnvironment environment, String tokenSecret, Map<String, String> regions,
                       RoomStateStore roomStore, WebSocketConnector connector, ConfigReader config, HttpQueues http,
                       OidcProviderFactory oidc, java.util.Collection<RoomPluginFactory> pluginFactories) {
        TokenIssuer tokens = new TokenIssuer(new AesGcmTokenCodec(tokenSecret), TokenSettings.DEFAULTS);
        this.http = http;
        this.roomStore = roomStore == null ? RoomStateStore.NONE : roomStore;
        AuthSettings auth = AuthSettings.from(config);
        // Custom auth runs where clients log in without a token: the name server, or a master connected directly.
        this.authenticator = AuthProviders.create(auth, http, oidc);
        ClientAuthenticator clientAuth = authenticator;
        ServerExtensions extensions = ServerExtensions.from(config, http, pluginFactories,
                regions.isEmpty() ? "" : regions.keySet().iterator().next());
        if (node.runs(Role.MASTER)) {
            MasterApplication master = new MasterApplication(environment, MasterSettings.DEFAULTS,
                    LoadBalancerSettings.DEFAULTS, tokens, clientAuth, new SplittableRandom(), true);
            master.setWebRpc(extensions.webRpc());
            byEndpoint.put("master", master);
            byEndpoint.put(MasterApplication.S2S_ENDPOINT, master);
        }
        if (node.runs(Role.NAME_SERVER)) {
            NameServerSettings ns = regions.isEmpty()
                    ? NameServerSettings.singleRegion(masterClientUrl(node, Transport.CONTAINER),
                            masterClientUrl(node, Transport.NETTY), masterClientUrl(node, Transport.UDP))
                    : new NameServerSettings(regions);
            byEndpoint.put("ns", new NameServerApplication(environment, ns, tokens, clientAuth,
                    auth.failureDisconnect()));
        }
        if (node.runs(Role.GAME)) {
            workload = new WorkloadMonitor(WorkloadSettings.DEFAULTS, ServerState.NORMAL);
            GameHolder holder = new GameHolder();
            masterLink = new MasterLink(node.masterUrl(), new GpBinaryV16Protocol(), connector, environment,
                    snapshot(node, tokens, holder));
            GameServerApplication game = new GameServerApplication(environment, tokens.codec(), masterLink,
                    this.roomStore, GameServerSettings.DEFAULTS, System::currentTimeMillis, extensions.plugins());
            game.setWebRpc(extensions.webRpc());
            holder.game = game;
            byEndpoint.put("game", game);
            long saveDelay = PersistenceSettings.from(config).saveDelayMillis();
            roomSaver = new PersistentRoomSaver(game.rooms(), this.roomStore,
                    environment.fibers().newFiber("room-saver"), saveDelay);
        } else {
            workload = null;
            masterLink = null;
            roomSaver = null;
        }
        operations = new org.photonee.core.ops.OperatorView(new OperatorRoles(), environment.stats(),
                environment.fibers().newFiber("operations"), System::currentTimeMillis, PhotonRoles::cpuPercent);
    }

    /** The dashboard's view of this node: history, cluster and room snapshots, room actions. */
    public org.photonee.core.ops.OperatorView operations() {
        return operations;
    }

    private final class OperatorRoles implements org.photonee.core.ops.OperatorView.Roles {
        @Override
        public MasterServer master() {
            return masterServer();
        }

        @Override
        public GameServerApplication game() {
            return byEndpoint.get("game") instanceof GameServerApplication game && game.isRunning() ? game : null;
        }

        @Override
        public int localPeers() {
            int n = 0;
            for (ApplicationBase app : distinctApplications()) {
                n += app.peerCount();
            }
            return n;
        }
    }

    /** The master URL clients are sent to by the name server when no region table is configured. */
    static String masterClientUrl(NodeSettings node, Transport via) {
        if (node.runs(Role.MASTER)) {
            return node.publicEndpoint(Role.MASTER, via);
        }
        String s2s = node.masterUrl().toString();
        return s2s.endsWith("/s2s") ? s2s.substring(0, s2s.length() - 4) + "/master" : s2s;
    }

    /** Starts every role (master before the game server's link to it). */
    public synchronized void start() {
        for (ApplicationBase app : distinctApplications()) {
            app.start();
            started.add(app);
        }
        if (masterLink != null) {
            masterLink.start();
        }
        if (roomSaver != null) {
            roomSaver.start();
        }
        operations.start();
        LOG.log(System.Logger.Level.INFO, "roles started: {0}", byEndpoint.keySet());
    }

    /** Stops in reverse order; the game server tells its master it leaves first. */
    public synchronized void stop() {
        if (roomSaver != null) {
            roomSaver.stop();
        }
        operations.stop();
        if (masterLink != null) {
            masterLink.announceLeave();
            masterLink.stop();
        }
        List<ApplicationBase> reverse = new ArrayList<>(started);
        Collections.reverse(reverse);
        for (ApplicationBase app : reverse) {
            try {
                app.stop();
                if (app instanceof GameServerApplication game && !(game.awaitUnloaded(ROOM_SAVE_TIMEOUT_MILLIS)
                        && roomStore.awaitWritten(ROOM_SAVE_TIMEOUT_MILLIS))) {
                    LOG.log(System.Logger.Level.WARNING, "rooms did not finish saving within {0} ms",
                            ROOM_SAVE_TIMEOUT_MILLIS);
                }
            } catch (RuntimeException e) {
                LOG.log(System.Logger.Level.WARNING, "stopping " + app.name() + " failed", e);
            }
        }
        started.clear();
    }

    // ---- persistence hooks (persist branch) ----

    /** Who hears the master's state changes (write-behind persistence); call before {@link #start()}. */
    public void setMasterObserver(MasterObserver observer) {
        if (byEndpoint.get("master") instanceof MasterApplication master) {
            master.setObserver(observer);
        }
    }

    /** The running master's state, or null when this instance runs no master or it is not started. */
    public MasterServer masterServer() {
        return byEndpoint.get("master") instanceof MasterApplication master ? master.master() : null;
    }

    /** The outbound HTTP queues, for counters. */
    public HttpQueues http() {
        return http;
    }

    /** Custom authentication's providers and their counters. */
    public CustomAuthenticator authenticator() {
        return authenticator;
    }

    public ApplicationBase forEndpoint(String endpoint) {
        return byEndpoint.get(endpoint);
    }

    /** The game server's link to its master, or null when this instance runs no game server. */
    public MasterLink masterLink() {
        return masterLink;
    }

    /**
     * Operator control of the game server's rotation state (Normal / OutOfRotation / Offline): only Normal servers
     * get new rooms; the master hears of a change at once.
     *
     * @return false when this instance runs no game server
     */
    public boolean setServerState(ServerState state) {
        if (workload == null) {
            return false;
        }
        workload.setServerState(state);
        masterLink.reportLoadNow();
        return true;
    }

    /**
     * Drain, the step before an operator stops a game server: out of rotation (no new rooms; joins to running rooms
     * still go through), so its rooms play out.
     *
     * @return the progress, or null when this instance runs no game server
     */
    public DrainStatus drain() {
        if (!setServerState(ServerState.OUT_OF_ROTATION)) {
            return null;
        }
        return drainStatus();
    }

    /** How far a drain has come, or null when this instance runs no game server. */
    public DrainStatus drainStatus() {
        if (workload == null) {
            return null;
        }
        GameServerApplication game = (GameServerApplication) byEndpoint.get("game");
        int persistent = 0;
        for (org.photonee.core.room.Room room : game.rooms().rooms()) {
            if (room.isPersistent()) {
                persistent++;
            }
        }
        return new DrainStatus(workload.serverState(), game.peerCount(), game.rooms().roomCount(), persistent);
    }

    /**
     * Saves every persistent room now and waits until the saves are durable: the last step of a drain, since a
     * container killed or stopped without undeploying (Payara Micro on SIGTERM) runs no shutdown code.
     *
     * @return false when the saves were not durable within the timeout (database away?); true without a game server
     */
    public boolean saveRoomsNow(long timeoutMillis) {
        if (roomSaver == null) {
            return true;
        }
        long deadline = System.currentTimeMillis() + timeoutMillis;
        try {
            roomSaver.snapshotAllNow().get(timeoutMillis, java.util.concurrent.TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        } catch (java.util.concurrent.ExecutionException | java.util.concurrent.TimeoutException e) {
            return false;
        }
        return roomStore.awaitWritten(Math.max(0, deadline - System.currentTimeMillis()));
    }

    /**
     * @param serverState     the rotation state
     * @param peers           clients still connected to the game server
     * @param rooms           rooms still loaded
     * @param persistentRooms of those, rooms whose state is kept
     */
    public record DrainStatus(ServerState serverState, int peers, int rooms, int persistentRooms) {
    }

    /** The game server's load level (0 lowest … 10 full), or -1 when this instance runs no game server. */
    public int loadLevel() {
        return workload == null ? -1 : workload.loadLevel();
    }

    /** Live rooms on this game server, 0 when it runs none. */
    public int roomCount() {
        return byEndpoint.get("game") instanceof GameServerApplication game ? game.rooms().roomCount() : 0;
    }

    /**
     * Games per application and lobby on this master, read on the master's fiber (its state is touched nowhere
     * else). Empty when this instance runs no master.
     */
    public java.util.concurrent.CompletableFuture<Map<LobbyCount, Integer>> lobbyGameCounts() {
        MasterServer master = masterServer();
        java.util.concurrent.CompletableFuture<Map<LobbyCount, Integer>> result =
                new java.util.concurrent.CompletableFuture<>();
        if (master == null) {
            result.complete(Map.of());
            return result;
        }
        master.fiber().enqueue(() -> {
            Map<LobbyCount, Integer> counts = new LinkedHashMap<>();
            for (org.photonee.core.master.GameApplication app : master.applications()) {
                for (org.photonee.core.master.AppLobby lobby : app.lobbies()) {
                    counts.put(new LobbyCount(app.appId(), app.appVersion(), lobby.key().name(), lobby.key().type()),
                            lobby.gameCount());
                }
            }
            result.complete(counts);
        });
        return result;
    }

    /** One lobby of one application version. */
    public record LobbyCount(String appId, String appVersion, String lobby, int lobbyType) {
    }

    /** The game server's rotation state, or null when this instance runs no game server. */
    public ServerState serverState() {
        return workload == null ? null : workload.serverState();
    }

    private List<ApplicationBase> distinctApplications() {
        List<ApplicationBase> apps = new ArrayList<>();
        for (ApplicationBase app : byEndpoint.values()) {
            if (!apps.contains(app)) {
                apps.add(app);
            }
        }
        return apps;
    }

    private static final class GameHolder {
        volatile GameServerApplication game;
    }

    private MasterLink.ServerSnapshot snapshot(NodeSettings node, TokenIssuer tokens, GameHolder holder) {
        // Plain subprotocol keys name the container endpoint (what a master that knows no transports hands out);
        // "<transport>:<subprotocol>" keys name each transport this instance listens on.
        Map<String, String> addresses = new LinkedHashMap<>();
        for (String protocol : WireProtocols.defaults().names()) {
            addresses.put(protocol, node.publicEndpoint(Role.GAME, Transport.CONTAINER));
            for (Transport t : node.transports()) {
                addresses.put(GameServerRegistration.addressKey(t, protocol), node.publicEndpoint(Role.GAME, t));
            }
        }
        return MasterLink.snapshot(
                () -> new GameServerRegistration(node.nodeId(), addresses, workload.serverState(),
                        workload.loadLevel(), 0, S2SCredentials.create(tokens, node.nodeId())),
                () -> {
                    GameServerApplication game = holder.game;
                    int peers = game.peerCount();
                    workload.sample(cpuPercent(), 0, peers);
                    return workload.update(peers, game.rooms().roomCount());
                },
                () -> new AppStatsUpdate(holder.game.rooms().roomCount(), holder.game.peerCount()),
                () -> holder.game.rooms().reportAll());
    }

    /**
     * The process's CPU use. WildFly's module system hides {@code com.sun.management} from deployments unless they
     * ask for it, so without it the portable system load average per core stands in.
     */
    public static double cpuPercent() {
        try {
            if (ManagementFactory.getOperatingSystemMXBean() instanceof com.sun.management.OperatingSystemMXBean os) {
                double load = os.getProcessCpuLoad();
                return load < 0 ? 0 : load * 100;
            }
        } catch (LinkageError hidden) {
            // fall through to the portable figure
        }
        java.lang.management.OperatingSystemMXBean os = ManagementFactory.getOperatingSystemMXBean();
        double perCore = os.getSystemLoadAverage() / Math.max(1, os.getAvailableProcessors());
        return perCore < 0 ? 0 : Math.min(100, perCore * 100);
    }
}
