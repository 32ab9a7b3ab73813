package org.photonee.core.master;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.TreeMap;
import java.util.random.RandomGenerator;

/**
 * Picks the game server for a new game. Only servers in rotation (connected, {@code Normal}, not leaving) count.
 * Servers are grouped into bunches by priority, lowest first; a bunch is used until its average load level
 * reaches the priority threshold. Within a bunch a share of the servers is held in reserve until the others get
 * busy, and the pick is weighted-random by load level, so idle servers fill faster without all new rooms
 * landing on one. When every weight is zero (all servers at the top level) the least loaded server is used rather
 * than refusing the game; only when no server is in rotation is there none ({@code ServerFull}).
 */
public final class LoadBalancer {
    private final LoadBalancerSettings settings;
    private final RandomGenerator random;

    public LoadBalancer(LoadBalancerSettings settings, RandomGenerator random) {
        this.settings = settings;
        this.random = random;
    }

    public Optional<GameServerContext> pick(List<GameServerContext> inRotation) {
        if (inRotation.isEmpty()) {
            return Optional.empty();
        }
        TreeMap<Integer, List<GameServerContext>> bunches = new TreeMap<>();
        for (GameServerContext server : inRotation) {
            bunches.computeIfAbsent(server.priority(), p -> new ArrayList<>()).add(server);
        }
        for (List<GameServerContext> bunch : bunches.values()) {
            if (averageLevel(bunch) >= settings.priorityUpThreshold() && bunch != bunches.lastEntry().getValue()) {
                continue;
            }
            Optional<GameServerContext> picked = weightedPick(withoutIdleReserve(bunch));
            if (picked.isPresent()) {
                return picked;
            }
        }
        return inRotation.stream().min(Comparator.comparingInt(GameServerContext::loadLevel)
                .thenComparingLong(GameServerContext::registrationOrder));
    }

    /** The bunch minus its reserve, unless the others are busy enough to need it. */
    private List<GameServerContext> withoutIdleReserve(List<GameServerContext> bunch) {
        int reserve = (int) Math.floor(bunch.size() * settings.reserveRatio());
        if (reserve == 0) {
            return bunch;
        }
        // The reserve is the most recently registered servers: the ones started last to add capacity.
        List<GameServerContext> ordered = new ArrayList<>(bunch);
        ordered.sort(Comparator.comparingLong(GameServerContext::registrationOrder));
        List<GameServerContext> active = ordered.subList(0, ordered.size() - reserve);
        return averageLevel(active) >= settings.reserveActivationLevel() ? ordered : active;
    }

    private Optional<GameServerContext> weightedPick(List<GameServerContext> candidates) {
        long total = 0;
        for (GameServerContext c : candidates) {
            total += settings.weightOf(c.loadLevel());
        }
        if (total == 0) {
            return Optional.empty();
        }
        long r = random.nextLong(total);
        for (GameServerContext c : candidates) {
            r -= settings.weightOf(c.loadLevel());
            if (r < 0) {
                return Optional.of(c);
            }
        }
        throw new IllegalStateException("weighted pick ran past the total");
    }

    private static double averageLevel(List<GameServerContext> servers) {
        return servers.stream().mapToInt(GameServerContext::loadLevel).average().orElse(0);
    }
}
