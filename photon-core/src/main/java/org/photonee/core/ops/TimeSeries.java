package org.photonee.core.ops;

import java.util.ArrayList;
import java.util.List;

/**
 * A fixed-size ring of samples, oldest dropped first: the last hour of a few figures for the dashboard's charts.
 * Written by one sampling timer, read by request threads, hence synchronized (a few hundred samples, read rarely).
 */
public final class TimeSeries {
    /** One sample: when (epoch milliseconds) and the figures in the series' order. */
    public record Sample(long atMillis, double[] values) {
    }

    private final List<String> names;
    private final Sample[] ring;
    private int next;
    private int size;

    /**
     * @param capacity how many samples are kept (e.g. one hour at one sample per 10 s = 360)
     * @param names    what each value of a sample means
     */
    public TimeSeries(int capacity, List<String> names) {
        if (capacity < 1) {
            throw new IllegalArgumentException("capacity must be at least 1, got " + capacity);
        }
        this.ring = new Sample[capacity];
        this.names = List.copyOf(names);
    }

    public List<String> names() {
        return names;
    }

    public int capacity() {
        return ring.length;
    }

    public synchronized void add(long atMillis, double... values) {
        if (values.length != names.size()) {
            throw new IllegalArgumentException("expected " + names.size() + " values, got " + values.length);
        }
        ring[next] = new Sample(atMillis, values.clone());
        next = (next + 1) % ring.length;
        size = Math.min(size + 1, ring.length);
    }

    /** Every kept sample, oldest first. */
    public synchronized List<Sample> samples() {
        List<Sample> out = new ArrayList<>(size);
        int start = (next - size + ring.length) % ring.length;
        for (int i = 0; i < size; i++) {
            out.add(ring[(start + i) % ring.length]);
        }
        return out;
    }

    /** The newest sample, or null before the first. */
    public synchronized Sample latest() {
        return size == 0 ? null : ring[(next - 1 + ring.length) % ring.length];
    }
}
