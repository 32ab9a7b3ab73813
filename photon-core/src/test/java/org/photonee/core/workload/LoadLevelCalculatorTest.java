package org.photonee.core.workload;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

class LoadLevelCalculatorTest {
    private static WorkloadSettings window(int samples) {
        WorkloadSettings d = WorkloadSettings.DEFAULTS;
        return new WorkloadSettings(d.cpuPercent(), d.bytesPerSecond(), d.peerCount(), samples);
    }

    @Test
    void cpuLevelsFollowTheDefaultTableWithHysteresis() {
        LoadLevelCalculator calc = new LoadLevelCalculator(window(1));
        assertEquals(0, calc.addSample(5, 0, 0));
        assertEquals(1, calc.addSample(15, 0, 0), "above 10 % → level 1");
        assertEquals(1, calc.addSample(9.5, 0, 0), "down threshold of level 1 is 9 %");
        assertEquals(0, calc.addSample(8, 0, 0));
        assertEquals(5, calc.addSample(55, 0, 0), "jumps several levels at once");
        assertEquals(5, calc.addSample(50, 0, 0), "between level 4 up (50) and level 5 down (49): stays");
        assertEquals(4, calc.addSample(45, 0, 0));
        assertEquals(9, calc.addSample(100, 0, 0));
        assertEquals(9, calc.addSample(80, 0, 0), "level 9 holds until below 77 %");
        assertEquals(7, calc.addSample(76, 0, 0), "level 8 falls below 77 % too");
    }

    @Test
    void levelIsTheHighestOfCpuBandwidthAndPeers() {
        LoadLevelCalculator calc = new LoadLevelCalculator(window(1));
        assertEquals(2, calc.addSample(5, 2_500_000, 0), "bandwidth above 2 MB/s");
        assertEquals(3, calc.addSample(5, 0, 3_500), "peers above 3000");
        assertEquals(10, calc.levelCount());
    }

    @Test
    void samplesAreAveragedOverTheWindow() {
        LoadLevelCalculator calc = new LoadLevelCalculator(window(4));
        assertEquals(0, calc.addSample(0, 0, 0));
        assertEquals(0, calc.addSample(0, 0, 0));
        assertEquals(0, calc.addSample(0, 0, 0));
        assertEquals(2, calc.addSample(100, 0, 0), "average 25 %");
        assertEquals(4, calc.addSample(100, 0, 0), "average 50 %, the oldest sample dropped out");
    }

    @Test
    void thresholdsMustBeMonotonic() {
        assertThrows(IllegalArgumentException.class,
                () -> new LevelThresholds(new double[] {10, 5}, new double[] {0, 1}));
        assertThrows(IllegalArgumentException.class,
                () -> new LevelThresholds(new double[] {10, 20}, new double[] {0, 15}));
    }
}
