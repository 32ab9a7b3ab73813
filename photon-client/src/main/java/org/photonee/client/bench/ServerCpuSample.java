package org.photonee.client.bench;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;

/**
 * The server process's CPU time at one edge of the measured window: user and kernel time of the whole process and of
 * each thread. Two of them say not only what a delivery cost but where: the kernel's share (sockets, wake-ups: what
 * every server on this loopback pays alike), the JIT compiler still at work, and the busiest threads (an event loop,
 * or a timer of the host process that has nothing to do with the deliveries).
 */
record ServerCpuSample(long userNanos, long systemNanos, Map<Long, ProcStats.ThreadCpu> threads) {
    /** How many of the busiest threads the result lists. */
    static final int BUSIEST = 5;

    /** A reading of process {@code pid}, or null when /proc cannot tell. */
    static ServerCpuSample take(long pid) {
        if (pid <= 0) {
            return null;
        }
        long[] split = ProcStats.processCpuSplitNanos(pid);
        return split == null ? null : new ServerCpuSample(split[0], split[1], ProcStats.threadCpu(pid));
    }

    long totalNanos() {
        return userNanos + systemNanos;
    }

    /**
     * Adds to {@code server} what happened between {@code start} and {@code end} per delivery: user and kernel time,
     * the JIT compiler threads' time, and the busiest threads, each with its kernel share.
     */
    static void describe(Map<String, Object> server, ServerCpuSample start, ServerCpuSample end, long deliveries) {
        if (start == null || end == null || deliveries <= 0) {
            server.put("cpu_user_us_per_delivery", null);
            server.put("cpu_system_us_per_delivery", null);
            server.put("jit_us_per_delivery", null);
            server.put("busiest_threads", List.of());
            return;
        }
        server.put("cpu_user_us_per_delivery", (end.userNanos - start.userNanos) / 1e3 / deliveries);
        server.put("cpu_system_us_per_delivery", (end.systemNanos - start.systemNanos) / 1e3 / deliveries);
        List<Object[]> used = new ArrayList<>(); // {name, user ns, system ns}
        long jit = 0;
        for (Map.Entry<Long, ProcStats.ThreadCpu> e : end.threads.entrySet()) {
            ProcStats.ThreadCpu before = start.threads.get(e.getKey());
            ProcStats.ThreadCpu after = e.getValue();
            // A thread born inside the window counts from zero.
            long user = after.userNanos() - (before == null ? 0 : before.userNanos());
            long system = after.systemNanos() - (before == null ? 0 : before.systemNanos());
            if (user + system <= 0) {
                continue;
            }
            if (isJitCompiler(after.name())) {
                jit += user + system;
            }
            used.add(new Object[] {after.name(), user, system});
        }
        server.put("jit_us_per_delivery", jit / 1e3 / deliveries);
        used.sort(Comparator.comparingLong((Object[] t) -> (long) t[1] + (long) t[2]).reversed());
        List<Object> busiest = new ArrayList<>();
        for (Object[] t : used.subList(0, Math.min(BUSIEST, used.size()))) {
            long user = (long) t[1];
            long system = (long) t[2];
            Map<String, Object> row = Json.object();
            row.put("thread", t[0]);
            row.put("us_per_delivery", (user + system) / 1e3 / deliveries);
            row.put("system_share", (double) system / (user + system));
            busiest.add(row);
        }
        server.put("busiest_threads", busiest);
    }

    /** HotSpot's compiler threads: "C1 CompilerThread0", "C2 CompilerThread1" (cut to 15 characters by /proc). */
    static boolean isJitCompiler(String threadName) {
        return threadName.startsWith("C1 Compiler") || threadName.startsWith("C2 Compiler");
    }
}
