package org.photonee.client.bench;

import java.util.List;

/**
 * Tells a resource that levels off from one that grows without bound, from samples taken once a minute. The first
 * sample is the warm-up and does not count. The rest are split into an early and a late half: the resource grows
 * without bound when even the smallest late sample exceeds the largest early one by more than the allowed slack,
 * i.e. it kept rising for the whole second half of the run, not just wobbled.
 */
public final class GrowthCheck {
    private GrowthCheck() {
    }

    /**
     * @param samples one value a minute, warm-up first
     * @param slack   growth that is still normal (a cache filling, a pool widening)
     * @return how far the late half sits above the early half (positive = growth), or 0 with fewer than 3 samples
     */
    public static long growth(List<Long> samples, long slack) {
        if (samples.size() < 3) {
            return 0;
        }
        List<Long> counted = samples.subList(1, samples.size());
        int half = counted.size() / 2;
        List<Long> early = counted.subList(0, Math.max(1, half));
        List<Long> late = counted.subList(Math.max(1, half), counted.size());
        long earlyMax = early.stream().mapToLong(Long::longValue).max().orElse(0);
        long lateMin = late.stream().mapToLong(Long::longValue).min().orElse(0);
        return lateMin - earlyMax;
    }

    /** Whether the samples grow by more than the slack (see {@link #growth}). */
    public static boolean isUnbounded(List<Long> samples, long slack) {
        return growth(samples, slack) > slack;
    }
}
