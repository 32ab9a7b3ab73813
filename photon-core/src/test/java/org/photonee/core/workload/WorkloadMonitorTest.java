package org.photonee.core.workload;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.photonee.core.codes.ServerState;
import org.photonee.core.s2s.ServerLoadUpdate;

class WorkloadMonitorTest {
    private final WorkloadSettings oneSample = new WorkloadSettings(WorkloadSettings.DEFAULTS.cpuPercent(),
            WorkloadSettings.DEFAULTS.bytesPerSecond(), WorkloadSettings.DEFAULTS.peerCount(), 1);

    @Test
    void levelAndOperatorStateChangesAskForAnImmediateReport() {
        WorkloadMonitor monitor = new WorkloadMonitor(oneSample, ServerState.NORMAL);
        assertFalse(monitor.sample(5, 0, 0));
        assertTrue(monitor.sample(25, 0, 0), "level 0 → 2");
        assertEquals(new ServerLoadUpdate(2, 7, ServerState.NORMAL, 3, 10), monitor.update(7, 3));
        assertFalse(monitor.sample(25, 0, 0));
        monitor.setServerState(ServerState.OUT_OF_ROTATION);
        assertTrue(monitor.sample(25, 0, 0));
        assertEquals(ServerState.OUT_OF_ROTATION, monitor.update(0, 0).state());
        monitor.setServerState(ServerState.OUT_OF_ROTATION);
        assertFalse(monitor.sample(25, 0, 0), "setting the same state is no change");
    }
}
