package org.photonee.core.workload;

import java.util.Arrays;

/**
 * Per-level thresholds of one measured quantity. At level {@code L} the level rises when the value exceeds
 * {@code up[L]} and falls when it drops below {@code down[L]}; the gap between a level's "down" and the previous
 * level's "up" is the hysteresis that keeps a value hovering at a boundary from flapping the level.
 *
 * @param up   rising thresholds, one per level, non-decreasing
 * @param down falling thresholds, one per level ({@code down[0]} is unused)
 */
public record LevelThresholds(double[] up, double[] down) {
    public LevelThresholds {
        if (up.length == 0 || up.length != down.length) {
            throw new IllegalArgumentException("need one up and one down threshold per level");
        }
        for (int i = 1; i < up.length; i++) {
            if (up[i] < up[i - 1] || down[i] > up[i - 1]) {
                throw new IllegalArgumentException("thresholds of level " + i + " are not monotonic with hysteresis");
            }
        }
        up = up.clone();
        down = down.clone();
    }

    public int levels() {
        return up.length;
    }

    /** The level after a new (averaged) value, starting from the current level. */
    public int next(int current, double value) {
        int level = Math.max(0, Math.min(current, up.length - 1));
        while (level < up.length - 1 && value > up[level]) {
            level++;
        }
        while (level > 0 && value < down[level]) {
            level--;
        }
        return level;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof LevelThresholds t && Arrays.equals(up, t.up) && Arrays.equals(down, t.down);
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(up) * 31 + Arrays.hashCode(down);
    }

    @Override
    public String toString() {
        return "LevelThresholds[up=" + Arrays.toString(up) + ", down=" + Arrays.toString(down) + "]";
    }
}
