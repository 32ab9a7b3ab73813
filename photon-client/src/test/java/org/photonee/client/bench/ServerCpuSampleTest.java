package org.photonee.client.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ServerCpuSampleTest {
    private static final long MS = 1_000_000L;

    @Test
    @SuppressWarnings("unchecked")
    void splitsTheWindowsTimeIntoKernelJitAndBusiestThreads() {
        ServerCpuSample start = new ServerCpuSample(100 * MS, 200 * MS, Map.of(
                1L, new ProcStats.ThreadCpu("loop", 50 * MS, 150 * MS),
                2L, new ProcStats.ThreadCpu("C2 CompilerThre", 40 * MS, 0),
                3L, new ProcStats.ThreadCpu("idle timer", 10 * MS, 0)));
        ServerCpuSample end = new ServerCpuSample(200 * MS, 500 * MS, Map.of(
                1L, new ProcStats.ThreadCpu("loop", 110 * MS, 430 * MS),
                2L, new ProcStats.ThreadCpu("C2 CompilerThre", 60 * MS, 0),
                3L, new ProcStats.ThreadCpu("idle timer", 10 * MS, 0),
                4L, new ProcStats.ThreadCpu("C1 CompilerThre", 20 * MS, 20 * MS))); // born in the window

        Map<String, Object> server = new LinkedHashMap<>();
        ServerCpuSample.describe(server, start, end, 100_000);

        assertEquals(1.0, (double) server.get("cpu_user_us_per_delivery"), 1e-9);
        assertEquals(3.0, (double) server.get("cpu_system_us_per_delivery"), 1e-9);
        assertEquals(0.6, (double) server.get("jit_us_per_delivery"), 1e-9); // 20 ms of C2 + 40 ms of the new C1
        List<Map<String, Object>> busiest = (List<Map<String, Object>>) server.get("busiest_threads");
        assertEquals(List.of("loop", "C1 CompilerThre", "C2 CompilerThre"),
                busiest.stream().map(t -> t.get("thread")).toList()); // the idle timer used nothing
        assertEquals(3.4, (double) busiest.get(0).get("us_per_delivery"), 1e-9);
        assertEquals(280.0 / 340.0, (double) busiest.get(0).get("system_share"), 1e-9);
    }

    @Test
    void anUnreadableServerLeavesTheFieldsEmpty() {
        Map<String, Object> server = new LinkedHashMap<>();
        ServerCpuSample.describe(server, null, null, 100);
        assertNull(server.get("cpu_system_us_per_delivery"));
        assertEquals(List.of(), server.get("busiest_threads"));
        assertNull(ServerCpuSample.take(-1));
    }

    @Test
    void readsThisProcesssThreads() {
        ServerCpuSample self = ServerCpuSample.take(ProcessHandle.current().pid());
        assertEquals(true, self != null && !self.threads().isEmpty(), String.valueOf(self));
    }
}
