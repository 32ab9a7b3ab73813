package org.photonee.core.peer;

import java.lang.System.Logger.Level;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.photonee.core.fiber.Cancellable;
import org.photonee.core.fiber.Fiber;

/**
 * One server application (name server, master, game server, or the S2S side of one): decides which connections
 * become peers, keeps track of them, and owns their lifecycle from {@link #start()} to {@link #stop()}.
 */
public abstract class ApplicationBase {
    private static final System.Logger LOG = System.getLogger("org.photonee.application");
    private static final long INACTIVITY_SWEEP_MILLIS = 1_000;

    private final String name;
    private final PeerEnvironment environment;
    private final Set<PeerBase> peers = ConcurrentHashMap.newKeySet();
    private Fiber applicationFiber;
    private Cancellable inactivitySweep = Cancellable.NONE;
    private volatile boolean running;

    protected ApplicationBase(String name, PeerEnvironment environment) {
        this.name = name;
        this.environment = environment;
    }

    /** Creates the peer for a new connection, or returns null to refuse it. */
    protected abstract PeerBase createPeer(InitRequest initRequest);

    /** Called once when the application starts. */
    protected void setup() {
    }

    /** Called once when the application stops, after all peers were disconnected. */
    protected void tearDown() {
    }

    public final synchronized void start() {
        if (running) {
            return;
        }
        applicationFiber = environment.fibers().newFiber(name + "-application");
        setup();
        inactivitySweep = applicationFiber.scheduleOnInterval(this::sweepInactivePeers, INACTIVITY_SWEEP_MILLIS,
                INACTIVITY_SWEEP_MILLIS);
        running = true;
        LOG.log(Level.INFO, "{0} started", name);
    }

    public final synchronized void stop() {
        if (!running) {
            return;
        }
        running = false;
        inactivitySweep.cancel();
        for (PeerBase peer : peers) {
            peer.abort(CloseCodes.GOING_AWAY, "Server shutting down", org.photonee.core.codes.DisconnectReason
                    .MANAGED_DISCONNECT);
        }
        try {
            tearDown();
        } finally {
            applicationFiber.dispose();
            LOG.log(Level.INFO, "{0} stopped", name);
        }
    }

    /**
     * Offers a new connection to the application. Returns the peer, or null when refused (the transport then
     * closes the connection).
     */
    public final PeerBase connect(InitRequest initRequest) {
        if (!running) {
            return null;
        }
        PeerBase peer = createPeer(initRequest);
        if (peer != null) {
            peers.add(peer);
            peer.setDisconnectListener(() -> peers.remove(peer));
            environment.stats().connected();
            SessionLog.connected(peer.connectionId(), name, initRequest.connection().remoteAddress(),
                    peer.protocol().subprotocol());
        }
        return peer;
    }

    private void sweepInactivePeers() {
        long now = System.nanoTime();
        for (PeerBase peer : peers) {
            peer.checkInactivity(now);
        }
    }

    public String name() {
        return name;
    }

    public PeerEnvironment environment() {
        return environment;
    }

    /** The application's own fiber, for timers that belong to no peer. */
    public Fiber applicationFiber() {
        return applicationFiber;
    }

    public int peerCount() {
        return peers.size();
    }

    /** Peers that came in through one transport (a walk over the peers: for metrics, not for hot paths). */
    public int peerCount(Transport transport) {
        int n = 0;
        for (PeerBase peer : peers) {
            if (peer.transport() == transport) {
                n++;
            }
        }
        return n;
    }

    public boolean isRunning() {
        return running;
    }
}
