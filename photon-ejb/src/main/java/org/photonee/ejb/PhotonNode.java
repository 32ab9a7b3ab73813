package org.photonee.ejb;

import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import jakarta.annotation.Resource;
import jakarta.ejb.ConcurrencyManagement;
import jakarta.ejb.ConcurrencyManagementType;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.enterprise.concurrent.ManagedExecutorService;
import jakarta.enterprise.concurrent.ManagedScheduledExecutorService;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.PersistenceException;
import org.photonee.core.config.NodeSettings;
import org.photonee.core.fiber.Cancellable;
import org.photonee.core.fiber.Fiber;
import org.photonee.core.fiber.FiberFactory;
import org.photonee.core.peer.ApplicationBase;
import org.photonee.persistence.NodeStartEntity;

import java.io.IOException;
import java.io.InputStream;
import java.time.Instant;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * The instance itself: reads its settings, records its start in the database, and owns the fiber factory built on
 * the container's managed executors. Every role's application is started from here (later issues add them), so
 * the container's lifecycle is the application's lifecycle.
 */
@Singleton
@Startup
@ConcurrencyManagement(ConcurrencyManagementType.BEAN)
public class PhotonNode {
    private static final Logger LOG = Logger.getLogger(PhotonNode.class.getName());

    @Resource
    private ManagedExecutorService executor;

    @Resource
    private ManagedScheduledExecutorService scheduler;

    @PersistenceContext(unitName = "photon")
    private EntityManager entityManager;

    private volatile NodeSettings settings;
    private volatile FiberFactory fibers;
    private volatile Fiber nodeFiber;
    private volatile Cancellable heartbeat;
    private final AtomicLong heartbeats = new AtomicLong();
    private final long startedNanos = System.nanoTime();
    private volatile boolean started;
    /** Endpoint name ("ns", "master", "game", "s2s") → the application serving it on this instance. */
    private final Map<String, ApplicationBase> applications = new ConcurrentHashMap<>();

    @PostConstruct
    void start() {
        settings = NodeSettings.from(PhotonConfig.lookup());
        fibers = new ManagedFiberFactory(executor, scheduler);
        nodeFiber = fibers.newFiber("photon-node");
        heartbeat = nodeFiber.scheduleOnInterval(heartbeats::incrementAndGet, 0, 1000);
        entityManager.persist(new NodeStartEntity(settings.nodeId(), settings.rolesKey(), version(),
                settings.publicUrl().toString(), Instant.now()));
        started = true;
        LOG.info(() -> "Photon node " + settings.nodeId() + " started: roles " + settings.rolesKey()
                + ", clients connect to " + settings.publicUrl());
    }

    @PreDestroy
    void stop() {
        started = false;
        if (heartbeat != null) {
            heartbeat.cancel();
        }
        if (nodeFiber != null) {
            nodeFiber.dispose();
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
        return applications.get(endpoint);
    }

    /** Current status; queries the database, so callers should not call it per message. */
    @TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
    public NodeStatus status() {
        boolean db = databaseReachable();
        NodeSettings s = settings;
        return new NodeStatus(started && db, s.rolesKey(), version(), s.nodeId(), s.publicUrl().toString(),
                (System.nanoTime() - startedNanos) / 1_000_000, db, heartbeats.get());
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
