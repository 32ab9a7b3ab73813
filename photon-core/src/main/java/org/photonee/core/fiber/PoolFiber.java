package org.photonee.core.fiber;

import java.lang.System.Logger.Level;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A fiber that borrows threads from an executor: a drain task is submitted when the queue goes from empty to
 * non-empty and runs queued actions in order until the queue is empty. In the container the executor is a
 * pool and a scheduler on threads of a {@code ManagedThreadFactory} (not a {@code ManagedExecutorService}, whose
 * per-task context capture costs more than the actions themselves); in plain Java any executor works.
 */
public final class PoolFiber implements Fiber {
    private static final System.Logger LOG = System.getLogger(PoolFiber.class.getName());
    /** Actions run per drain before the fiber yields its thread, so one busy fiber cannot starve the others. */
    private static final int MAX_ACTIONS_PER_DRAIN = 256;

    private final String name;
    /** Where drains run: the home executor, until it rejects work and the fiber moves to the fallback for good. */
    private volatile java.util.concurrent.Executor executor;
    /** Null: a rejection disposes the fiber. */
    private final java.util.concurrent.Executor fallback;
    private final ScheduledExecutorService scheduler;
    private final Queue<Runnable> queue = new ConcurrentLinkedQueue<>();
    /** Queued-but-not-run count; the transition 0 -> 1 submits a drain. */
    private final AtomicInteger pending = new AtomicInteger();
    private volatile boolean disposed;

    public PoolFiber(String name, java.util.concurrent.Executor executor, ScheduledExecutorService scheduler) {
        this(name, executor, null, scheduler);
    }

    /**
     * A fiber homed on {@code home} (a connection's event loop) that moves to {@code fallback} (the pool) once the
     * home rejects work, so a room whose creator's listener stopped still runs its last actions, such as saving a
     * persistent room at shutdown.
     */
    public PoolFiber(String name, java.util.concurrent.Executor home, java.util.concurrent.Executor fallback,
                     ScheduledExecutorService scheduler) {
        this.name = name;
        this.executor = home;
        this.fallback = fallback;
        this.scheduler = scheduler;
    }

    public String name() {
        return name;
    }

    @Override
    public void enqueue(Runnable action) {
        if (disposed) {
            return;
        }
        queue.add(action);
        if (pending.getAndIncrement() == 0) {
            submitDrain();
        }
    }

    private void submitDrain() {
        try {
            executor.execute(this::drain);
        } catch (RejectedExecutionException rejectedByHome) {
            if (fallback != null && executor != fallback) {
                LOG.log(Level.DEBUG, "fiber {0}: its home executor stopped, moving to the pool", name);
                executor = fallback;
                submitDrain();
                return;
            }
            // The executor is shutting down (application undeploy): nothing will run any more.
            LOG.log(Level.DEBUG, "fiber {0}: executor rejected work, disposing", name);
            dispose();
        }
    }

    /** One drain is one batch: connections the actions sent to are flushed once, when it ends. */
    private void drain() {
        EndOfBatch.run(this::drainBatch);
    }

    private void drainBatch() {
        int ran = 0;
        while (ran < MAX_ACTIONS_PER_DRAIN) {
            Runnable action = queue.poll();
            if (action == null) {
                return;
            }
            if (!disposed) {
                runSafely(action);
            }
            ran++;
            if (pending.decrementAndGet() == 0) {
                return;
            }
        }
        submitDrain();
    }

    private void runSafely(Runnable action) {
        try {
            action.run();
        } catch (Throwable t) {
            LOG.log(Level.ERROR, "fiber " + name + ": action failed", t);
        }
    }

    @Override
    public Cancellable schedule(Runnable action, long delayMillis) {
        if (disposed) {
            return Cancellable.NONE;
        }
        ScheduledFuture<?> f = scheduler.schedule(() -> enqueue(action), Math.max(0, delayMillis),
                TimeUnit.MILLISECONDS);
        return () -> f.cancel(false);
    }

    @Override
    public Cancellable scheduleOnInterval(Runnable action, long firstDelayMillis, long periodMillis) {
        if (periodMillis <= 0) {
            throw new IllegalArgumentException("period must be positive: " + periodMillis);
        }
        if (disposed) {
            return Cancellable.NONE;
        }
        ScheduledFuture<?> f = scheduler.scheduleAtFixedRate(() -> enqueue(action), Math.max(0, firstDelayMillis),
                periodMillis, TimeUnit.MILLISECONDS);
        return () -> f.cancel(false);
    }

    /**
     * Stops the fiber. Scheduled timers still fire into the scheduler but find the fiber disposed and do nothing;
     * callers holding a handle cancel it to free the scheduler slot early.
     */
    @Override
    public void dispose() {
        disposed = true;
        queue.clear();
    }

    @Override
    public boolean isDisposed() {
        return disposed;
    }

    @Override
    public long nowMillis() {
        return System.nanoTime() / 1_000_000L;
    }

    @Override
    public String toString() {
        return "PoolFiber[" + name + "]";
    }
}
