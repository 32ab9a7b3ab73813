package org.photonee.ejb.persistence;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.photonee.core.master.GameApplication;
import org.photonee.core.master.GameServerContext;
import org.photonee.core.master.GameState;
import org.photonee.core.master.MasterObserver;
import org.photonee.core.master.MasterServer;
import org.photonee.core.s2s.GameStateReport;

/**
 * Writes the master's registry and game list behind its in-memory view. The callbacks run on the master fiber and
 * only drop an immutable snapshot into a "latest change per row" map; a scheduled task takes the map's contents
 * once a period and writes them through {@link MasterTables} in one transaction. So the master fiber never waits for
 * the database, a game updated ten times in a second costs one row write, and a database outage costs nothing but
 * staleness: failed changes go back into the map (unless a newer change arrived) and are retried.
 *
 * <p>Game server load is not announced through the observer, so the flush task also asks the master fiber for a
 * snapshot of every registered server (one enqueue, no waiting): the server rows then show the current load level,
 * state and connection, at most two periods old. A server whose snapshot has not changed is rewritten only every
 * {@link #SERVER_HEARTBEAT_MILLIS} ({@link ServerRowRefresh}), so a connected server's {@code lastReportAt} is at
 * most that plus two periods old, and a quiet cluster writes nothing.
 */
public final class JpaMasterObserver implements MasterObserver {
    private static final Logger LOG = Logger.getLogger(JpaMasterObserver.class.getName());
    /** Repeated "database unavailable" warnings are logged at most this often. */
    private static final long OUTAGE_LOG_INTERVAL_MILLIS = 60_000;
    /** How often an unchanged game server row is rewritten, to keep its {@code lastReportAt} current. */
    static final long SERVER_HEARTBEAT_MILLIS = 10_000;

    private final MasterTables tables;
    private final String masterNode;
    private final Map<Object, MasterChange> pending = new ConcurrentHashMap<>();
    private final ServerRowRefresh serverRows = new ServerRowRefresh(SERVER_HEARTBEAT_MILLIS);
    private volatile Supplier<MasterServer> master = () -> null;
    private volatile ScheduledFuture<?> flushTask;
    private long lastOutageLog;

    /**
     * @param tables     the transactional writer
     * @param masterNode this master's node id, stored with every row it writes
     */
    public JpaMasterObserver(MasterTables tables, String masterNode) {
        this.tables = tables;
        this.masterNode = masterNode;
    }

