package org.photonee.core.ops;

/**
 * Turns a monotonic counter into a per-second rate between two readings. The first reading gives 0, a counter that
 * went backwards (a restart) restarts the meter.
 */
public final class RateMeter {
    private long lastCount = -1;
    private long lastMillis;

    /** @return events per second since the previous reading */
    public synchronized double perSecond(long count, long nowMillis) {
        double rate = 0;
        if (lastCount >= 0 && count >= lastCount && nowMillis > lastMillis) {
            rate = (count - lastCount) * 1000.0 / (nowMillis - lastMillis);
        }
        lastCount = count;
        lastMillis = nowMillis;
        return rate;
    }
}
