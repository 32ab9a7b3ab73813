package org.photonee.client.bench;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.photonee.client.AuthValues;
import org.photonee.client.ClientState;
import org.photonee.client.LoadBalancingClient;
import org.photonee.client.RaiseEventOptions;
import org.photonee.client.RoomOptions;
import org.photonee.core.codes.JoinMode;

/**
 * The soak: {@code users} players in rooms of {@code roomSize} for {@code minutes}, with churn. Every player raises an
 * event every two seconds; every second a few players leave and rejoin (as inactive actors), a few drop their
 * connection and come back through the name server, and a few write room and player properties. One room in ten is
 * persistent (PlayerTTL -1), so its saves reach the database. Once a minute it samples the server: live heap after a
 * full GC, RSS, threads, open file descriptors, and the database rows the admin API lists (games, saved rooms). The
 * run fails when any of them grows without bound ({@link GrowthCheck}) or players saw errors beyond a small share.
 */
public final class SoakRun {
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    private final URI nameServer;
    private final URI adminApi;
    private final long serverPid;
    private final int users;
    private final int roomSize;
    private final int minutes;
    private final List<LoadBalancingClient> clients = new ArrayList<>();
    private final List<String> roomOf = new ArrayList<>();
    private final AtomicLong errors = new AtomicLong();
    /** Errors by step and cause, so a failed run says what failed (a harness race, a timeout, a server code). */
    private final java.util.concurrent.ConcurrentHashMap<String, AtomicLong> errorKinds =
            new java.util.concurrent.ConcurrentHashMap<>();
    private final AtomicLong churned = new AtomicLong();
    private final ExecutorService work = Executors.newFixedThreadPool(16);
    private final SplittableRandom random = new SplittableRandom(1);
    /**
     * In every room name: the server's database outlives a run (the bench keeps its run directory), and a persistent
     * room of an earlier run would come back full of that run's actors.
     */
    private final String runId = Long.toString(System.currentTimeMillis(), 36);
    /** Players with a churn step in flight: a second step on the same player would race the first. */
    private final java.util.Set<Integer> busy = java.util.concurrent.ConcurrentHashMap.newKeySet();

    public SoakRun(URI nameServer, URI adminApi, long serverPid, int users, int roomSize, int minutes) {
        this.nameServer = nameServer;
        this.adminApi = adminApi;
        this.serverPid = serverPid;
        this.users = users;
        this.roomSize = roomSize;
        this.minutes = minutes;
    }

    public Map<String, Object> run() throws Exception {
        fill();
        ScheduledExecutorService timers = Executors.newScheduledThreadPool(2);
        timers.scheduleAtFixedRate(this::raiseSome, 100, 100, TimeUnit.MILLISECONDS);
        timers.scheduleAtFixedRate(this::churn, 1, 1, TimeUnit.SECONDS);
        List<Map<String, Object>> samples = new ArrayList<>();
        long start = System.nanoTime();
        for (int minute = 0; minute <= minutes; minute++) {
            long due = start + TimeUnit.MINUTES.toNanos(minute);
            long wait = due - System.nanoTime();
            if (wait > 0) {
                TimeUnit.NANOSECONDS.sleep(wait);
            }
            Map<String, Object> s = sample(minute);
            samples.add(s);
            System.err.println("soak " + s);
        }
        timers.shutdownNow();
        Map<String, Object> result = verdict(samples);
        clients.forEach(LoadBalancingClient::close);
        work.shutdownNow();
        return result;
    }

