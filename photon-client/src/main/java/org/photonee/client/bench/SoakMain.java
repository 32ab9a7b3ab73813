package org.photonee.client.bench;

import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * Command line of the soak ({@code ./photon bench --soak MINUTES}):
 * <pre>
 * java -cp ... org.photonee.client.bench.SoakMain --url ws://127.0.0.1:8095/photon/ns \
 *   --admin http://127.0.0.1:8095/photon/api/ --server-pid PID --minutes 30 [--users 2000] [--room-size 8]
 *   [--out soak.json]
 * </pre>
 * Exit code 0 when nothing grew without bound, 2 when something did, 1 on bad arguments.
 */
public final class SoakMain {
    private SoakMain() {
    }

    public static void main(String[] args) throws Exception {
        URI url = null;
        URI admin = null;
        long pid = -1;
        int minutes = 0;
        int users = 2000;
        int roomSize = 8;
        Path out = null;
        for (int i = 0; i + 1 < args.length; i += 2) {
            switch (args[i]) {
                case "--url" -> url = URI.create(args[i + 1]);
                case "--admin" -> admin = URI.create(args[i + 1]);
                case "--server-pid" -> pid = Long.parseLong(args[i + 1]);
                case "--minutes" -> minutes = Integer.parseInt(args[i + 1]);
                case "--users" -> users = Integer.parseInt(args[i + 1]);
                case "--room-size" -> roomSize = Integer.parseInt(args[i + 1]);
                case "--out" -> out = Path.of(args[i + 1]);
                default -> {
                    System.err.println("unknown option " + args[i]);
                    System.exit(1);
                }
            }
        }
        if (url == null || admin == null || pid <= 0 || minutes < 2 || users < roomSize) {
            System.err.println("usage: SoakMain --url NS --admin API/ --server-pid PID --minutes M (at least 2) "
                    + "[--users N] [--room-size K] [--out FILE]");
            System.exit(1);
        }
        Map<String, Object> result = new SoakRun(url, admin, pid, users, roomSize, minutes).run();
        String json = Json.write(result);
        if (out != null) {
            Files.createDirectories(out.toAbsolutePath().getParent());
            Files.writeString(out, json);
        }
        System.out.println(json);
        printTable(result);
        System.exit(Boolean.TRUE.equals(result.get("passed")) ? 0 : 2);
    }

    @SuppressWarnings("unchecked")
    private static void printTable(Map<String, Object> result) {
        System.err.println("| minute | live heap MiB | RSS MiB | threads | fds | game rows | room-state rows "
                + "| joined | churn ops | errors |");
        System.err.println("|---|---|---|---|---|---|---|---|---|---|");
        for (Map<String, Object> s : (List<Map<String, Object>>) result.get("samples")) {
            System.err.printf("| %s | %.1f | %.1f | %s | %s | %s | %s | %s | %s | %s |%n", s.get("minute"),
                    ((Number) s.get("live_heap_bytes")).longValue() / 1048576.0,
                    ((Number) s.get("rss_kib")).longValue() / 1024.0, s.get("threads"), s.get("fds"),
                    s.get("game_rows"), s.get("room_state_rows"), s.get("joined_users"), s.get("churn_ops"),
                    s.get("errors"));
        }
        System.err.println("growth (late half min - early half max): " + result.get("growth_late_over_early")
                + "; unbounded: " + result.get("unbounded") + "; passed: " + result.get("passed"));
        System.err.println("errors by kind: " + result.get("error_kinds"));
    }
}
