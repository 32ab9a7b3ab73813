package org.photonee.ejb;

import jakarta.enterprise.concurrent.ManagedThreadFactory;
import org.photonee.core.fiber.Fiber;
import org.photonee.core.fiber.FiberFactory;
import org.photonee.core.fiber.PoolFiber;

import java.util.concurrent.ExecutorService;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;

/**
 * Fibers on container-managed threads: a fixed pool and a one-thread scheduler whose threads come from the
 * container's {@link ManagedThreadFactory}, so actions run with the application's naming and class loader context.
 *
 * <p>Why not the {@code ManagedExecutorService} itself: it captures and restores the submitter's context for every
 * task, and Payara does that through a {@code ServiceLoader} scan of the class path; a fiber submits a task per
 * drain, i.e. about per message, and the benchmark profile showed 60 % of the server's CPU in that capture
 * (BENCHMARKS.md). A managed thread factory captures the context once, when it creates a thread.
 */
public final class ManagedFiberFactory implements FiberFactory {
    private final ExecutorService executor;
    private final ScheduledExecutorService scheduler;

    public ManagedFiberFactory(ManagedThreadFactory threads, int poolSize) {
        if (poolSize <= 0) {
            throw new IllegalArgumentException("pool size must be positive: " + poolSize);
        }
        this.executor = new ThreadPoolExecutor(poolSize, poolSize, 60, TimeUnit.SECONDS, new LinkedBlockingQueue<>(),
                threads);
        ScheduledThreadPoolExecutor timer = new ScheduledThreadPoolExecutor(1, threads);
        timer.setRemoveOnCancelPolicy(true); // peer timeouts are mostly cancelled: do not keep them queued
        this.scheduler = timer;
    }

    /** Default pool size: two threads per CPU, at least four (fiber actions are short and non-blocking). */
    public static int defaultPoolSize() {
        return Math.max(4, 2 * Runtime.getRuntime().availableProcessors());
    }

    @Override
    public Fiber newFiber(String name) {
        return new PoolFiber(name, executor, scheduler);
    }

    /** On the home (an event loop) while it takes work, then on the pool; timers stay on the scheduler. */
    @Override
    public Fiber newFiber(String name, java.util.concurrent.Executor home) {
        return home == null ? newFiber(name) : new PoolFiber(name, home, executor, scheduler);
    }

    /** Stops the threads; fibers still holding the executor reject further work and dispose themselves. */
    public void shutdown() {
        scheduler.shutdownNow();
        executor.shutdown();
    }
}