    private void fill() throws Exception {
        List<CompletableFuture<Void>> joins = new ArrayList<>();
        for (int u = 0; u < users; u++) {
            LoadBalancingClient c = new LoadBalancingClient("soak", "1.0");
            c.setAuthValues(AuthValues.user("soak-" + u));
            clients.add(c);
            int room = u / roomSize;
            roomOf.add("soak-" + runId + "-room-" + room);
        }
        for (int r = 0; r * roomSize < users; r++) {
            int first = r * roomSize;
            RoomOptions options = RoomOptions.defaults().withMaxPlayers(roomSize)
                    .withPlayerTtl(r % 10 == 0 ? -1 : 60_000);
            joins.add(CompletableFuture.runAsync(() -> {
                for (int u = first; u < Math.min(users, first + roomSize); u++) {
                    LoadBalancingClient c = clients.get(u);
                    String room = roomOf.get(u);
                    try {
                        c.connectToRegionMaster(nameServer, "eu").toCompletableFuture().get(30, TimeUnit.SECONDS);
                        c.joinRoom(room, JoinMode.CREATE_IF_NOT_EXISTS, options).toCompletableFuture()
                                .get(30, TimeUnit.SECONDS);
                    } catch (Exception e) {
                        failed("join", e);
                    }
                }
            }, work));
        }
        CompletableFuture.allOf(joins.toArray(new CompletableFuture[0])).get(15, TimeUnit.MINUTES);
        System.err.println("soak: " + users + " users joined, " + errors.get() + " errors");
    }

    /** A twentieth of the players each tick: every player about every two seconds. */
    private void raiseSome() {
        for (int i = 0; i < users / 20; i++) {
            LoadBalancingClient c = clients.get(random.nextInt(users));
            if (c.state() == ClientState.Joined) {
                c.raiseEvent(1, System.nanoTime(), RaiseEventOptions.DEFAULT);
            }
        }
    }

    /** Each second: leave-and-rejoin, drop-and-come-back, and property writes, a few players each. */
    private void churn() {
        int share = Math.max(1, users / 400);
        for (int i = 0; i < share; i++) {
            int u = random.nextInt(users);
            work.execute(() -> leaveAndRejoin(u));
            int v = random.nextInt(users);
            work.execute(() -> dropAndComeBack(v));
            int w = random.nextInt(users);
            work.execute(() -> writeProperties(w));
        }
    }

    /** One churn step of a joined user, waiting on the client (never on a server fiber). */
    private interface Step {
        void run(LoadBalancingClient c) throws Exception;
    }

    private void leaveAndRejoin(int u) {
        step(u, "leave-rejoin", true, c -> {
            c.leaveRoom(true).toCompletableFuture().get(30, TimeUnit.SECONDS);
            c.joinRoom(roomOf.get(u), JoinMode.REJOIN_ONLY, null).toCompletableFuture().get(30, TimeUnit.SECONDS);
        });
    }

    private void dropAndComeBack(int u) {
        step(u, "drop-reconnect", true, c -> {
            c.disconnect().toCompletableFuture().get(30, TimeUnit.SECONDS);
            c.connectToRegionMaster(nameServer, "eu").toCompletableFuture().get(30, TimeUnit.SECONDS);
            c.joinRoom(roomOf.get(u), JoinMode.REJOIN_OR_JOIN, null).toCompletableFuture()
                    .get(30, TimeUnit.SECONDS);
        });
    }

    private void writeProperties(int u) {
        step(u, "properties", false, c -> {
            c.setRoomProperties(Map.of("turn", random.nextInt(1000)), null).toCompletableFuture()
                    .get(30, TimeUnit.SECONDS);
            c.setPlayerProperties(c.currentRoom().localActorNr(), Map.of("score", random.nextInt(1000)), null)
                    .toCompletableFuture().get(30, TimeUnit.SECONDS);
        });
    }

    /**
     * Runs a step for user {@code u} unless another step of that user is under way or it is not in its room; a
     * failure is counted under {@code name}, a success (when {@code counted}) as one churn op.
     */
    private void step(int u, String name, boolean counted, Step step) {
        if (!busy.add(u)) {
            return;
        }
        try {
            LoadBalancingClient c = clients.get(u);
            if (c.state() != ClientState.Joined) {
                return;
            }
            try {
                step.run(c);
                if (counted) {
                    churned.incrementAndGet();
                }
            } catch (Exception e) {
                failed(name, e);
            }
        } finally {
            busy.remove(u);
        }
    }

