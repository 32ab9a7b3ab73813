package org.photonee.core.room;

import java.lang.System.Logger.Level;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.LongSupplier;
import java.util.function.Supplier;

/**
 * Takes room saves and deletes off the fibers: {@link #save} and {@link #delete} only record the newest change per
 * room and return; one writer thread of its own applies the changes to the underlying (slow, blocking) store in the
 * order rooms first changed. Reads see recorded changes first, so a room unloaded a moment ago is restored from
 * what it saved even before that reached the database.
 *
 * <p>While the underlying store fails (database outage) the changes stay recorded and the writer retries with a
 * growing pause; when it answers again everything recorded is written, newest state per room. At most
 * {@code maxPendingRooms} rooms may have unwritten saves: a save of another room beyond that is dropped and counted
 * (logged at most once a minute), because holding every change of a long outage would exhaust the heap. Deletes are
 * never dropped: they hold no state, and a dropped delete would bring an ended room back.
 *
 * <p>What a save promises: the state is written within one write after it was recorded, as long as the store
 * answers; it is lost if the process dies first, or if it was dropped over the bound.
 */
public final class WriteBehindRoomStateStore implements RoomStateStore, AutoCloseable {
    private static final System.Logger LOG = System.getLogger("org.photonee.persistence");
    static final long FIRST_RETRY_PAUSE_MILLIS = 250;
    static final long MAX_RETRY_PAUSE_MILLIS = 5_000;
    /** Repeated outage and drop warnings are logged at most this often. */
    static final long WARNING_INTERVAL_MILLIS = 60_000;
    /**
     * How long an asynchronous read may take before it counts as failed and the database as away: a healthy
     * database on the same network answers in milliseconds, and the client waiting for its CreateGame or JoinGame
     * gives up after about 10 s.
     */
    static final long READ_TIMEOUT_MILLIS = 2_000;

    private final RoomStateStore target;
    private final int maxPendingRooms;
    private final LongSupplier clock;
    private final Thread writer;
    /** Runs the asynchronous reads, so no fiber waits for the database. */
    private final ExecutorService reader;
    /** Guarded by {@code this}: newest unwritten change per room, in the order rooms first changed. */
    private final LinkedHashMap<Key, Change> pending = new LinkedHashMap<>();
    private long nextVersion;
    private boolean closed;
    private final AtomicLong written = new AtomicLong();
    private final AtomicLong dropped = new AtomicLong();
    private final AtomicLong failures = new AtomicLong();
    /**
     * Set by any failed write or read, cleared by the next success. While set, reads that would need the database
     * answer at once instead of making a fiber wait for a connection that is not coming; the writer probes it.
     */
    private volatile boolean databaseAway;
    private long outageSince = -1;
    private long lastOutageWarning = Long.MIN_VALUE / 2;
    private long lastDropWarning = Long.MIN_VALUE / 2;

    private record Key(String appId, String gameId) {
    }

    /** A recorded change: a state to save, or null to delete. */
    private record Change(RoomState state, long version) {
    }

    /**
     * @param target          the store written to, from the writer thread only (for saves and deletes)
     * @param maxPendingRooms how many rooms may have unwritten saves at once
     * @param threads         makes the writer thread (in a container: its managed thread factory)
     * @param clock           milliseconds, for log throttling and outage length
     */
    public WriteBehindRoomStateStore(RoomStateStore target, int maxPendingRooms, ThreadFactory threads,
                                     LongSupplier clock) {
        if (maxPendingRooms < 1) {
            throw new IllegalArgumentException("maxPendingRooms must be at least 1, got " + maxPendingRooms);
        }
        this.target = Objects.requireNonNull(target, "target");
        this.maxPendingRooms = maxPendingRooms;
        this.clock = clock;
        this.writer = threads.newThread(this::writeLoop);
        writer.setName("photon-room-writer");
        writer.setDaemon(true);
        writer.start();
        this.reader = Executors.newSingleThreadExecutor(task -> {
            Thread t = threads.newThread(task);
            t.setName("photon-room-reader");
            t.setDaemon(true);
            return t;
        });
    }

    @Override
    public void save(RoomState state) {
        Key key = new Key(state.appId(), state.gameId());
        synchronized (this) {
            if (!pending.containsKey(key) && pendingSaves() >= maxPendingRooms) {
                long n = dropped.incrementAndGet();
                long now = clock.getAsLong();
                if (now - lastDropWarning >= WARNING_INTERVAL_MILLIS) {
                    lastDropWarning = now;
                    LOG.log(Level.ERROR, "room saves over the bound of {0} unwritten rooms: dropped the save of "
                            + "room ''{1}'' ({2} dropped so far); the database is not keeping up or is away",
                            maxPendingRooms, state.gameId(), n);
                }
                return;
            }
            record(key, state);
        }
    }

