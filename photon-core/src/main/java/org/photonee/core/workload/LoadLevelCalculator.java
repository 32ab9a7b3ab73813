package org.photonee.core.workload;

/**
 * Turns periodic samples into the server's load level: each controller (CPU, bandwidth, peers) averages its last
 * samples and moves its own level with hysteresis; the server's level is the highest of them, because any one
 * exhausted resource makes the server a bad home for new rooms. Not thread-safe: feed it from one fiber.
 */
public final class LoadLevelCalculator {
    private final WorkloadSettings settings;
    private final Controller cpu;
    private final Controller bandwidth;
    private final Controller peers;

    public LoadLevelCalculator(WorkloadSettings settings) {
        this.settings = settings;
        this.cpu = new Controller(settings.cpuPercent(), settings.averagingWindow());
        this.bandwidth = new Controller(settings.bytesPerSecond(), settings.averagingWindow());
        this.peers = new Controller(settings.peerCount(), settings.averagingWindow());
    }

    /** Adds one sample and returns the resulting level, 0..levels-1. */
    public int addSample(double cpuPercent, double bytesPerSecond, int peerCount) {
        cpu.add(cpuPercent);
        bandwidth.add(bytesPerSecond);
        peers.add(peerCount);
        return level();
    }

    public int level() {
        return Math.max(cpu.level, Math.max(bandwidth.level, peers.level));
    }

    public int levelCount() {
        return settings.levels();
    }

    /** One quantity: a ring buffer of samples, their running sum, and the level it currently indicates. */
    private static final class Controller {
        private final LevelThresholds thresholds;
        private final double[] samples;
        private int count;
        private int next;
        private double sum;
        private int level;

        Controller(LevelThresholds thresholds, int window) {
            this.thresholds = thresholds;
            this.samples = new double[window];
        }

        void add(double value) {
            if (count == samples.length) {
                sum -= samples[next];
            } else {
                count++;
            }
            samples[next] = value;
            sum += value;
            next = (next + 1) % samples.length;
            level = thresholds.next(level, sum / count);
        }
    }
}
