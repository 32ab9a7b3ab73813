package org.photonee.core.testing;

import java.util.HashSet;
import java.util.Set;
import org.photonee.core.fiber.Cancellable;
import org.photonee.core.fiber.Fiber;
import org.photonee.core.fiber.FiberFactory;
import org.photonee.core.fiber.ManualFiber;

/**
 * Fibers that all run on one manual fiber (one virtual clock, one deterministic order) but can be disposed one by
 * one, as a disconnected peer disposes its own fiber without stopping the rest of the server.
 */
public final class ChildFibers implements FiberFactory {
    private final ManualFiber parent;

    public ChildFibers(ManualFiber parent) {
        this.parent = parent;
    }

    @Override
    public Fiber newFiber(String name) {
        return new Child();
    }

    private final class Child implements Fiber {
        private final Set<Cancellable> timers = new HashSet<>();
        private boolean disposed;

        @Override
        public void enqueue(Runnable action) {
            if (!disposed) {
                parent.enqueue(() -> {
                    if (!disposed) {
                        action.run();
                    }
                });
            }
        }

        @Override
        public Cancellable schedule(Runnable action, long delayMillis) {
            return track(parent.schedule(guard(action), delayMillis));
        }

        @Override
        public Cancellable scheduleOnInterval(Runnable action, long firstDelayMillis, long periodMillis) {
            return track(parent.scheduleOnInterval(guard(action), firstDelayMillis, periodMillis));
        }

        private Runnable guard(Runnable action) {
            return () -> {
                if (!disposed) {
                    action.run();
                }
            };
        }

        private Cancellable track(Cancellable c) {
            if (disposed) {
                c.cancel();
                return Cancellable.NONE;
            }
            timers.add(c);
            return () -> {
                timers.remove(c);
                c.cancel();
            };
        }

        @Override
        public void dispose() {
            disposed = true;
            timers.forEach(Cancellable::cancel);
            timers.clear();
        }

        @Override
        public boolean isDisposed() {
            return disposed;
        }

        @Override
        public long nowMillis() {
            return parent.nowMillis();
        }
    }
}
