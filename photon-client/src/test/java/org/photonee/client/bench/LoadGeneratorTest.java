package org.photonee.client.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.photonee.client.ConnectionSettings;
import org.photonee.client.FakeLoadBalancing;

class LoadGeneratorTest {
    private static final List<String> TOP = List.of("framework", "workload", "join", "sent_msgs_per_s",
            "delivered_msgs_per_s", "delivery_ratio", "echo_rtt", "server", "load_client", "machine", "errors");

    @Test
    @SuppressWarnings("unchecked")
    void smallRunThroughFakeRelayDeliversEverythingAndUsesBenchmarkFieldNames() throws Exception {
        FakeLoadBalancing fake = new FakeLoadBalancing();
        fake.relay = true;
        ConnectionSettings settings = ConnectionSettings.defaults().withConnector(fake.server)
                .withPingInterval(Duration.ZERO);
        BenchConfig config = new BenchConfig(URI.create("ws://fake:9093/photon/ns"), false, "bench", "1.0", "eu",
                20, 8, 20, 0.2, 1.0, 0.5, 100, 7, null, ProcessHandle.current().pid(), "test");
        LoadGenerator generator = new LoadGenerator(config, settings);
        Map<String, Object> r = generator.run();

        assertEquals(TOP, List.copyOf(r.keySet()));
        assertEquals(List.of("clients", "room_size", "rooms", "rate_per_client_hz", "payload_bytes", "warmup_s",
                "window_s", "drain_s", "seed"), List.copyOf(((Map<String, Object>) r.get("workload")).keySet()));
        assertEquals(List.of("phase_ms", "p50_ms", "p99_ms"),
                List.copyOf(((Map<String, Object>) r.get("join")).keySet()));
        assertEquals(List.of("count", "p50_ms", "p90_ms", "p99_ms", "p999_ms", "max_ms"),
                List.copyOf(((Map<String, Object>) r.get("echo_rtt")).keySet()));
        // BENCHMARK.md's server fields first, then where the time went.
        Map<String, Object> server = (Map<String, Object>) r.get("server");
        assertEquals(List.of("pid", "cpu_pct_of_one_core_avg", "cpu_us_per_delivery", "rss_kib_after_join",
                "rss_kib_max_in_window", "cpu_user_us_per_delivery", "cpu_system_us_per_delivery",
                "jit_us_per_delivery", "busiest_threads"), List.copyOf(server.keySet()));
        // BENCHMARK.md's field first, then the generator's own cost per received frame (all, user, kernel) and which
        // client it ran.
        Map<String, Object> load = (Map<String, Object>) r.get("load_client");
        assertEquals(List.of("cpu_pct_of_one_core_avg", "cpu_us_per_received_frame", "cpu_user_us_per_received_frame",
                "cpu_system_us_per_received_frame", "client"),
                List.copyOf(load.keySet()));
        assertTrue(load.get("cpu_us_per_received_frame") instanceof Double, String.valueOf(load));
        assertEquals(List.of("cpus", "cpu_busy_pct_all_cores", "other_cpu_pct_of_one_core", "clean"),
                List.copyOf(((Map<String, Object>) r.get("machine")).keySet()));

        System.err.println(Json.write(r) + generator.diagnostics());
        assertEquals(0L, r.get("errors"));
        assertEquals(3, ((Map<String, Object>) r.get("workload")).get("rooms"));
        assertEquals(1.0, (double) r.get("delivery_ratio"), 1e-9);
        // 20 users at 20 Hz for a 1 s window.
        double sent = (double) r.get("sent_msgs_per_s");
        assertTrue(sent > 350 && sent < 450, "sent/s " + sent);
        Map<String, Object> echo = (Map<String, Object>) r.get("echo_rtt");
        assertTrue((long) echo.get("count") > 350);
        assertTrue((double) echo.get("p50_ms") > 0);
        // The "server" here is this JVM, so /proc readings exist on Linux.
        assertTrue(((Map<String, Object>) r.get("server")).get("rss_kib_after_join") != null);
        double user = (double) server.get("cpu_user_us_per_delivery");
        double system = (double) server.get("cpu_system_us_per_delivery");
        assertEquals((double) server.get("cpu_us_per_delivery"), user + system, 1e-6);
        assertTrue(!((List<?>) server.get("busiest_threads")).isEmpty(), String.valueOf(server));
    }

