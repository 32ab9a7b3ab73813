package org.photonee.core.nameserver;

import java.util.concurrent.ThreadLocalRandom;

/**
 * How long after a failed custom authentication the name server disconnects the client: a random delay between
 * {@code minMillis} and {@code maxMillis} ({@code photon.auth.failureDisconnectMinMs} / {@code MaxMs}; Photon's
 * MinDisconnectTime / MaxDisconnectTime, whose defaults are not documented).
 */
public record FailureDisconnect(long minMillis, long maxMillis) {
    public static final FailureDisconnect DEFAULT = new FailureDisconnect(1000, 3000);

    public FailureDisconnect {
        if (minMillis < 0 || maxMillis < minMillis) {
            throw new IllegalArgumentException("failure disconnect delay: need 0 <= min <= max, got " + minMillis
                    + ".." + maxMillis);
        }
    }

    long nextDelayMillis() {
        return minMillis == maxMillis ? minMillis : ThreadLocalRandom.current().nextLong(minMillis, maxMillis + 1);
    }
}