    @Override
    public void delete(String appId, String gameId) {
        synchronized (this) {
            record(new Key(appId, gameId), null);
        }
    }

    private void record(Key key, RoomState state) {
        // put() on a present key keeps its place: a busy room cannot starve the others.
        pending.put(key, new Change(state, nextVersion++));
        notifyAll();
    }

    private int pendingSaves() {
        int n = 0;
        for (Change c : pending.values()) {
            if (c.state() != null) {
                n++;
            }
        }
        return n;
    }

    @Override
    public Optional<RoomState> load(String appId, String gameId) {
        Change change;
        synchronized (this) {
            change = pending.get(new Key(appId, gameId));
        }
        if (change != null) {
            return Optional.ofNullable(change.state());
        }
        if (databaseAway) {
            throw new IllegalStateException("the database is unavailable: room '" + gameId + "' cannot be loaded now");
        }
        try {
            return target.load(appId, gameId);
        } catch (RuntimeException e) {
            markAway();
            throw e;
        }
    }

    @Override
    public boolean exists(String appId, String gameId) {
        Change change;
        synchronized (this) {
            change = pending.get(new Key(appId, gameId));
        }
        if (change != null) {
            return change.state() != null;
        }
        // CreateGame asks this for every new room; refusing them all would stop a game server for the length of an
        // outage. The price: a new room may take the name of a saved one, whose row it then replaces.
        if (databaseAway) {
            return false;
        }
        try {
            return target.exists(appId, gameId);
        } catch (RuntimeException e) {
            markAway();
            warnOutage("cannot check whether room '" + gameId + "' is saved; taking the name as free", e);
            return false;
        }
    }

    /**
     * Answers from the recorded changes, or at once while the database is away (the name counts as free, as in
     * {@link #exists}); otherwise asks the database on the reader thread, and counts it as away when it fails or
     * takes longer than {@link #READ_TIMEOUT_MILLIS}.
     */
    @Override
    public CompletionStage<Boolean> existsAsync(String appId, String gameId) {
        Change change = pendingChange(appId, gameId);
        if (change != null) {
            return CompletableFuture.completedFuture(change.state() != null);
        }
        if (databaseAway) {
            return CompletableFuture.completedFuture(false);
        }
        return read(() -> target.exists(appId, gameId)).handle((exists, error) -> {
            if (error == null) {
                return exists;
            }
            warnOutage("cannot check whether room '" + gameId + "' is saved; taking the name as free", error);
            return false;
        });
    }

    /**
     * Answers from the recorded changes; fails at once while the database is away; otherwise reads on the reader
     * thread, failing (and counting the database as away) when that fails or takes longer than
     * {@link #READ_TIMEOUT_MILLIS}.
     */
    @Override
    public CompletionStage<Optional<RoomState>> loadAsync(String appId, String gameId) {
        Change change = pendingChange(appId, gameId);
        if (change != null) {
            return CompletableFuture.completedFuture(Optional.ofNullable(change.state()));
        }
        if (databaseAway) {
            return CompletableFuture.failedFuture(new IllegalStateException(
                    "the database is unavailable: room '" + gameId + "' cannot be loaded now"));
        }
        return read(() -> target.load(appId, gameId));
    }

    private synchronized Change pendingChange(String appId, String gameId) {
        return pending.get(new Key(appId, gameId));
    }

    private <T> CompletableFuture<T> read(Supplier<T> query) {
        CompletableFuture<T> answer;
        try {
            answer = CompletableFuture.supplyAsync(query, reader);
        } catch (RejectedExecutionException e) {
            return CompletableFuture.failedFuture(new IllegalStateException("the room store is closed", e));
        }
        return answer.orTimeout(READ_TIMEOUT_MILLIS, TimeUnit.MILLISECONDS).whenComplete((value, error) -> {
            if (error != null) {
                markAway();
            }
        });
    }

    /** Whether the database failed last time it was asked (reads then answer without it). */
    public boolean isDatabaseAway() {
        return databaseAway;
    }

    private synchronized void markAway() {
        if (!databaseAway) {
            databaseAway = true;
            if (outageSince < 0) {
                outageSince = clock.getAsLong();
            }
            notifyAll(); // the writer starts probing
        }
    }

    /** Waits until every change recorded so far is written (or dropped). */
    @Override
    public boolean awaitWritten(long timeoutMillis) {
        long deadline = System.nanoTime() + timeoutMillis * 1_000_000;
        synchronized (this) {
            long upTo = nextVersion;
            while (hasChangesBefore(upTo)) {
                long left = (deadline - System.nanoTime()) / 1_000_000;
                if (left <= 0) {
                    return false;
                }
                try {
                    wait(left);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    return false;
                }
            }
            return true;
        }
    }

