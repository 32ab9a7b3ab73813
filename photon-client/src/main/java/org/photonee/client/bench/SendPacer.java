package org.photonee.client.bench;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.LongAdder;
import java.util.concurrent.locks.LockSupport;
import java.util.function.IntConsumer;

/**
 * The drift-free send schedule of every user (BENCHMARK.md §5): slot {@code k} of user {@code i} is due at
 * {@code start + phase[i] + k·period}, computed from the start each time, so lateness never accumulates. A slot
 * reached a whole period or more after it was due is skipped, never made up in a burst. Sending stops at the first
 * slot due at or after {@code end}.
 *
 * <p>Two ways to run the same schedule: on a thread of its own ({@link #runOnThisThread}, parking until each slot),
 * or as timed tasks on an executor ({@link #runOn}). The load generator uses the second with the Netty event loop
 * that owns every connection: each send is then a direct write on the loop, with no thread woken to hand it over
 * (on one pinned core the pacer thread cost two context switches and an eventfd wake-up per message).
 */
final class SendPacer {
    private final long[] phases;
    private final IntConsumer send;
    private final long start;
    private final long period;
    private final long end;
    private final LongAdder skipped = new LongAdder();
    private final LatencyHistogram lateness = new LatencyHistogram();
    // Position in the schedule; touched by one thread at a time (the pacing thread, or the executor's task chain).
    private int next;
    private long slot;

    /**
     * @param phases each user's phase in nanoseconds, in [0, period), ascending (users sorted by phase)
     * @param send   sends for the user at that index of {@code phases}
     */
    SendPacer(long[] phases, IntConsumer send, long start, long period, long end) {
        for (int i = 1; i < phases.length; i++) {
            if (phases[i] < phases[i - 1]) {
                throw new IllegalArgumentException("phases must ascend");
            }
        }
        if (period <= 0) {
            throw new IllegalArgumentException("period must be positive");
        }
        this.phases = phases.clone();
        this.send = send;
        this.start = start;
        this.period = period;
        this.end = end;
    }

    /** Slots skipped because they were reached a whole period late. */
    long skippedSlots() {
        return skipped.sum();
    }

    /** How late each sent slot went out after it was due (nanoseconds). */
    LatencyHistogram lateness() {
        return lateness;
    }

    /** Runs the schedule on the calling thread; returns once the next slot is due at or after {@code end}. */
    void runOnThisThread() {
        if (phases.length == 0) {
            sleepUntil(end);
            return;
        }
        while (true) {
            long target = dueOfNext();
            if (target >= end) {
                sleepUntil(end);
                return;
            }
            sleepUntil(target);
            sendOrSkip(target, System.nanoTime());
            advance();
        }
    }

    /**
     * Runs the schedule as a chain of timed tasks on {@code executor}: each run sends every slot that is due, then
     * schedules itself for the next one. Completes when the next slot is due at or after {@code end} (not before
     * {@code end} itself, so the caller may take its closing readings right away).
     */
    CompletableFuture<Void> runOn(ScheduledExecutorService executor) {
        CompletableFuture<Void> done = new CompletableFuture<>();
        Runnable tick = new Runnable() {
            @Override
            public void run() {
                try {
                    long now = System.nanoTime();
                    while (true) {
                        long target = phases.length == 0 ? end : dueOfNext();
                        if (target >= end) {
                            if (now >= end) {
                                done.complete(null);
                            } else {
                                executor.schedule(this, end - now, TimeUnit.NANOSECONDS);
                            }
                            return;
                        }
                        if (target > now) {
                            executor.schedule(this, target - now, TimeUnit.NANOSECONDS);
                            return;
                        }
                        sendOrSkip(target, now);
                        advance();
                        now = System.nanoTime();
                    }
                } catch (RuntimeException | Error e) {
                    done.completeExceptionally(e);
                }
            }
        };
        long delay = Math.max(0, start - System.nanoTime());
        executor.schedule(tick, delay, TimeUnit.NANOSECONDS);
        return done;
    }

    private long dueOfNext() {
        return start + phases[next] + slot * period;
    }

    private void advance() {
        if (++next == phases.length) {
            next = 0;
            slot++;
        }
    }

    private void sendOrSkip(long target, long now) {
        long late = now - target;
        if (late >= period) {
            skipped.increment(); // late by a whole slot: skip it, never burst
            return;
        }
        lateness.record(late);
        send.accept(next);
    }

    private static void sleepUntil(long deadline) {
        long wait;
        while ((wait = deadline - System.nanoTime()) > 0) {
            LockSupport.parkNanos(wait);
        }
    }
}
