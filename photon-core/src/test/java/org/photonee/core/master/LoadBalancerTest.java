package org.photonee.core.master;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.photonee.core.codes.ServerState;
import org.photonee.core.s2s.GameServerRegistration;
import org.photonee.core.s2s.ServerLoadUpdate;

class LoadBalancerTest {
    private final GameServerRegistry registry = new GameServerRegistry();
    private final LoadBalancer balancer = new LoadBalancer(LoadBalancerSettings.DEFAULTS, new Random(7));

    private GameServerContext server(String id, int level, int priority) {
        GameServerRegistration reg = new GameServerRegistration(id, Map.of("Json", "ws://" + id), ServerState.NORMAL,
                level, priority, null);
        return registry.register(reg, new org.photonee.core.testing.StubPeer(id)).context();
    }

    private Map<String, Integer> spread(int picks) {
        Map<String, Integer> counts = new HashMap<>();
        for (int i = 0; i < picks; i++) {
            counts.merge(balancer.pick(registry.inRotation()).orElseThrow().serverId(), 1, Integer::sum);
        }
        return counts;
    }

    @Test
    void noServerInRotationMeansNone() {
        assertTrue(balancer.pick(List.of()).isEmpty());
        GameServerContext gs = server("gs1", 0, 0);
        gs.apply(new ServerLoadUpdate(0, 0, ServerState.OUT_OF_ROTATION, 0, 10));
        assertTrue(balancer.pick(registry.inRotation()).isEmpty(), "OutOfRotation gets no games");
        gs.apply(new ServerLoadUpdate(0, 0, ServerState.OFFLINE, 0, 10));
        assertTrue(balancer.pick(registry.inRotation()).isEmpty(), "Offline gets no games");
        gs.apply(new ServerLoadUpdate(0, 0, ServerState.NORMAL, 0, 10));
        assertEquals("gs1", balancer.pick(registry.inRotation()).orElseThrow().serverId());
    }

    @Test
    void equalLoadSpreadsOverBothServers() {
        server("gs1", 0, 0);
        server("gs2", 0, 0);
        Map<String, Integer> counts = spread(1000);
        assertTrue(counts.get("gs1") > 400 && counts.get("gs2") > 400, counts.toString());
    }

    @Test
    void weightsFollowTheLoadLevel() {
        server("idle", 0, 0);
        server("busy", 7, 0);
        Map<String, Integer> counts = spread(2500);
        // weights 20 vs 5: about 80 % to the idle server
        double idleShare = counts.get("idle") / 2500.0;
        assertTrue(idleShare > 0.74 && idleShare < 0.86, counts.toString());
    }

    @Test
    void levelWithWeightZeroGetsNothingWhileOthersCan() {
        server("full", 9, 0);
        server("ok", 8, 0);
        assertEquals(Map.of("ok", 200), spread(200));
    }

    @Test
    void allAtTheTopLevelFallsBackToTheLeastLoadedInsteadOfRefusing() {
        server("a", 9, 0);
        assertEquals("a", balancer.pick(registry.inRotation()).orElseThrow().serverId());
    }

    @Test
    void reserveIsHeldBackUntilTheOthersAreBusy() {
        for (int i = 1; i <= 5; i++) {
            server("gs" + i, 0, 0);
        }
        assertTrue(!spread(500).containsKey("gs5"), "one of five (ratio 0.2) is in reserve: the newest");
        for (int i = 1; i <= 4; i++) {
            registry.get("gs" + i).apply(new ServerLoadUpdate(7, 0, ServerState.NORMAL, 0, 10));
        }
        assertTrue(spread(500).get("gs5") > 180, "busy servers activate the reserve, which is idle");
    }

    @Test
    void lowerPriorityBunchIsUsedFirstUntilItIsBusy() {
        server("primary", 0, 0);
        server("overflow", 0, 1);
        assertEquals(Map.of("primary", 100), spread(100));
        registry.get("primary").apply(new ServerLoadUpdate(8, 0, ServerState.NORMAL, 0, 10));
        assertEquals(Map.of("overflow", 100), spread(100));
    }
}
