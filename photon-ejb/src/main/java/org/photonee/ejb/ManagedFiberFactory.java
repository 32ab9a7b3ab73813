package org.photonee.ejb;

import jakarta.enterprise.concurrent.ManagedExecutorService;
import jakarta.enterprise.concurrent.ManagedScheduledExecutorService;
import org.photonee.core.fiber.Fiber;
import org.photonee.core.fiber.FiberFactory;
import org.photonee.core.fiber.PoolFiber;

/**
 * Fibers on the container's managed executors: actions run on container-managed threads (with the application's
 * naming and class loader context), and the server's thread pool settings in the admin console size them.
 */
public final class ManagedFiberFactory implements FiberFactory {
    private final ManagedExecutorService executor;
    private final ManagedScheduledExecutorService scheduler;

    public ManagedFiberFactory(ManagedExecutorService executor, ManagedScheduledExecutorService scheduler) {
        this.executor = executor;
        this.scheduler = scheduler;
    }

    @Override
    public Fiber newFiber(String name) {
        return new PoolFiber(name, executor, scheduler);
    }
}
