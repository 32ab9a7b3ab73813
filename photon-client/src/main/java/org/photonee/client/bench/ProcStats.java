package org.photonee.client.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Linux /proc readings: a process's CPU time and RSS, and whole-machine busy time. Absent /proc (not Linux, or the
 * process is gone) reads as -1, and the result JSON then carries null for what it could not measure.
 */
final class ProcStats {
    /** Kernel clock ticks per second for /proc times; 100 on every mainstream Linux build. */
    static final long CLK_TCK = 100;

    private ProcStats() {
    }

    /** utime + stime of a process in nanoseconds, or -1. */
    static long processCpuNanos(long pid) {
        long[] split = processCpuSplitNanos(pid);
        return split == null ? -1 : split[0] + split[1];
    }

    /**
     * utime and stime of a process in nanoseconds, or null: user time is the process's own code, system time the
     * kernel working for it (syscalls, socket reads and writes), which tells a costly client from a costly kernel path.
     */
    static long[] processCpuSplitNanos(long pid) {
        try {
            String stat = Files.readString(Path.of("/proc/" + pid + "/stat"));
            // The command name may contain spaces; fields are counted after its closing parenthesis.
            String[] f = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
            // fields 14 and 15 of the full line
            return new long[] {Long.parseLong(f[11]) * 1_000_000_000L / CLK_TCK,
                    Long.parseLong(f[12]) * 1_000_000_000L / CLK_TCK};
        } catch (IOException | RuntimeException e) {
            return null;
        }
    }

    /** One thread's name (its /proc comm, at most 15 characters) and CPU time. */
    record ThreadCpu(String name, long userNanos, long systemNanos) {
        long totalNanos() {
            return userNanos + systemNanos;
        }
    }

    /**
     * utime and stime of each thread of a process, by thread id; empty when /proc cannot be read. Which thread a
     * server's time goes to (its event loop, the JIT compiler, a timer) separates what a delivery costs from what
     * the host process spends beside it.
     */
    static java.util.Map<Long, ThreadCpu> threadCpu(long pid) {
        java.util.Map<Long, ThreadCpu> threads = new java.util.HashMap<>();
        try (java.util.stream.Stream<Path> tasks = Files.list(Path.of("/proc/" + pid + "/task"))) {
            for (Path task : (Iterable<Path>) tasks::iterator) {
                try {
                    String stat = Files.readString(task.resolve("stat"));
                    int open = stat.indexOf('(');
                    int close = stat.lastIndexOf(')');
                    String[] f = stat.substring(close + 2).split(" ");
                    threads.put(Long.parseLong(task.getFileName().toString()),
                            new ThreadCpu(stat.substring(open + 1, close),
                                    Long.parseLong(f[11]) * 1_000_000_000L / CLK_TCK,
                                    Long.parseLong(f[12]) * 1_000_000_000L / CLK_TCK));
                } catch (IOException | RuntimeException e) {
                    // the thread ended between the listing and the read
                }
            }
        } catch (IOException | RuntimeException e) {
            return java.util.Map.of();
        }
        return threads;
    }

    /** Resident set size in KiB, or -1. */
    static long rssKib(long pid) {
        try {
            for (String line : Files.readAllLines(Path.of("/proc/" + pid + "/status"))) {
                if (line.startsWith("VmRSS:")) {
                    return Long.parseLong(line.replaceAll("[^0-9]", ""));
                }
            }
        } catch (IOException | RuntimeException e) {
            return -1;
        }
        return -1;
    }

    /**
     * Live heap bytes of a JVM: runs {@code jcmd <pid> GC.class_histogram}, which does a full GC first, and reads its
     * "Total" line. -1 when jcmd is not there or the process does not answer.
     */
    static long liveHeapBytes(long pid) {
        String h = classHistogram(pid);
        return h == null ? -1 : histogramTotalBytes(h);
    }

    /** The text of {@code jcmd <pid> GC.class_histogram} (a full GC first), or null. */
    static String classHistogram(long pid) {
        try {
            Path jcmd = Path.of(System.getProperty("java.home"), "bin", "jcmd");
            Process p = new ProcessBuilder(jcmd.toString(), Long.toString(pid), "GC.class_histogram")
                    .redirectErrorStream(true).start();
            String out = new String(p.getInputStream().readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
            if (!p.waitFor(120, java.util.concurrent.TimeUnit.SECONDS) || p.exitValue() != 0) {
                return null;
            }
            return out;
        } catch (IOException | RuntimeException e) {
            return null;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return null;
        }
    }

    /** Bytes per class name from a class histogram's rows ("1: instances bytes name ..."). */
    static java.util.Map<String, Long> histogramBytesByClass(String histogram) {
        java.util.Map<String, Long> bytes = new java.util.HashMap<>();
        for (String line : histogram.split("\\R")) {
            String[] f = line.trim().split("\\s+");
            if (f.length >= 4 && f[0].endsWith(":")) {
                try {
                    bytes.merge(f[3], Long.parseLong(f[2]), Long::sum);
                } catch (NumberFormatException e) {
                    // header or a line of another shape
                }
            }
        }
        return bytes;
    }

    /** The bytes column of a class histogram's "Total" line, or -1. */
    static long histogramTotalBytes(String histogram) {
        for (String line : histogram.split("\\R")) {
            String t = line.trim();
            if (t.startsWith("Total")) {
                String[] f = t.split("\\s+");
                try {
                    return Long.parseLong(f[f.length - 1]);
                } catch (NumberFormatException e) {
                    return -1;
                }
            }
        }
        return -1;
    }

    /**
     * CPUs of the machine as /proc/stat counts them ("cpuN" lines), which is what {@link #machineTicks} sums over.
     * Not {@code availableProcessors()}: that is this process's affinity, 1 when the generator is pinned.
     */
    static int machineCpus() {
        try {
            int n = 0;
            for (String line : Files.readAllLines(Path.of("/proc/stat"))) {
                if (line.startsWith("cpu") && line.length() > 3 && Character.isDigit(line.charAt(3))) {
                    n++;
                }
            }
            return n > 0 ? n : Runtime.getRuntime().availableProcessors();
        } catch (IOException | RuntimeException e) {
            return Runtime.getRuntime().availableProcessors();
        }
    }

    /** {busy ticks, total ticks} over all cores from /proc/stat, or null. */
    static long[] machineTicks() {
        try {
            String first = Files.readAllLines(Path.of("/proc/stat")).get(0);
            String[] f = first.trim().split("\\s+");
            long total = 0;
            for (int i = 1; i < f.length && i <= 8; i++) { // user nice system idle iowait irq softirq steal
                total += Long.parseLong(f[i]);
            }
            long idle = Long.parseLong(f[4]) + Long.parseLong(f[5]);
            return new long[] {total - idle, total};
        } catch (IOException | RuntimeException e) {
            return null;
        }
    }
}