    /**
     * Clears the rows this master wrote before a restart and starts flushing every {@code periodMillis}. Call once
     * the master runs (before its game servers can register).
     *
     * @param master supplies the running master (for server snapshots), or null when it is not (yet) running
     */
    public void start(ScheduledExecutorService scheduler, Supplier<MasterServer> master, long periodMillis) {
        this.master = master;
        try {
            int cleared = tables.clearMaster(masterNode);
            if (cleared > 0) {
                LOG.info(() -> "Cleared " + cleared + " game and server rows of the previous run of master "
                        + masterNode + "; its game servers report again");
            }
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "Could not clear the previous run's game and server rows", e);
        }
        flushTask = scheduler.scheduleWithFixedDelay(this::flushSafely, periodMillis, periodMillis,
                TimeUnit.MILLISECONDS);
    }

    /** Stops the periodic flush and writes what is pending, best effort (the container may be going down). */
    public void stop() {
        ScheduledFuture<?> task = flushTask;
        if (task != null) {
            task.cancel(false);
        }
        flushSafely();
    }

    // ---- MasterObserver, on the master fiber: snapshot and return ----

    @Override
    public void gameServerRegistered(GameServerContext server) {
        offer(snapshot(server, System.currentTimeMillis()));
    }

    @Override
    public void gameServerRemoved(String serverId) {
        offer(new MasterChange.ServerRemoved(serverId));
    }

    @Override
    public void gameUpdated(GameApplication application, GameState game) {
        GameStateReport r = game.report();
        offer(new MasterChange.GameSnapshot(application.appId(), application.appVersion(), game.gameId(),
                game.lobby().key().name(), game.lobby().key().type(), game.server().serverId(), r != null,
                game.lobbyProperties(), r == null ? 0 : r.activeCount(), r == null ? 0 : r.inactiveCount(),
                game.maxPlayers(), game.isOpen(), r == null || r.isVisible(), System.currentTimeMillis()));
    }

    @Override
    public void gameRemoved(GameApplication application, String gameId) {
        offer(new MasterChange.GameRemoved(application.appId(), application.appVersion(), gameId));
    }

    private void offer(MasterChange change) {
        pending.put(change.key(), change);
    }

    private static MasterChange.ServerSnapshot snapshot(GameServerContext s, long now) {
        return new MasterChange.ServerSnapshot(s.serverId(), s.registration().publicAddresses(), s.state().name(),
                s.isConnected(), s.loadLevel(), s.peerCount(), s.gameCount(), now);
    }

    // ---- flushing, on the scheduler ----

    /** Changes not yet written; for tests and monitoring. */
    public int pendingCount() {
        return pending.size();
    }

    private void flushSafely() {
        try {
            requestServerSnapshots();
            flush();
        } catch (RuntimeException e) {
            // A scheduled task that throws is never run again: log and keep going.
            LOG.log(Level.WARNING, "Writing the master's tables failed", e);
        }
    }

    /** Asks the master fiber for the servers' current state; the snapshots arrive for the next flush. */
    private void requestServerSnapshots() {
        MasterServer m = master.get();
        if (m == null) {
            return;
        }
        m.fiber().enqueue(() -> {
            long now = System.currentTimeMillis();
            for (GameServerContext server : m.registry().all()) {
                MasterChange.ServerSnapshot snapshot = snapshot(server, now);
                if (serverRows.needsWrite(snapshot)) {
                    // putIfAbsent: a registration or removal queued meanwhile is as new and must not be replaced.
                    pending.putIfAbsent(snapshot.key(), snapshot);
                }
            }
        });
    }

    private void recordWritten(MasterChange change) {
        if (change instanceof MasterChange.ServerSnapshot s) {
            serverRows.written(s);
        } else if (change instanceof MasterChange.ServerRemoved r) {
            serverRows.removed(r.serverId());
        }
    }

    /** Writes everything pending now: one transaction; on failure, change by change to isolate a bad one. */
    void flush() {
        List<MasterChange> batch = new ArrayList<>(pending.size());
        for (Object key : pending.keySet()) {
            MasterChange change = pending.remove(key);
            if (change != null) {
                batch.add(change);
            }
        }
        if (batch.isEmpty()) {
            return;
        }
        try {
            tables.write(batch, masterNode);
            batch.forEach(this::recordWritten);
            return;
        } catch (RuntimeException e) {
            LOG.log(Level.FINE, "batch of " + batch.size() + " master changes failed; writing one by one", e);
        }
        List<MasterChange> failed = new ArrayList<>();
        RuntimeException lastError = null;
        for (MasterChange change : batch) {
            try {
                tables.write(List.of(change), masterNode);
                recordWritten(change);
            } catch (RuntimeException e) {
                failed.add(change);
                lastError = e;
            }
        }
        if (failed.isEmpty()) {
            return;
        }
        if (failed.size() == batch.size()) {
            // Nothing went in: the database is away. Keep the changes (newer ones win) and try again next time.
            failed.forEach(c -> pending.putIfAbsent(c.key(), c));
            long now = System.currentTimeMillis();
            if (now - lastOutageLog >= OUTAGE_LOG_INTERVAL_MILLIS) {
                lastOutageLog = now;
                LOG.log(Level.WARNING, "Master tables cannot be written (" + failed.size()
                        + " changes kept for the next attempt)", lastError);
            }
        } else {
            // Others went in, so these rows themselves are refused (e.g. a value too long for its column).
            for (MasterChange c : failed) {
                LOG.log(Level.WARNING, "Master table row for " + c.key() + " refused by the database; skipped",
                        lastError);
            }
        }
    }
}
