package org.photonee.client.bench;

import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicLongArray;

/**
 * A log-bucketed latency histogram in the spirit of HdrHistogram: values (nanoseconds) fall into power-of-two ranges,
 * each split into {@code 2^SUB_BITS} linear sub-buckets, so every recorded value is kept with a relative error below
 * {@code 1 / 2^SUB_BITS} (under 0.8 %) at a fixed, small footprint. Recording is lock-free and allocation-free, so
 * many receiving threads can share one histogram.
 */
public final class LatencyHistogram {
    /** 128 sub-buckets per power of two. */
    static final int SUB_BITS = 7;
    private static final int HALF = 1 << SUB_BITS;
    /** Values up to 2^44 ns (about 4.9 hours); larger ones land in the last bucket. */
    private static final int MAX_EXPONENT = 44 - SUB_BITS;
    private static final int BUCKETS = (MAX_EXPONENT + 2) * HALF;

    private final AtomicLongArray counts = new AtomicLongArray(BUCKETS);
    private final AtomicLong total = new AtomicLong();
    private final AtomicLong max = new AtomicLong();

    /** Records one value in nanoseconds; negative values count as zero. */
    public void record(long nanos) {
        long v = Math.max(0, nanos);
        counts.incrementAndGet(indexOf(v));
        total.incrementAndGet();
        max.accumulateAndGet(v, Math::max);
    }

    public long count() {
        return total.get();
    }

    /** Largest recorded value, exact. */
    public long maxNanos() {
        return max.get();
    }

    /**
     * The value at a percentile (0..100]: the highest value equivalent to the bucket holding the
     * {@code ceil(p/100 * count)}-th smallest value, capped at the exact maximum. 0 when empty.
     */
    public long percentileNanos(double percentile) {
        long n = total.get();
        if (n == 0) {
            return 0;
        }
        long rank = Math.max(1, (long) Math.ceil(percentile / 100.0 * n));
        long seen = 0;
        for (int i = 0; i < BUCKETS; i++) {
            seen += counts.get(i);
            if (seen >= rank) {
                return Math.min(highestEquivalent(i), max.get());
            }
        }
        return max.get();
    }

    static int indexOf(long v) {
        if (v < 2L * HALF) {
            return (int) v;
        }
        int exponent = 63 - Long.numberOfLeadingZeros(v) - SUB_BITS;
        if (exponent > MAX_EXPONENT) {
            return BUCKETS - 1;
        }
        int sub = (int) (v >>> exponent); // in [HALF, 2*HALF)
        return (exponent + 1) * HALF + (sub - HALF);
    }

    static long lowestEquivalent(int index) {
        if (index < 2 * HALF) {
            return index;
        }
        int exponent = index / HALF - 1;
        long sub = index % HALF + HALF;
        return sub << exponent;
    }

    static long highestEquivalent(int index) {
        if (index < 2 * HALF) {
            return index;
        }
        int exponent = index / HALF - 1;
        return lowestEquivalent(index) + (1L << exponent) - 1;
    }
}
