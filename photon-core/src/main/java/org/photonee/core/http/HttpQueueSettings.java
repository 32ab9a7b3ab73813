package org.photonee.core.http;

import org.photonee.core.config.ConfigReader;

/**
 * Limits of one {@link HttpQueue}, with Photon's defaults for custom authentication and web hooks
 * (LOADBALANCING.md §2.12: MaxConcurrentRequests 50, MaxQueuedRequests 5000, HttpRequestTimeoutMS 30000,
 * QueueTimeoutS 20, MaxErrorRequests 10, MaxTimedOutRequests 10, ReconnectIntervalS 60).
 *
 * @param maxConcurrentRequests  requests in flight at once
 * @param maxQueuedRequests      requests waiting for a slot; one more is answered QueueFull
 * @param requestTimeoutMillis   how long a sent request waits for its answer (RequestTimeout)
 * @param queueTimeoutMillis     how long a request may wait for a slot (QueueTimeout)
 * @param maxErrorRequests       consecutive errors (no answer, or 5xx) that put the target offline
 * @param maxTimedOutRequests    consecutive request timeouts that put the target offline
 * @param reconnectIntervalMillis how long the target stays offline (requests answered Offline meanwhile)
 * @param maxResponseBytes       largest answer body accepted; a larger one is an Error
 */
public record HttpQueueSettings(int maxConcurrentRequests, int maxQueuedRequests, long requestTimeoutMillis,
                                long queueTimeoutMillis, int maxErrorRequests, int maxTimedOutRequests,
                                long reconnectIntervalMillis, int maxResponseBytes) {
    public static final HttpQueueSettings DEFAULTS =
            new HttpQueueSettings(50, 5000, 30_000, 20_000, 10, 10, 60_000, 1024 * 1024);

    public HttpQueueSettings {
        if (maxConcurrentRequests < 1 || maxQueuedRequests < 0 || requestTimeoutMillis < 1 || queueTimeoutMillis < 1
                || maxErrorRequests < 1 || maxTimedOutRequests < 1 || reconnectIntervalMillis < 0
                || maxResponseBytes < 1) {
            throw new IllegalArgumentException("invalid HTTP queue settings: " + this);
        }
    }

    /**
     * Reads {@code <prefix>maxConcurrentRequests}, {@code maxQueuedRequests}, {@code httpRequestTimeoutMs},
     * {@code queueTimeoutMs}, {@code maxErrorRequests}, {@code maxTimedOutRequests}, {@code reconnectIntervalMs}
     * and {@code maxResponseBytes}; unset keys keep the defaults.
     */
    public static HttpQueueSettings from(ConfigReader config, String prefix) {
        HttpQueueSettings d = DEFAULTS;
        return new HttpQueueSettings(
                config.intValue(prefix + "maxConcurrentRequests", d.maxConcurrentRequests, 1),
                config.intValue(prefix + "maxQueuedRequests", d.maxQueuedRequests, 0),
                config.longValue(prefix + "httpRequestTimeoutMs", d.requestTimeoutMillis, 1),
                config.longValue(prefix + "queueTimeoutMs", d.queueTimeoutMillis, 1),
                config.intValue(prefix + "maxErrorRequests", d.maxErrorRequests, 1),
                config.intValue(prefix + "maxTimedOutRequests", d.maxTimedOutRequests, 1),
                config.longValue(prefix + "reconnectIntervalMs", d.reconnectIntervalMillis, 0),
                config.intValue(prefix + "maxResponseBytes", d.maxResponseBytes, 1));
    }
}
