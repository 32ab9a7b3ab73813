package org.photonee.ejb;

import jakarta.annotation.PostConstruct;
import jakarta.enterprise.concurrent.ManagedScheduledExecutorService;
import jakarta.enterprise.concurrent.ManagedExecutorService;
import jakarta.annotation.PreDestroy;
import jakarta.annotation.Resource;
import jakarta.ejb.ConcurrencyManagement;
import jakarta.ejb.ConcurrencyManagementType;
import jakarta.ejb.EJB;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.enterprise.concurrent.ManagedThreadFactory;
import jakarta.enterprise.inject.Any;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.PersistenceException;
import org.photonee.core.config.NodeSettings;
import org.photonee.core.config.PeerSettingsConfig;
import org.photonee.core.fiber.Cancellable;
import org.photonee.core.fiber.Fiber;
import org.photonee.core.fiber.FiberFactory;
import org.photonee.core.auth.AesGcmTokenCodec;
import org.photonee.core.http.HttpQueueSettings;
import org.photonee.core.http.HttpQueues;
import org.photonee.core.http.JdkHttpSender;
import org.photonee.core.node.PhotonRoles;
import org.photonee.core.plugin.PluginDiscovery;
import org.photonee.core.plugin.RoomPluginFactory;
import org.photonee.core.stats.NodeStats;
import org.photonee.oidc.AdminAccess;
import org.photonee.oidc.NimbusOidcProviderFactory;
import org.photonee.core.peer.ApplicationBase;
import org.photonee.core.peer.JdkWebSocketConnector;
import org.photonee.core.peer.PeerEnvironment;
import org.photonee.core.peer.PeerSettings;
import org.photonee.ejb.persistence.JpaMasterObserver;
import org.photonee.ejb.persistence.JpaRoomStateStore;
import org.photonee.ejb.persistence.MasterTables;
import org.photonee.ejb.persistence.RoomStates;
import org.photonee.persistence.ClusterSettingEntity;
import org.photonee.persistence.NodeStartEntity;
import org.photonee.persistence.RoomStateCodec;
import org.photonee.core.room.PersistenceSettings;
import org.photonee.core.room.WriteBehindRoomStateStore;

import java.io.IOException;
import java.io.InputStream;
import java.time.Instant;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.ScheduledFuture;
import java.util.Properties;
import java.util.concurrent.atomic.AtomicLong;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * The instance itself: reads its settings, records its start in the database, and owns the fiber factory built on
 * threads of the container's managed thread factory. Every role's application is started from here (later issues
 * add them), so the container's lifecycle is the application's lifecycle.
 */
@Singleton
@Startup
@ConcurrencyManagement(ConcurrencyManagementType.BEAN)
public class PhotonNode {
    private static final Logger LOG = Logger.getLogger(PhotonNode.class.getName());

    /** Threads for the fibers (context captured once per thread, not per task: see BENCHMARKS.md). */
    @Resource
    private ManagedThreadFactory threadFactory;

    /** Outbound WebSocket links (game server → master) run their callbacks here. */
    @Resource
    private ManagedExecutorService executor;

    /** Once-a-second work: the node heartbeat and the master's write-behind flush. */
    @Resource
    private ManagedScheduledExecutorService scheduler;

    @PersistenceContext(unitName = "photon")
    private EntityManager entityManager;

    @EJB
    private RoomStates roomStates;

    @EJB
    private MasterTables masterTables;

    /** Room plugins packaged as CDI beans. */
    @Inject
    @Any
    private Instance<RoomPluginFactory> pluginBeans;

    private volatile JpaMasterObserver masterObserver;
    private volatile WriteBehindRoomStateStore roomStore;
    private volatile NodeSettings settings;
    private volatile ManagedFiberFactory fibers;
    private volatile Fiber nodeFiber;
    private volatile Cancellable heartbeat;
    private final AtomicLong heartbeats = new AtomicLong();
    private final long startedNanos = System.nanoTime();
    private volatile boolean started;
    private volatile PhotonRoles roles;
    private final NodeStats stats = new NodeStats();
    private volatile PeerEnvironment environment;
    private volatile Cancellable liveSettingsPoll;
    private volatile String lastConfiguredServerState;
    /** How often live keys are read again. */
    private static final long LIVE_SETTINGS_POLL_SECONDS = 5;
    private volatile AdminAccess adminAccess;
    private static final String TOKEN_SECRET_SETTING = "tokenSecret";

    @PostConstruct
    void start() {
        settings = NodeSettings.from(PhotonConfig.lookup());
        fibers = new ManagedFiberFactory(threadFactory, fiberThreads());
        nodeFiber = fibers.newFiber("photon-node");
        ScheduledFuture<?> tick = scheduler.scheduleAtFixedRate(heartbeats::incrementAndGet, 0, 1, TimeUnit.SECONDS);
        heartbeat = () -> tick.cancel(false);
        startRoles();
        entityManager.persist(new NodeStartEntity(settings.nodeId(), settings.rolesKey(), version(),
                settings.publicUrl().toString(), Instant.now()));
        started = true;
        LOG.info(() -> "Photon node " + settings.nodeId() + " started: roles " + settings.rolesKey()
                + ", clients connect to " + settings.publicUrl());
    }

