package org.photonee.core.workload;

/**
 * Thresholds of the load level calculator. CPU and bandwidth defaults are Photon v5's {@code Workload.config}
 * (LOADBALANCING.md §2.3). Photon gives no peer-count defaults; ours step by 1000 peers per level with a 10 %
 * hysteresis, so a server that is quiet on CPU still sheds new rooms when it holds very many connections.
 *
 * @param cpuPercent      CPU thresholds in percent
 * @param bytesPerSecond  bandwidth (in + out) thresholds in bytes per second
 * @param peerCount       connected-peer thresholds
 * @param averagingWindow samples in the moving average each controller judges (Photon averages 100)
 */
public record WorkloadSettings(LevelThresholds cpuPercent, LevelThresholds bytesPerSecond,
                               LevelThresholds peerCount, int averagingWindow) {
    public static final int LEVELS = 10;

    public static final WorkloadSettings DEFAULTS = new WorkloadSettings(
            new LevelThresholds(
                    new double[] {10, 20, 30, 40, 50, 60, 70, 80, 90, 110},
                    new double[] {0, 9, 19, 29, 39, 49, 58, 67, 77, 77}),
            new LevelThresholds(
                    new double[] {1048576, 2097152, 3145728, 4194304, 5242880, 6291456, 7340032, 8388608, 9437184,
                                  11485760},
                    new double[] {0, 1048576, 2097152, 3145728, 4194304, 5242880, 6291456, 7340032, 8388608,
                                  9437184}),
            new LevelThresholds(
                    new double[] {1000, 2000, 3000, 4000, 5000, 6000, 7000, 8000, 9000, 10000},
                    new double[] {0, 900, 1800, 2700, 3600, 4500, 5400, 6300, 7200, 8100}),
            100);

    public WorkloadSettings {
        if (cpuPercent.levels() != bytesPerSecond.levels() || cpuPercent.levels() != peerCount.levels()) {
            throw new IllegalArgumentException("all controllers need the same number of levels");
        }
        if (averagingWindow < 1) {
            throw new IllegalArgumentException("averaging window must be at least 1 sample");
        }
    }

    public int levels() {
        return cpuPercent.levels();
    }
}
