package org.photonee.core.http;

import java.util.concurrent.atomic.AtomicLong;

/** What one queue has done since it was made; read from any thread (metrics, admin views). */
public final class HttpQueueCounters {
    private final AtomicLong requests = new AtomicLong();
    private final AtomicLong succeeded = new AtomicLong();
    private final AtomicLong errors = new AtomicLong();
    private final AtomicLong requestTimeouts = new AtomicLong();
    private final AtomicLong queueTimeouts = new AtomicLong();
    private final AtomicLong queueFull = new AtomicLong();
    private final AtomicLong offline = new AtomicLong();
    private final AtomicLong answeredLatencyMillis = new AtomicLong();

    /** A copy of the counters at one moment. */
    public record Snapshot(long requests, long succeeded, long errors, long requestTimeouts, long queueTimeouts,
                           long queueFull, long offline, long answeredLatencyMillis) {
        /** Mean latency of the requests that were sent and got an answer or timed out, in ms. */
        public double averageLatencyMillis() {
            long sent = succeeded + errors + requestTimeouts;
            return sent == 0 ? 0 : (double) answeredLatencyMillis / sent;
        }
    }

    void submitted() {
        requests.incrementAndGet();
    }

    void record(HttpOutcome outcome) {
        switch (outcome.status()) {
            case SUCCESS -> succeeded.incrementAndGet();
            case ERROR -> errors.incrementAndGet();
            case REQUEST_TIMEOUT -> requestTimeouts.incrementAndGet();
            case QUEUE_TIMEOUT -> queueTimeouts.incrementAndGet();
            case QUEUE_FULL -> queueFull.incrementAndGet();
            case OFFLINE -> offline.incrementAndGet();
        }
        if (outcome.status() == HttpStatus.SUCCESS || outcome.status() == HttpStatus.ERROR
                || outcome.status() == HttpStatus.REQUEST_TIMEOUT) {
            answeredLatencyMillis.addAndGet(outcome.latencyMillis());
        }
    }

    public Snapshot snapshot() {
        return new Snapshot(requests.get(), succeeded.get(), errors.get(), requestTimeouts.get(),
                queueTimeouts.get(), queueFull.get(), offline.get(), answeredLatencyMillis.get());
    }
}