    private void failed(String step, Exception e) {
        errors.incrementAndGet();
        Throwable cause = e instanceof java.util.concurrent.ExecutionException && e.getCause() != null
                ? e.getCause() : e;
        String message = String.valueOf(cause.getMessage());
        String kind = step + ": " + cause.getClass().getSimpleName() + " "
                + (message.length() > 80 ? message.substring(0, 80) : message);
        errorKinds.computeIfAbsent(kind, x -> new AtomicLong()).incrementAndGet();
    }

    private Map<String, Object> sample(int minute) {
        Map<String, Object> s = new LinkedHashMap<>();
        s.put("minute", minute);
        s.put("live_heap_bytes", ProcStats.liveHeapBytes(serverPid));
        s.put("rss_kib", ProcStats.rssKib(serverPid));
        s.put("threads", threads(serverPid));
        s.put("fds", fds(serverPid));
        s.put("game_rows", rows("admin/games", "\"gameId\""));
        s.put("room_state_rows", rows("admin/rooms", "\"gameId\""));
        s.put("joined_users", clients.stream().filter(c -> c.state() == ClientState.Joined).count());
        s.put("churn_ops", churned.get());
        s.put("errors", errors.get());
        return s;
    }

    private Map<String, Object> verdict(List<Map<String, Object>> samples) {
        Map<String, Long> slack = new LinkedHashMap<>();
        slack.put("live_heap_bytes", 32L << 20);
        slack.put("threads", 20L);
        slack.put("fds", 100L);
        slack.put("game_rows", (long) Math.max(10, users / roomSize / 10));
        slack.put("room_state_rows", (long) Math.max(10, users / roomSize / 10));
        List<String> unbounded = new ArrayList<>();
        Map<String, Object> growth = new LinkedHashMap<>();
        slack.forEach((key, allowed) -> {
            List<Long> series = samples.stream().map(s -> ((Number) s.get(key)).longValue()).toList();
            long g = GrowthCheck.growth(series, allowed);
            growth.put(key, g);
            if (g > allowed) {
                unbounded.add(key);
            }
        });
        Map<String, Object> result = new LinkedHashMap<>();
        result.put("users", users);
        result.put("room_size", roomSize);
        result.put("minutes", minutes);
        result.put("samples", samples);
        result.put("growth_late_over_early", growth);
        result.put("unbounded", unbounded);
        result.put("churn_ops", churned.get());
        result.put("errors", errors.get());
        Map<String, Object> kinds = new java.util.TreeMap<>();
        errorKinds.forEach((kind, n) -> kinds.put(kind, n.get()));
        result.put("error_kinds", kinds);
        // Churn meets the server's own limits now and then (a rejoin racing a TTL); more than 1 % is a fault.
        boolean tooManyErrors = errors.get() > Math.max(10, (churned.get() + users) / 100);
        result.put("passed", unbounded.isEmpty() && !tooManyErrors);
        return result;
    }

    private static long threads(long pid) {
        try {
            for (String line : Files.readAllLines(Path.of("/proc/" + pid + "/status"))) {
                if (line.startsWith("Threads:")) {
                    return Long.parseLong(line.substring(8).trim());
                }
            }
        } catch (IOException | NumberFormatException e) {
            return -1;
        }
        return -1;
    }

    private static long fds(long pid) {
        String[] fds = new java.io.File("/proc/" + pid + "/fd").list();
        return fds == null ? -1 : fds.length;
    }

    private long rows(String path, String marker) {
        try {
            String body = HTTP.send(HttpRequest.newBuilder(adminApi.resolve(path)).timeout(Duration.ofSeconds(30))
                    .build(), HttpResponse.BodyHandlers.ofString()).body();
            long n = 0;
            for (int i = body.indexOf(marker); i >= 0; i = body.indexOf(marker, i + 1)) {
                n++;
            }
            return n;
        } catch (IOException e) {
            return -1;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return -1;
        }
    }
}