    private boolean hasChangesBefore(long version) {
        for (Change c : pending.values()) {
            if (c.version() < version) {
                return true;
            }
        }
        return false;
    }

    /** Rooms with unwritten changes. */
    public synchronized int pendingCount() {
        return pending.size();
    }

    /** Saves dropped over the bound since start. */
    public long droppedCount() {
        return dropped.get();
    }

    /** Changes written since start. */
    public long writtenCount() {
        return written.get();
    }

    /** Failed write attempts since start. */
    public long failureCount() {
        return failures.get();
    }

    /** Stops the writer; changes not written by then are logged as lost. Call {@link #awaitWritten} first. */
    @Override
    public void close() {
        synchronized (this) {
            closed = true;
            notifyAll();
        }
        writer.interrupt();
        reader.shutdownNow();
        try {
            writer.join(5_000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        int left = pendingCount();
        if (left > 0) {
            LOG.log(Level.ERROR, "room writer stopped with {0} rooms unwritten: their latest changes are lost", left);
        }
    }

    private void writeLoop() {
        long pause = FIRST_RETRY_PAUSE_MILLIS;
        while (true) {
            Map.Entry<Key, Change> next = null;
            synchronized (this) {
                while (pending.isEmpty() && !databaseAway && !closed) {
                    try {
                        wait();
                    } catch (InterruptedException e) {
                        if (closed) {
                            return;
                        }
                    }
                }
                if (closed) {
                    return;
                }
                if (!pending.isEmpty()) {
                    Map.Entry<Key, Change> first = pending.entrySet().iterator().next();
                    next = Map.entry(first.getKey(), first.getValue());
                }
            }
            // Nothing to write but the database failed a read: probe it, so reads go back to it once it is back.
            boolean ok = next == null ? probe() : write(next.getKey(), next.getValue());
            if (ok) {
                pause = FIRST_RETRY_PAUSE_MILLIS;
                if (next != null) {
                    written(next.getKey(), next.getValue());
                }
            } else {
                if (!sleep(pause)) {
                    return;
                }
                pause = Math.min(pause * 2, MAX_RETRY_PAUSE_MILLIS);
            }
        }
    }

    private synchronized void written(Key key, Change change) {
        // Only if no newer change came in meanwhile: that one is written later, behind rooms that waited longer.
        if (!pending.remove(key, change)) {
            Change newer = pending.remove(key);
            if (newer != null) {
                pending.put(key, newer);
            }
        }
        notifyAll();
    }

    private boolean probe() {
        try {
            target.exists("", "");
            recovered();
            return true;
        } catch (RuntimeException e) {
            failures.incrementAndGet();
            return false;
        }
    }

    private boolean write(Key key, Change change) {
        try {
            if (change.state() != null) {
                target.save(change.state());
            } else {
                target.delete(key.appId(), key.gameId());
            }
            written.incrementAndGet();
            recovered();
            return true;
        } catch (RuntimeException e) {
            failures.incrementAndGet();
            markAway();
            outage(key, e);
            return false;
        }
    }

    private synchronized void outage(Key key, RuntimeException e) {
        if (outageSince < 0) {
            outageSince = clock.getAsLong();
        }
        warnOutage("room state of '" + key.gameId() + "' cannot be written (" + pending.size()
                + " rooms waiting, rooms keep running from memory); retrying", e);
    }

    private synchronized void warnOutage(String message, Throwable e) {
        long now = clock.getAsLong();
        if (now - lastOutageWarning >= WARNING_INTERVAL_MILLIS) {
            lastOutageWarning = now;
            LOG.log(Level.WARNING, message, e);
        }
    }

    private synchronized void recovered() {
        databaseAway = false;
        if (outageSince >= 0) {
            LOG.log(Level.INFO, "the database answers again after {0} ms; {1} rooms to write",
                    clock.getAsLong() - outageSince, pending.size());
            outageSince = -1;
            lastOutageWarning = Long.MIN_VALUE / 2;
        }
    }

    /** Pauses before a retry; new changes do not cut it short (that would hammer a database that is away). */
    private boolean sleep(long millis) {
        long deadline = System.nanoTime() + millis * 1_000_000;
        synchronized (this) {
            long left;
            while (!closed && (left = (deadline - System.nanoTime()) / 1_000_000) > 0) {
                try {
                    wait(left);
                } catch (InterruptedException e) {
                    // close() interrupts; the loop condition sees it
                }
            }
            return !closed;
        }
    }
}
