package org.photonee.core.enet;

import java.util.EnumMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLongArray;

/** Thread-safe counts of {@link Drop}s: what a listener refused, for logs, tests and the dashboard. */
public final class DropCounters {
    private final AtomicLongArray counts = new AtomicLongArray(Drop.values().length);

    public void count(Drop drop) {
        counts.incrementAndGet(drop.ordinal());
    }

    public long get(Drop drop) {
        return counts.get(drop.ordinal());
    }

    /** Non-zero counts only. */
    public Map<Drop, Long> snapshot() {
        Map<Drop, Long> map = new EnumMap<>(Drop.class);
        for (Drop d : Drop.values()) {
            long n = counts.get(d.ordinal());
            if (n != 0) {
                map.put(d, n);
            }
        }
        return map;
    }

    @Override
    public String toString() {
        return snapshot().toString();
    }
}
