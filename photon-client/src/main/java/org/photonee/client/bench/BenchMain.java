package org.photonee.client.bench;

import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.photonee.client.ConnectionSettings;
import org.photonee.netty.client.NettyWebSocketConnector;

/**
 * Command line of the load generator:
 * <pre>
 * java -cp photon-client.jar:photon-core.jar org.photonee.client.bench.BenchMain \
 *   --url ws://127.0.0.1:8080/photon/ns [--via-master | --ceiling] [--clients 200] [--room-size 8] [--rate 10] \
 *   [--warmup 5] [--window 20] [--drain 2] [--seed 1] [--server-pid PID] [--out result.json] \
 *   [--app-id bench] [--app-version 1.0] [--region eu] [--framework photon-ee]
 * </pre>
 * Users connect with a Netty client on one event loop (cheap per frame); {@code --jdk-client} uses the
 * {@code java.net.http} client instead (the earlier generator, 20–25 µs per received frame).
 * With {@code --idle}, users join and stay idle, and the result is the server's live heap per idle in-room peer.
 * With {@code --ceiling}, {@code --url} is the bare relay ({@code ws://127.0.0.1:8080/photon/bench/relay}, on a
 * server started with {@code -Dphoton.bench.relay=true}) and users connect straight to it, group by group.
 * Writes the result JSON to {@code --out} and stdout; diagnostics go to stderr. Exit code 0 when the run had no
 * errors, 2 when it had some, 1 on bad arguments.
 */
public final class BenchMain {
    private BenchMain() {
    }

    public static void main(String[] args) throws Exception {
        BenchConfig config;
        try {
            config = parse(args);
        } catch (IllegalArgumentException e) {
            System.err.println(e.getMessage());
            System.err.println("usage: BenchMain --url ws://host:port/photon/ns [--via-master | --ceiling] [--idle] "
                    + "[--clients N] "
                    + "[--room-size K] [--rate HZ] [--warmup S] [--window S] [--drain S] [--seed S] "
                    + "[--server-pid PID] [--out FILE] [--app-id ID] [--app-version V] [--region R] "
                    + "[--framework NAME] [--jdk-client] [--warm-joins N] [--udp-port N]");
            System.exit(1);
            return;
        }
        ConnectionSettings settings = ConnectionSettings.defaults();
        NettyWebSocketConnector netty = null;
        int udpIndex = java.util.List.of(args).indexOf("--udp-port");
        if (udpIndex >= 0 && udpIndex + 1 < args.length) {
            // Photon's reliable UDP: the ns URL's role picks the first UDP port, then handed-out UDP addresses.
            settings = settings.withUdp(Integer.parseInt(args[udpIndex + 1]));
        } else if (!java.util.List.of(args).contains("--jdk-client")) {
            // One event loop for every user: the generator runs pinned on one core (BENCHMARK.md).
            netty = new NettyWebSocketConnector(1, settings.limits().maxMessageSize(), daemonThreads());
            settings = settings.withConnector(netty);
        }
        int warmJoins = warmJoins(args);
        if (warmJoins > 0) {
            // The generator's own JIT warm-up: a fresh JVM joining 200 users spends more CPU than its core has
            // (profiled: 2.3 s of generator CPU in a 2.2 s join phase), so a cold generator measures itself. These
            // users join rooms of their own (another seed's names), leave, and are not recorded.
            new LoadGenerator(config.withClients(warmJoins).withSeed(config.seed() + 1_000_003L), settings)
                    .warmUpJoins();
        }
        // With the Netty client, sends run on its one event loop: a direct write there, no pacer thread to wake.
        LoadGenerator generator = new LoadGenerator(config, settings, netty == null ? null : netty.eventLoop());
        Map<String, Object> result = java.util.List.of(args).contains("--idle") ? generator.runIdle()
                : generator.run();
        result.put("generator_warm_joins", warmJoins);
        String json = Json.write(result);
        if (config.out() != null) {
            write(config.out(), json);
        }
        System.out.print(json);
        System.err.println(generator.diagnostics());
        System.exit(((Number) result.get("errors")).longValue() == 0 ? 0 : 2);
    }

    /** {@code --warm-joins N}: users joined and left, unrecorded, before the measured run (default 0). */
    static int warmJoins(String[] args) {
        for (int i = 0; i + 1 < args.length; i++) {
            if (args[i].equals("--warm-joins")) {
                int n = Integer.parseInt(args[i + 1]);
                if (n < 0) {
                    throw new IllegalArgumentException("--warm-joins must be 0 or more, got " + n);
                }
                return n;
            }
        }
        return 0;
    }

    private static java.util.concurrent.ThreadFactory daemonThreads() {
        return r -> {
            Thread t = new Thread(r, "bench-netty");
            t.setDaemon(true);
            return t;
        };
    }

    private static void write(Path out, String json) throws IOException {
        Path parent = out.toAbsolutePath().getParent();
        if (parent != null) {
            Files.createDirectories(parent);
        }
        Files.writeString(out, json);
    }

    static BenchConfig parse(String[] args) {
        BenchConfig c = null;
        URI url = null;
        boolean viaMaster = false;
        boolean ceiling = false;
        String appId = "bench";
        String appVersion = "1.0";
        String region = "eu";
        int clients = 200;
        int roomSize = 8;
        int rate = 10;
        double warmup = 5;
        double window = 20;
        double drain = 2;
        long seed = 1;
        Path out = null;
        long pid = -1;
        String framework = null;
        for (int i = 0; i < args.length; i++) {
            String a = args[i];
            if (a.equals("--via-master")) {
                viaMaster = true;
                continue;
            }
            if (a.equals("--jdk-client")) {
                continue; // read by main: the java.net.http client instead of Netty
            }
            if (a.equals("--idle")) {
                continue; // read by main: the idle-peer memory run
            }
            if (a.equals("--ceiling")) {
                ceiling = true;
                continue;
            }
            if (i + 1 >= args.length) {
                throw new IllegalArgumentException("missing value for " + a);
            }
            String v = args[++i];
            if (a.equals("--udp-port")) {
                continue; // read by main: the UDP client
            }
            switch (a) {
                case "--url" -> url = URI.create(v);
                case "--clients" -> clients = Integer.parseInt(v);
                case "--room-size" -> roomSize = Integer.parseInt(v);
                case "--rate" -> rate = Integer.parseInt(v);
                case "--warmup" -> warmup = Double.parseDouble(v);
                case "--window" -> window = Double.parseDouble(v);
                case "--drain" -> drain = Double.parseDouble(v);
                case "--seed" -> seed = Long.parseLong(v);
                case "--out" -> out = Path.of(v);
                case "--server-pid" -> pid = Long.parseLong(v);
                case "--app-id" -> appId = v;
                case "--app-version" -> appVersion = v;
                case "--region" -> region = v;
                case "--framework" -> framework = v;
                case "--warm-joins" -> warmJoins(new String[] {a, v}); // read by main; checked here
                default -> throw new IllegalArgumentException("unknown option " + a);
            }
        }
        if (url == null) {
            throw new IllegalArgumentException("--url is required");
        }
        if (clients <= 0 || roomSize <= 0 || roomSize > 255 || rate <= 0 || window <= 0) {
            throw new IllegalArgumentException("clients, room size (1..255), rate and window must be positive");
        }
        c = new BenchConfig(url, viaMaster, appId, appVersion, region, clients, roomSize, rate, warmup, window, drain,
                1000, seed, out, pid, framework != null ? framework : ceiling ? "photon-ee-bare-relay" : "photon-ee",
                ceiling);
        return c;
    }
}
