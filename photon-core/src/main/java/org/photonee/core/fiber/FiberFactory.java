package org.photonee.core.fiber;

/** Creates fibers; the container supplies one backed by its managed executors, tests a manual one. */
@FunctionalInterface
public interface FiberFactory {
    Fiber newFiber(String name);
}