    @Test
    void sendsScheduledOnASendLoopKeepTheRateAndEveryDelivery() throws Exception {
        FakeLoadBalancing fake = new FakeLoadBalancing();
        fake.relay = true;
        ConnectionSettings settings = ConnectionSettings.defaults().withConnector(fake.server)
                .withPingInterval(Duration.ZERO);
        BenchConfig config = new BenchConfig(URI.create("ws://fake:9093/photon/ns"), false, "bench", "1.0", "eu",
                20, 8, 20, 0.2, 1.0, 0.5, 100, 7, null, -1, "test");
        java.util.concurrent.ScheduledExecutorService loop =
                java.util.concurrent.Executors.newSingleThreadScheduledExecutor();
        try {
            LoadGenerator generator = new LoadGenerator(config, settings, loop);
            Map<String, Object> r = generator.run();
            assertEquals(0L, r.get("errors"));
            assertEquals(1.0, (double) r.get("delivery_ratio"), 1e-9);
            double sent = (double) r.get("sent_msgs_per_s");
            assertTrue(sent > 350 && sent < 450, "sent/s " + sent);
            assertTrue(generator.diagnostics().contains("sends on the event loop"), generator.diagnostics());
        } finally {
            loop.shutdownNow();
        }
    }

    @Test
    void warmUpJoinsUseRoomsOfTheirOwnAndLeaveThem() throws Exception {
        FakeLoadBalancing fake = new FakeLoadBalancing();
        ConnectionSettings settings = ConnectionSettings.defaults().withConnector(fake.server)
                .withPingInterval(Duration.ZERO);
        BenchConfig config = new BenchConfig(URI.create("ws://fake:9093/photon/ns"), false, "bench", "1.0", "eu",
                16, 8, 20, 0.2, 1.0, 0.5, 100, 7, null, -1, "test");
        new LoadGenerator(config.withSeed(8), settings).warmUpJoins();

        // Two rooms of the warm-up seed, both left: the measured run's rooms (seed 7) are untouched.
        assertEquals(Map.of("bench-8-0", false, "bench-8-1", false), fake.gameRooms());
        assertEquals(3, BenchMain.warmJoins(new String[] {"--url", "ws://x/photon/ns", "--warm-joins", "3"}));
        assertEquals(0, BenchMain.warmJoins(new String[] {"--url", "ws://x/photon/ns"}));
        assertEquals(64, BenchMain.parse(new String[] {"--url", "ws://x/photon/ns", "--warm-joins", "64"})
                .withClients(64).clients());
    }

    @Test
    void jsonIsWellFormedWithNumbersNullsAndStrings() {
        Map<String, Object> o = Json.object();
        o.put("a", 1);
        o.put("b", 0.5);
        o.put("c", null);
        o.put("r", 0.99996);
        o.put("d", "x\"y");
        Map<String, Object> inner = Json.object();
        inner.put("e", true);
        o.put("f", inner);
        String s = Json.write(o).replaceAll("\\s+", "");
        assertEquals("{\"a\":1,\"b\":0.5,\"c\":null,\"r\":0.99996,\"d\":\"x\\\"y\",\"f\":{\"e\":true}}", s);
    }

    @Test
    void commandLineParsesReferenceDefaults() {
        BenchConfig c = BenchMain.parse(new String[] {"--url", "ws://127.0.0.1:8080/photon/ns", "--seed", "3"});
        assertEquals(200, c.clients());
        assertEquals(8, c.roomSize());
        assertEquals(25, c.rooms());
        assertEquals(10, c.rateHz());
        assertEquals(5.0, c.warmupS());
        assertEquals(20.0, c.windowS());
        assertEquals(2.0, c.drainS());
        assertEquals(3, c.seed());
    }

    @Test
    void classHistogramTotalIsReadFromItsLastColumn() {
        String histogram = " num     #instances         #bytes  class name (module)\n"
                + "-------------------------------------------------------\n"
                + "   1:         12345        1048576  [B (java.base@21)\n"
                + "Total        234567       45678912\n";
        assertEquals(45678912L, ProcStats.histogramTotalBytes(histogram));
        assertEquals(-1L, ProcStats.histogramTotalBytes("no histogram here"));
    }

    @Test
    void machineCpusCountsAllCpusNotThisProcessAffinity() {
        // Pinned with taskset, availableProcessors() is 1; the machine's busy time is over every CPU.
        assertTrue(ProcStats.machineCpus() >= Runtime.getRuntime().availableProcessors());
    }

    @Test
    void heapGrowthPerPeerIsReadFromTwoHistograms() {
        String before = "   1:   10   1000  [B (java.base@21)\n   2:    5    200  java.lang.String (java.base@21)\nTotal 15 1200\n";
        String after = "   1:  110  41000  [B (java.base@21)\n   2:    5    200  java.lang.String (java.base@21)\n"
                + "   3:   10   3000  org.photonee.core.room.Actor\nTotal 125 44200\n";
        Map<String, Object> top = LoadGenerator.topGrowth(ProcStats.histogramBytesByClass(before),
                ProcStats.histogramBytesByClass(after), 10, 5);
        assertEquals(List.of("[B", "org.photonee.core.room.Actor"), List.copyOf(top.keySet()));
        assertEquals(4000.0, top.get("[B"));
        assertEquals(300.0, top.get("org.photonee.core.room.Actor"));
    }
}
