package org.photonee.ejb.persistence;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;
import org.junit.jupiter.api.Test;

class ServerRowRefreshTest {
    private final ServerRowRefresh refresh = new ServerRowRefresh(10_000);

    private static MasterChange.ServerSnapshot snapshot(String state, int load, int peers, long at) {
        return new MasterChange.ServerSnapshot("gs1", Map.of("Json", "ws://127.0.0.1:9095/photon/game"), state, true,
                load, peers, 3, at);
    }

    @Test
    void aServerNeverWrittenIsWritten() {
        assertTrue(refresh.needsWrite(snapshot("NORMAL", 1, 10, 1_000)));
    }

    @Test
    void anUnchangedServerIsSkippedUntilItsHeartbeatIsDue() {
        refresh.written(snapshot("NORMAL", 1, 10, 1_000));
        assertFalse(refresh.needsWrite(snapshot("NORMAL", 1, 10, 2_000)));
        assertFalse(refresh.needsWrite(snapshot("NORMAL", 1, 10, 10_999)));
        assertTrue(refresh.needsWrite(snapshot("NORMAL", 1, 10, 11_000)));
    }

    @Test
    void anyChangeIsWrittenAtOnce() {
        refresh.written(snapshot("NORMAL", 1, 10, 1_000));
        assertTrue(refresh.needsWrite(snapshot("OUT_OF_ROTATION", 1, 10, 1_100)));
        assertTrue(refresh.needsWrite(snapshot("NORMAL", 2, 10, 1_100)));
        assertTrue(refresh.needsWrite(snapshot("NORMAL", 1, 11, 1_100)));
        assertTrue(refresh.needsWrite(new MasterChange.ServerSnapshot("gs1", Map.of(), "NORMAL", true, 1, 10, 3,
                1_100)));
        assertTrue(refresh.needsWrite(new MasterChange.ServerSnapshot("gs1",
                Map.of("Json", "ws://127.0.0.1:9095/photon/game"), "NORMAL", false, 1, 10, 3, 1_100)));
    }

    @Test
    void aRemovedServerIsWrittenAgainWhenItReturns() {
        refresh.written(snapshot("NORMAL", 1, 10, 1_000));
        refresh.removed("gs1");
        assertTrue(refresh.needsWrite(snapshot("NORMAL", 1, 10, 1_500)));
    }

    @Test
    void theHeartbeatMustBePositive() {
        assertThrows(IllegalArgumentException.class, () -> new ServerRowRefresh(0));
    }
}
