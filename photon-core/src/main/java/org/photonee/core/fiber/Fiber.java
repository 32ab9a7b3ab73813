package org.photonee.core.fiber;

import java.util.concurrent.Executor;

/**
 * A serial execution context. Actions enqueued on one fiber run one at a time, in order, never concurrently;
 * different fibers run in parallel. Timers fire on the fiber too, so state owned by a fiber (a peer, a room) needs
 * no locks. An action that throws is logged and the fiber carries on.
 */
public interface Fiber extends Executor {
    /** Runs the action on this fiber after everything enqueued before it. Ignored once disposed. */
    void enqueue(Runnable action);

    /** Runs the action on this fiber once, after the delay. */
    Cancellable schedule(Runnable action, long delayMillis);

    /** Runs the action on this fiber after the first delay, then every period, until cancelled or disposed. */
    Cancellable scheduleOnInterval(Runnable action, long firstDelayMillis, long periodMillis);

    /** Stops the fiber: cancels its timers and drops actions not yet started. */
    void dispose();

    boolean isDisposed();

    /** The fiber's notion of now, in milliseconds; timers and TTLs measure against it. */
    long nowMillis();

    @Override
    default void execute(Runnable command) {
        enqueue(command);
    }
}
