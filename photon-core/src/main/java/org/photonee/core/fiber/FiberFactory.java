package org.photonee.core.fiber;

/** Creates fibers; the container supplies one backed by its managed executors, tests a manual one. */
@FunctionalInterface
public interface FiberFactory {
    Fiber newFiber(String name);

    /**
     * A fiber whose actions run on {@code home} (a connection's I/O thread, see
     * {@code Connection.ioExecutor()}) while it accepts work, and on this factory's own threads after it stops
     * accepting (the listener stopped); a null home is {@link #newFiber(String)}. Factories without threads of their
     * own (tests) may ignore the home.
     */
    default Fiber newFiber(String name, java.util.concurrent.Executor home) {
        return newFiber(name);
    }
}
