package org.photonee.core.master;

import java.util.Arrays;

/**
 * How the load balancer weighs servers (LOADBALANCING.md §2.3, Photon v5 {@code LoadBalancer.config}).
 *
 * @param weights                one weight per load level; a server at a level of weight 0 gets no new games
 *                               (defaults 20,17,15,13,11,9,7,5,3,0)
 * @param reserveRatio           fraction of a bunch's servers held back (rounded down) while the others cope
 *                               ({@code ReserveRatio}, 0.2)
 * @param reserveActivationLevel average load level of the non-reserve servers at which the reserve joins in
 *                               (Photon leaves it implicit; we use 7, where the default weights drop to 5)
 * @param priorityUpThreshold    average load level of a priority bunch at which the next bunch is used
 *                               ({@code PriorityUpThreshold}; our default 8)
 */
public record LoadBalancerSettings(int[] weights, double reserveRatio, int reserveActivationLevel,
                                   int priorityUpThreshold) {
    public static final LoadBalancerSettings DEFAULTS = new LoadBalancerSettings(
            new int[] {20, 17, 15, 13, 11, 9, 7, 5, 3, 0}, 0.2, 7, 8);

    public LoadBalancerSettings {
        if (weights.length == 0 || Arrays.stream(weights).anyMatch(w -> w < 0)) {
            throw new IllegalArgumentException("weights must be non-negative, one per level");
        }
        if (reserveRatio < 0 || reserveRatio >= 1) {
            throw new IllegalArgumentException("reserve ratio must be in [0, 1)");
        }
        weights = weights.clone();
    }

    /** Weight of a load level; levels beyond the table get the last weight. */
    public int weightOf(int level) {
        return weights[Math.max(0, Math.min(level, weights.length - 1))];
    }

    @Override
    public int[] weights() {
        return weights.clone();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof LoadBalancerSettings s && Arrays.equals(weights, s.weights)
                && reserveRatio == s.reserveRatio && reserveActivationLevel == s.reserveActivationLevel
                && priorityUpThreshold == s.priorityUpThreshold;
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(weights) * 31 + Double.hashCode(reserveRatio) + reserveActivationLevel * 7
                + priorityUpThreshold;
    }
}
