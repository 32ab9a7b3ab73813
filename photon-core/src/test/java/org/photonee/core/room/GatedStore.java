package org.photonee.core.room;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Semaphore;

/**
 * A store that stands for a database: it can be made to hang (each write waits for a permit) or to fail, and it
 * records every write it accepted. Thread-safe.
 */
final class GatedStore implements RoomStateStore {
    final InMemoryRoomStateStore rows = new InMemoryRoomStateStore();
    final List<String> writes = new ArrayList<>();
    private final Semaphore permits = new Semaphore(Integer.MAX_VALUE);
    volatile boolean failing;
    volatile int loads;
    /** While closed, reads hang as on a database that stopped answering without closing the connection. */
    private volatile java.util.concurrent.CountDownLatch readGate = new java.util.concurrent.CountDownLatch(0);

    /** Writes wait from now on until {@link #open} hands out permits. */
    void hold() {
        permits.drainPermits();
    }

    void holdReads() {
        readGate = new java.util.concurrent.CountDownLatch(1);
    }

    void openReads() {
        readGate.countDown();
    }

    private void passRead() {
        try {
            readGate.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }

    void open() {
        permits.release(Integer.MAX_VALUE - permits.availablePermits());
    }

    @Override
    public void save(RoomState state) {
        pass();
        rows.save(state);
        synchronized (this) {
            writes.add("save " + state.gameId() + " " + state.options().customProperties());
        }
    }

    @Override
    public void delete(String appId, String gameId) {
        pass();
        rows.delete(appId, gameId);
        synchronized (this) {
            writes.add("delete " + gameId);
        }
    }

    @Override
    public java.util.Optional<RoomState> load(String appId, String gameId) {
        loads++;
        passRead();
        if (failing) {
            throw new IllegalStateException("database unavailable");
        }
        return rows.load(appId, gameId);
    }

    @Override
    public boolean exists(String appId, String gameId) {
        passRead();
        if (failing) {
            throw new IllegalStateException("database unavailable");
        }
        return rows.exists(appId, gameId);
    }

    synchronized List<String> writes() {
        return List.copyOf(writes);
    }

    private void pass() {
        permits.acquireUninterruptibly();
        permits.release();
        if (failing) {
            throw new IllegalStateException("database unavailable");
        }
    }
}