    private void startRoles() {
        PeerSettings peerSettings = PeerSettingsConfig.from(PhotonConfig.lookup());
        environment = new PeerEnvironment(fibers, peerSettings, org.photonee.core.peer.ExceptionHandler.DEFAULT,
                stats);
        // Persistence: persistent rooms are kept in the database (JpaRoomStateStore), written behind by a thread of
        // their own so no fiber waits for the database.
        PersistenceSettings persistence = PersistenceSettings.from(PhotonConfig.reader());
        roomStore = new WriteBehindRoomStateStore(new JpaRoomStateStore(roomStates, new RoomStateCodec()),
                persistence.maxPendingRooms(), threadFactory, System::currentTimeMillis);
        // Outbound HTTP (custom auth, webhooks, WebRPC): callbacks on the managed executor, bookkeeping on fibers.
        HttpQueues http = new HttpQueues(new JdkHttpSender(executor, Duration.ofSeconds(5),
                HttpQueueSettings.DEFAULTS.maxResponseBytes()), fibers);
        roles = new PhotonRoles(settings, environment, tokenSecret(), regions(),
                roomStore,
                new JdkWebSocketConnector(peerSettings.limits().maxMessageSize(), peerSettings.maxQueuedBytes(),
                        Duration.ofSeconds(5), executor),
                PhotonConfig.reader(), http, new NimbusOidcProviderFactory(), pluginFactories());
        adminAccess = AdminAccess.from(PhotonConfig.reader(), http);
        String initialState = PhotonConfig.lookup().apply("photon.serverState");
        if (initialState != null && !initialState.isBlank()) {
            roles.setServerState(org.photonee.core.codes.ServerState.parse(initialState));
        }
        masterObserver = new JpaMasterObserver(masterTables, settings.nodeId());
        roles.setMasterObserver(masterObserver);
        roles.start();
        if (roles.masterServer() != null) {
            // Persistence: the master's registry and game list, written behind once a second.
            masterObserver.start(scheduler, roles::masterServer, 1000);
        }
        lastConfiguredServerState = initialState;
        ScheduledFuture<?> poll = scheduler.scheduleWithFixedDelay(this::applyLiveSettings,
                LIVE_SETTINGS_POLL_SECONDS, LIVE_SETTINGS_POLL_SECONDS, TimeUnit.SECONDS);
        liveSettingsPoll = () -> poll.cancel(false);
    }

