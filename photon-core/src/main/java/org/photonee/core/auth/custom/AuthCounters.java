package org.photonee.core.auth.custom;

import org.photonee.core.auth.AuthenticationResult;

import java.util.concurrent.atomic.AtomicLong;

/**
 * Photon's "Custom Authentication Results" counters for one provider: accepted, denied, data (ResultCode 0, not
 * yet authenticated) and errors (the service could not be used: no answer, an unusable answer, a token that could
 * not be checked). Queue figures (timeouts, queue full, latency) are on the provider's HTTP queue.
 */
public final class AuthCounters {
    private final AtomicLong accepted = new AtomicLong();
    private final AtomicLong denied = new AtomicLong();
    private final AtomicLong data = new AtomicLong();
    private final AtomicLong errors = new AtomicLong();

    public record Snapshot(long accepted, long denied, long data, long errors) {
    }

    public void count(AuthenticationResult result, boolean serviceError) {
        if (serviceError) {
            errors.incrementAndGet();
        }
        if (result.isIncomplete()) {
            data.incrementAndGet();
        } else if (result.isOk()) {
            accepted.incrementAndGet();
        } else {
            denied.incrementAndGet();
        }
    }

    public Snapshot snapshot() {
        return new Snapshot(accepted.get(), denied.get(), data.get(), errors.get());
    }
}
