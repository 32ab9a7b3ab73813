package org.photonee.core.fiber;

import java.util.ArrayDeque;
import java.util.Comparator;
import java.util.PriorityQueue;
import java.util.Queue;

/**
 * A single-threaded fiber with a virtual clock, for tests: enqueued actions run when {@link #runPending()} or
 * {@link #advance(long)} is called, and timers fire when the virtual clock passes their due time. Room TTLs and
 * intervals become deterministic and instant to test. Not thread-safe: drive it from one thread.
 */
public final class ManualFiber implements Fiber {
    private final Queue<Runnable> queue = new ArrayDeque<>();
    private final PriorityQueue<Timer> timers = new PriorityQueue<>(
            Comparator.comparingLong((Timer t) -> t.due).thenComparingLong(t -> t.seq));
    private long now;
    private long seq;
    private boolean disposed;

    private final class Timer implements Cancellable {
        final Runnable action;
        final long period;
        final long seq = ManualFiber.this.seq++;
        long due;
        boolean cancelled;

        Timer(Runnable action, long due, long period) {
            this.action = action;
            this.due = due;
            this.period = period;
        }

        @Override
        public void cancel() {
            cancelled = true;
            timers.remove(this);
        }
    }

    public ManualFiber() {
        this(0);
    }

    public ManualFiber(long startMillis) {
        this.now = startMillis;
    }

    @Override
    public void enqueue(Runnable action) {
        if (!disposed) {
            queue.add(action);
        }
    }

    @Override
    public Cancellable schedule(Runnable action, long delayMillis) {
        return addTimer(action, delayMillis, 0);
    }

    @Override
    public Cancellable scheduleOnInterval(Runnable action, long firstDelayMillis, long periodMillis) {
        if (periodMillis <= 0) {
            throw new IllegalArgumentException("period must be positive: " + periodMillis);
        }
        return addTimer(action, firstDelayMillis, periodMillis);
    }

    private Cancellable addTimer(Runnable action, long delay, long period) {
        if (disposed) {
            return Cancellable.NONE;
        }
        Timer t = new Timer(action, now + Math.max(0, delay), period);
        timers.add(t);
        return t;
    }

    /** Runs every queued action, including ones enqueued while running. Returns how many ran. */
    public int runPending() {
        int ran = 0;
        Runnable r;
        while (!disposed && (r = queue.poll()) != null) {
            r.run();
            ran++;
        }
        return ran;
    }

    /** Moves the clock forward, firing due timers in time order and running queued actions as it goes. */
    public void advance(long millis) {
        long target = now + millis;
        runPending();
        while (!disposed && !timers.isEmpty() && timers.peek().due <= target) {
            Timer t = timers.poll();
            now = Math.max(now, t.due);
            if (t.period > 0) {
                t.due += t.period;
                timers.add(t);
            }
            t.action.run();
            runPending();
        }
        now = target;
    }

    /** Number of timers still scheduled. */
    public int scheduledCount() {
        return timers.size();
    }

    @Override
    public void dispose() {
        disposed = true;
        queue.clear();
        timers.clear();
    }

    @Override
    public boolean isDisposed() {
        return disposed;
    }

    @Override
    public long nowMillis() {
        return now;
    }
}
