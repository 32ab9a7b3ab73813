package org.photonee.core.webrpc;

/**
 * Photon's {@code HttpForwardLimit}: at most so many forwarded calls per second (a fixed one-second window). Used
 * on one fiber (a room's), so it needs no lock.
 */
public final class HttpForwardLimiter {
    private static final long WINDOW_MILLIS = 1000;

    private final int limit;
    private long windowStart = Long.MIN_VALUE;
    private int used;

    /** @param limit calls per second; 0 = unlimited */
    public HttpForwardLimiter(int limit) {
        this.limit = limit;
    }

    /** Counts a call at {@code nowMillis}; false when the second's budget is spent. */
    public boolean tryAcquire(long nowMillis) {
        if (limit == 0) {
            return true;
        }
        if (windowStart == Long.MIN_VALUE || nowMillis - windowStart >= WINDOW_MILLIS) {
            windowStart = nowMillis;
            used = 0;
        }
        if (used >= limit) {
            return false;
        }
        used++;
        return true;
    }
}