    /**
     * Keys an operator may change while the node runs (limits, rates, timeouts, the rotation state) are read
     * again every few seconds; Payara's config cache is off for this application (microprofile-config.properties),
     * so a console change applies within one poll. A bad value is logged and the running one kept.
     */
    private void applyLiveSettings() {
        try {
            PeerSettings fresh = PeerSettingsConfig.from(PhotonConfig.lookup());
            PeerSettings current = environment.settings();
            if (!fresh.equals(current)) {
                environment.updateSettings(fresh);
                LOG.info(() -> "peer limits changed: " + current + " -> " + fresh);
            }
            String state = PhotonConfig.lookup().apply("photon.serverState");
            if (state != null && !state.isBlank() && !state.equals(lastConfiguredServerState)) {
                // Only a change of the key moves the state, so PUT /api/admin/server-state is not undone.
                roles.setServerState(org.photonee.core.codes.ServerState.parse(state));
                LOG.info(() -> "photon.serverState changed to " + state);
            }
            lastConfiguredServerState = state;
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "a changed setting was not applied: " + e.getMessage());
        }
    }

    /**
     * Room plugins in the deployment: CDI beans implementing {@link RoomPluginFactory}, and jars with a
     * {@code META-INF/services} entry (a bean that is also listed there counts once).
     */
    private List<RoomPluginFactory> pluginFactories() {
        List<RoomPluginFactory> found = new ArrayList<>();
        for (RoomPluginFactory bean : pluginBeans) {
            found.add(bean);
        }
        ClassLoader loader = Thread.currentThread().getContextClassLoader();
        for (RoomPluginFactory listed : PluginDiscovery.serviceLoader(
                loader != null ? loader : PhotonNode.class.getClassLoader())) {
            if (found.stream().noneMatch(f -> listed.getClass().isInstance(f))) {
                found.add(listed);
            }
        }
        LOG.info(() -> "room plugins found: " + found.stream().map(RoomPluginFactory::name).toList());
        return found;
    }

    /** {@code photon.fiberThreads}: threads that run all fibers (default two per CPU, at least four). */
    private static int fiberThreads() {
        String v = PhotonConfig.lookup().apply("photon.fiberThreads");
        if (v == null || v.isBlank()) {
            return ManagedFiberFactory.defaultPoolSize();
        }
        int n = Integer.parseInt(v.trim());
        if (n <= 0) {
            throw new IllegalArgumentException("photon.fiberThreads must be positive, got " + n);
        }
        return n;
    }

    /** The peer limits in force now (live keys applied). */
    public PeerSettings peerSettings() {
        PeerEnvironment e = environment;
        return e == null ? null : e.settings();
    }

    /** The node's traffic and session counters. */
    public NodeStats stats() {
        return stats;
    }

    /** Who may call the admin API ({@code photon.admin.*}). */
    public AdminAccess adminAccess() {
        return adminAccess;
    }

    /** The assembled roles (for operator resources). */
    public PhotonRoles roles() {
        return roles;
    }

    /**
     * {@code photon.tokenSecret}: shared by every instance of a cluster, or tokens from one are refused by another.
     * When it is not configured, the key is generated once and kept in the database, so every instance on the
     * same database shares it.
     */
    private String tokenSecret() {
        String secret = PhotonConfig.lookup().apply("photon.tokenSecret");
        if (secret != null && !secret.isBlank()) {
            return secret;
        }
        ClusterSettingEntity stored = entityManager.find(ClusterSettingEntity.class, TOKEN_SECRET_SETTING);
        if (stored != null) {
            LOG.info("photon.tokenSecret is not set: using the token key stored in the database");
            return stored.getValue();
        }
        String generated = AesGcmTokenCodec.generateSecret();
        entityManager.persist(new ClusterSettingEntity(TOKEN_SECRET_SETTING, generated, System.currentTimeMillis()));
        LOG.warning("photon.tokenSecret is not set: generated a token key and stored it in the database "
                + "(table PHOTON_CLUSTER_SETTING). Instances on other databases need photon.tokenSecret set to "
                + "the same value.");
        return generated;
    }

    /** {@code photon.regions}: "eu=ws://host/photon/master,us=ws://..."; empty = one region with this cluster's master. */
    private static Map<String, String> regions() {
        String value = PhotonConfig.lookup().apply("photon.regions");
        Map<String, String> regions = new LinkedHashMap<>();
        if (value != null && !value.isBlank()) {
            for (String entry : value.split(",")) {
                int eq = entry.indexOf('=');
                if (eq <= 0 || eq == entry.length() - 1) {
                    throw new IllegalArgumentException("photon.regions: expected region=url, got '" + entry.trim() + "'");
                }
                regions.put(entry.substring(0, eq).trim(), entry.substring(eq + 1).trim());
            }
        }
        return regions;
    }

    @PreDestroy
    void stop() {
        started = false;
        if (liveSettingsPoll != null) {
            liveSettingsPoll.cancel();
        }
        if (roles != null) {
            roles.stop();
        }
        if (masterObserver != null) {
            masterObserver.stop();
        }
        if (roomStore != null) {
            roomStore.close();
        }
        if (heartbeat != null) {
            heartbeat.cancel();
        }
        if (nodeFiber != null) {
            nodeFiber.dispose();
        }
        if (fibers != null) {
            fibers.shutdown();
        }
        LOG.info("Photon node stopped");
    }

    public NodeSettings settings() {
        return settings;
    }

    public FiberFactory fibers() {
        return fibers;
    }

    /** The application serving a WebSocket endpoint, or null when its role does not run here. */
    public ApplicationBase applicationFor(String endpoint) {
        PhotonRoles r = roles;
        return r == null ? null : r.forEndpoint(endpoint);
    }

    /** Current status; queries the database, so callers should not call it per message. */
    @TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
    public NodeStatus status() {
        boolean db = databaseReachable();
        NodeSettings s = settings;
        PhotonRoles r = roles;
        // A game server is ready once its master knows it: before that, the master cannot send players to it.
        String link = r == null || r.masterLink() == null ? null : r.masterLink().isRegistered() ? "UP" : "DOWN";
        // The database is needed to start (token key, node record), not to serve: rooms and matchmaking run from
        // memory and writes wait for it, so an outage is reported ("database") without taking the node out of service.
        boolean ready = started && !"DOWN".equals(link);
        return new NodeStatus(ready, s.rolesKey(), version(), s.nodeId(), s.publicUrl().toString(),
                (System.nanoTime() - startedNanos) / 1_000_000, db, heartbeats.get(), link);
    }

    private boolean databaseReachable() {
        try {
            entityManager.createQuery("SELECT COUNT(n) FROM NodeStartEntity n", Long.class).getSingleResult();
            return true;
        } catch (PersistenceException e) {
            LOG.log(Level.WARNING, "Database check failed", e);
            return false;
        }
    }

    /** The product version, from the build. */
    public static String version() {
        return VersionHolder.VERSION;
    }

    private static final class VersionHolder {
        static final String VERSION = load();

        private static String load() {
            Properties p = new Properties();
            try (InputStream in = PhotonNode.class.getResourceAsStream("version.properties")) {
                if (in != null) {
                    p.load(in);
                }
            } catch (IOException e) {
                // fall through to "unknown"
            }
            return p.getProperty("version", "unknown");
        }
    }
}
