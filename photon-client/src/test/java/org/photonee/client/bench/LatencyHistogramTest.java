package org.photonee.client.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.Random;
import org.junit.jupiter.api.Test;

class LatencyHistogramTest {
    private static void assertClose(long expected, long actual) {
        double error = Math.abs(actual - expected) / (double) Math.max(1, expected);
        assertTrue(error < 1.0 / 128, "expected ~" + expected + " got " + actual);
    }

    @Test
    void percentilesOfUniformValuesAreWithinBucketPrecision() {
        LatencyHistogram h = new LatencyHistogram();
        for (long v = 1; v <= 100_000; v++) {
            h.record(v * 1000); // 1 µs .. 100 ms
        }
        assertEquals(100_000, h.count());
        assertClose(50_000_000, h.percentileNanos(50));
        assertClose(90_000_000, h.percentileNanos(90));
        assertClose(99_000_000, h.percentileNanos(99));
        assertClose(99_900_000, h.percentileNanos(99.9));
        assertEquals(100_000_000, h.maxNanos());
        assertEquals(100_000_000, h.percentileNanos(100));
    }

    @Test
    void percentilesMatchExactSortOnRandomLatencies() {
        LatencyHistogram h = new LatencyHistogram();
        Random r = new Random(42);
        long[] values = new long[50_000];
        for (int i = 0; i < values.length; i++) {
            // log-normal-ish: mostly sub-millisecond, long tail to ~1 s
            values[i] = (long) Math.exp(11 + 2 * r.nextGaussian());
            h.record(values[i]);
        }
        Arrays.sort(values);
        for (double p : new double[] {50, 90, 99, 99.9}) {
            long exact = values[(int) Math.ceil(p / 100 * values.length) - 1];
            assertClose(exact, h.percentileNanos(p));
        }
    }

    @Test
    void smallValuesAreExactAndEmptyIsZero() {
        LatencyHistogram h = new LatencyHistogram();
        assertEquals(0, h.percentileNanos(99));
        h.record(3);
        h.record(200);
        h.record(-5);
        assertEquals(3, h.percentileNanos(50));
        assertEquals(200, h.percentileNanos(100));
        assertEquals(0, h.percentileNanos(1));
    }

    @Test
    void bucketBoundsAreContiguous() {
        for (int i = 1; i < 4000; i++) {
            assertEquals(LatencyHistogram.highestEquivalent(i - 1) + 1, LatencyHistogram.lowestEquivalent(i));
            assertEquals(i, LatencyHistogram.indexOf(LatencyHistogram.lowestEquivalent(i)));
            assertEquals(i, LatencyHistogram.indexOf(LatencyHistogram.highestEquivalent(i)));
        }
    }
}
