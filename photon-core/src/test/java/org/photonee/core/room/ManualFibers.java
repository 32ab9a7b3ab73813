package org.photonee.core.room;

import java.util.ArrayList;
import java.util.List;
import org.photonee.core.fiber.Fiber;
import org.photonee.core.fiber.FiberFactory;
import org.photonee.core.fiber.ManualFiber;

/** A fiber factory for tests: every fiber is manual, and all of them are driven together with one virtual clock. */
public final class ManualFibers implements FiberFactory {
    private final List<ManualFiber> fibers = new ArrayList<>();
    /** The home each fiber was asked for ({@link FiberFactory#newFiber(String, java.util.concurrent.Executor)}). */
    private final java.util.Map<String, java.util.concurrent.Executor> homes = new java.util.HashMap<>();

    @Override
    public Fiber newFiber(String name) {
        ManualFiber f = new ManualFiber();
        fibers.add(f);
        return f;
    }

    /** Manual fibers ignore the home; the request is recorded so tests can see where a fiber would run. */
    @Override
    public Fiber newFiber(String name, java.util.concurrent.Executor home) {
        homes.put(name, home);
        return newFiber(name);
    }

    /** The home asked for with a fiber of this name, or null (none, or not asked through the two-argument form). */
    public java.util.concurrent.Executor homeOf(String name) {
        return homes.get(name);
    }

    /** Runs queued actions on every fiber until all are idle. */
    public void runAll() {
        boolean ran = true;
        while (ran) {
            ran = false;
            for (ManualFiber f : List.copyOf(fibers)) {
                ran |= f.runPending() > 0;
            }
        }
    }

    /** Moves every fiber's clock forward in small steps, so timers on different fibers interleave in time order. */
    public void advance(long millis) {
        long step = Math.max(1, Math.min(millis, 10));
        for (long done = 0; done < millis; done += step) {
            for (ManualFiber f : List.copyOf(fibers)) {
                f.advance(Math.min(step, millis - done));
            }
            runAll();
        }
    }

    public int count() {
        return fibers.size();
    }

    public long disposed() {
        return fibers.stream().filter(ManualFiber::isDisposed).count();
    }
}
