package org.photonee.core.master;

import java.util.concurrent.atomic.AtomicInteger;

/**
 * Per-peer anti-spam for matchmaking ({@code MaxConcurrentJoinRequests}, {@code MaxTotalJoinRequests}). A request
 * is admitted on the peer's fiber and finished on the master fiber, hence the atomics. "Total" counts the game
 * server addresses handed out on this connection: a client leaves the master once it has one, so a peer asking
 * for many is looping or abusing; refused attempts (NoMatchFound, GameFull...) do not count.
 */
final class JoinThrottle {
    private final int maxConcurrent;
    private final int maxTotal;
    private final AtomicInteger inFlight = new AtomicInteger();
    private final AtomicInteger granted = new AtomicInteger();

    JoinThrottle(int maxConcurrent, int maxTotal) {
        this.maxConcurrent = maxConcurrent;
        this.maxTotal = maxTotal;
    }

    /** Null when admitted (call {@link #finish} later), else why not. */
    String tryBegin() {
        if (maxTotal > 0 && granted.get() >= maxTotal) {
            return "Too many join requests: at most " + maxTotal + " games per connection";
        }
        if (maxConcurrent > 0 && inFlight.incrementAndGet() > maxConcurrent) {
            inFlight.decrementAndGet();
            return "Too many join requests in progress: at most " + maxConcurrent;
        }
        if (maxConcurrent <= 0) {
            inFlight.incrementAndGet();
        }
        return null;
    }

    void finish(boolean addressHandedOut) {
        inFlight.decrementAndGet();
        if (addressHandedOut) {
            granted.incrementAndGet();
        }
    }
}
