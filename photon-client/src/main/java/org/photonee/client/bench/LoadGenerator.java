package org.photonee.client.bench;

import java.lang.management.ManagementFactory;
import java.net.URI;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.LongAdder;
import java.util.logging.Logger;
import org.photonee.client.ConnectionSettings;
import org.photonee.client.LoadBalancingClient;
import org.photonee.client.LoadBalancingListener;
import org.photonee.client.PhotonConnection;
import org.photonee.client.RoomOptions;
import org.photonee.client.AuthValues;
import org.photonee.core.peer.SendResult;
import org.photonee.core.protocol.WireFrame;

/**
 * Runs the BENCHMARK.md reference workload with every simulated user in this JVM and produces the result JSON.
 *
 * <p>Phases: join (rooms of K, eight rooms filled at a time, each user the whole way: auth → master → game
 * server), settle, warm-up, window, drain, leave. One pacer thread sends for all users on a drift-free schedule
 * ({@code start + phase + k·period}); a slot missed by a whole period is skipped, never made up in a burst. Every
 * timestamp comes from {@link System#nanoTime()}, the one monotonic clock shared by sender and receivers.
 */
public final class LoadGenerator {
    private static final Logger LOG = Logger.getLogger(LoadGenerator.class.getName());
    /** Event code of benchmark messages. */
    static final int BENCH_EVENT = 1;
    private static final int ROOMS_FILLED_CONCURRENTLY = 8;
    private static final long JOIN_TIMEOUT_S = 30;

    private final BenchConfig config;
    private final ConnectionSettings settings;
    private final RelayFrames frames;
    private final ScheduledExecutorService sendLoop;
    private SendPacer pacer;

    // Measurement state, shared by receiving threads.
    private final LatencyHistogram echo = new LatencyHistogram();
    private final LatencyHistogram delivery = new LatencyHistogram();
    private final LatencyHistogram join = new LatencyHistogram();
    private final LongAdder sentInWindow = new LongAdder();
    private final LongAdder expectedDeliveries = new LongAdder();
    private final LongAdder deliveredOfWindowSends = new LongAdder();
    private final LongAdder deliveredInWindow = new LongAdder();
    private final LongAdder errors = new LongAdder();
    private volatile long windowStart = Long.MAX_VALUE;
    private volatile long windowEnd = Long.MAX_VALUE;
    private volatile boolean running = true;

    public LoadGenerator(BenchConfig config, ConnectionSettings settings) {
        this(config, settings, null);
    }

    /**
     * @param sendLoop where the sends run: the event loop that owns every connection (so each send is a direct write
     *                 on it), or null for a pacer thread of its own (clients without such a loop)
     */
    public LoadGenerator(BenchConfig config, ConnectionSettings settings, ScheduledExecutorService sendLoop) {
        this.config = config;
        this.settings = settings;
        this.sendLoop = sendLoop;
        this.frames = new RelayFrames(BENCH_EVENT, config.ceiling());
    }

    /** One simulated user. */
    private final class User implements LoadBalancingListener {
        final int index;
        final int roomIndex;
        int roomMembers;
        final LoadBalancingClient client;
        volatile PhotonConnection game;
        long phaseNanos;
        int sequence;
        volatile boolean leaving;

        User(int index) {
            this.index = index;
            this.roomIndex = index / config.roomSize();
            if (config.ceiling()) {
                this.client = null; // the ceiling has no Photon flow: a bare connection per user
            } else {
                this.client = new LoadBalancingClient(config.appId(), config.appVersion(), settings);
                client.setAuthValues(AuthValues.user("bench-" + config.seed() + "-" + index));
                client.addListener(this);
            }
        }

        /** Ceiling mode: connects straight to the relay group of this user's room. */
        java.util.concurrent.CompletableFuture<PhotonConnection> openRelay() {
            URI group = URI.create(config.url().toString().replaceAll("/+$", "") + "/" + roomIndex);
            return PhotonConnection.open(group, settings, new PhotonConnection.Listener() {
                @Override
                public void onEvent(org.photonee.core.protocol.EventData event) {
                }

                @Override
                public void onClosed(int code, String reason) {
                    onDisconnected(code, reason);
                }
            });
        }

        /** Ceiling mode: the relay echoes whatever it gets (pings included), so every frame is consumed here. */
        boolean onRelayFrame(WireFrame frame, RelayFrames.Received scratch) {
            onFrame(frame, scratch);
            return true;
        }

        /** Runs on transport threads: reads the relayed message from the bytes and records it. */
        boolean onFrame(WireFrame frame, RelayFrames.Received scratch) {
            if (frame.isText()) {
                return false;
            }
            ByteBuffer b = frame.binary();
            if (!frames.parse(b, scratch)) {
                return false;
            }
            long now = System.nanoTime();
            long sent = scratch.sendNanos;
            if (sent >= windowStart && sent < windowEnd) {
                deliveredOfWindowSends.increment();
                delivery.record(now - sent);
                if (scratch.senderIndex == index) {
                    echo.record(now - sent);
                }
            }
            if (now >= windowStart && now < windowEnd) {
                deliveredInWindow.increment();
            }
            return true;
        }

        void send() {
            PhotonConnection c = game;
            long now = System.nanoTime();
            if (c == null || c.sendFrame(frames.frame(index, sequence++, now)) != SendResult.OK) {
                errors.increment();
                return;
            }
            if (now >= windowStart && now < windowEnd) {
                sentInWindow.increment();
                expectedDeliveries.add(roomMembers);
            }
        }

        @Override
        public void onDisconnected(int closeCode, String reason) {
            if (running && !leaving) {
                LOG.warning("user " + index + " disconnected: " + closeCode + " " + reason);
                errors.increment();
            }
        }
    }

    /** Runs the whole workload and returns the result object (field names as in BENCHMARK.md). */
    public Map<String, Object> run() throws InterruptedException {
        int n = config.clients();
        User[] users = new User[n];
        for (int i = 0; i < n; i++) {
            users[i] = new User(i);
        }
        for (User u : users) {
            int first = u.roomIndex * config.roomSize();
            u.roomMembers = Math.min(config.roomSize(), n - first);
        }

        long joinPhaseNanos = joinAll(users);
        Thread.sleep(config.settleMs());

        long pid = config.serverPid();
        long rssAfterJoin = pid > 0 ? ProcStats.rssKib(pid) : -1;
        AtomicLong rssMax = new AtomicLong(rssAfterJoin);

        // Schedule.
        long period = 1_000_000_000L / config.rateHz();
        Random random = new Random(config.seed());
        for (User u : users) {
            u.phaseNanos = (long) (random.nextDouble() * period);
        }
        User[] ordered = users.clone();
        Arrays.sort(ordered, Comparator.comparingLong(u -> u.phaseNanos));
        long start = System.nanoTime() + 50_000_000L;
        windowStart = start + seconds(config.warmupS());
        windowEnd = windowStart + seconds(config.windowS());

        // Window measurements are taken by a timer at the window edges.
        com.sun.management.OperatingSystemMXBean os =
                (com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
        ServerCpuSample[] serverCpu = new ServerCpuSample[2];
        long[] genCpu = new long[2];
        long self = ProcessHandle.current().pid();
        long[][] genSplit = new long[2][];
        long[][] machine = new long[2][];
        ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor();
        timer.schedule(() -> {
            serverCpu[0] = ServerCpuSample.take(pid);
            genCpu[0] = os.getProcessCpuTime();
            genSplit[0] = ProcStats.processCpuSplitNanos(self);
            machine[0] = ProcStats.machineTicks();
        }, windowStart - System.nanoTime(), TimeUnit.NANOSECONDS);
        if (pid > 0) {
            timer.scheduleAtFixedRate(() -> {
                long now = System.nanoTime();
                if (now >= windowStart && now < windowEnd) {
                    rssMax.accumulateAndGet(ProcStats.rssKib(pid), Math::max);
                }
            }, windowStart - System.nanoTime(), 1_000_000_000L, TimeUnit.NANOSECONDS);
        }

        pace(ordered, start, period, windowEnd);
        // The pacer returns at the window end: take the closing readings now.
        serverCpu[1] = ServerCpuSample.take(pid);
        genCpu[1] = os.getProcessCpuTime();
        genSplit[1] = ProcStats.processCpuSplitNanos(self);
        machine[1] = ProcStats.machineTicks();
        long actualWindow = System.nanoTime() - windowStart;

        Thread.sleep(Math.max(0, (windowEnd + seconds(config.drainS()) - System.nanoTime()) / 1_000_000L));
        running = false;
        timer.shutdownNow();
        leaveAll(users);

        return result(joinPhaseNanos, rssAfterJoin, rssMax.get(), serverCpu, genCpu, genSplit, machine,
                Math.max(actualWindow, seconds(config.windowS())));
    }

    /**
     * Joins every user the whole way, as the measured join phase does, then disconnects them: warms the generator's
     * (and the server's) join path before a measured run. Nothing is recorded.
     */
    public void warmUpJoins() throws InterruptedException {
        User[] users = new User[config.clients()];
        for (int i = 0; i < users.length; i++) {
            users[i] = new User(i);
        }
        joinAll(users);
        running = false;
        leaveAll(users);
    }

    /**
     * The idle-peer memory run: N users join their rooms the whole way and then send nothing; the server's live heap
     * (after a full GC, read with {@code jcmd GC.class_histogram}) before the joins and after them, divided by the
     * peers in rooms, is the memory per idle in-room peer.
     */
    public Map<String, Object> runIdle() throws InterruptedException {
        long pid = config.serverPid();
        if (pid <= 0) {
            throw new IllegalStateException("--idle needs --server-pid");
        }
        int n = config.clients();
        User[] users = new User[n];
        for (int i = 0; i < n; i++) {
            users[i] = new User(i);
        }
        String histBefore = ProcStats.classHistogram(pid);
        long heapBefore = histBefore == null ? -1 : ProcStats.histogramTotalBytes(histBefore);
        long rssBefore = ProcStats.rssKib(pid);
        long joinPhaseNanos = joinAll(users);
        Thread.sleep(Math.max(config.settleMs(), 2000));
        int inRooms = 0;
        for (User u : users) {
            if (u.game != null && u.game.isOpen()) {
                inRooms++;
            }
        }
        String histAfter = ProcStats.classHistogram(pid);
        long heapAfter = histAfter == null ? -1 : ProcStats.histogramTotalBytes(histAfter);
        long rssAfter = ProcStats.rssKib(pid);
        running = false;
        leaveAll(users);

        Map<String, Object> r = Json.object();
        r.put("framework", config.framework());
        r.put("idle_peers", inRooms);
        Map<String, Object> j = Json.object();
        j.put("phase_ms", joinPhaseNanos / 1e6);
        j.put("p50_ms", join.percentileNanos(50) / 1e6);
        j.put("p99_ms", join.percentileNanos(99) / 1e6);
        r.put("join", j);
        r.put("heap_live_bytes_before", heapBefore >= 0 ? heapBefore : null);
        r.put("heap_live_bytes_after", heapAfter >= 0 ? heapAfter : null);
        r.put("heap_bytes_per_peer", heapBefore >= 0 && heapAfter >= 0 && inRooms > 0
                ? (double) (heapAfter - heapBefore) / inRooms : null);
        r.put("heap_top_classes_bytes_per_peer", histBefore == null || histAfter == null || inRooms == 0 ? null
                : topGrowth(ProcStats.histogramBytesByClass(histBefore), ProcStats.histogramBytesByClass(histAfter),
                        inRooms, 20));
        r.put("rss_kib_before", rssBefore >= 0 ? rssBefore : null);
        r.put("rss_kib_after", rssAfter >= 0 ? rssAfter : null);
        r.put("rss_kib_per_peer", rssBefore >= 0 && rssAfter >= 0 && inRooms > 0
                ? (double) (rssAfter - rssBefore) / inRooms : null);
        r.put("errors", errors.sum());
        return r;
    }

    /** The join phase: rooms filled {@value #ROOMS_FILLED_CONCURRENTLY} at a time; returns its duration. */
    private long joinAll(User[] users) throws InterruptedException {
        long joinStart = System.nanoTime();
        ExecutorService roomFillers = Executors.newFixedThreadPool(ROOMS_FILLED_CONCURRENTLY);
        List<Future<?>> fills = new ArrayList<>();
        for (int r = 0; r < config.rooms(); r++) {
            int room = r;
            fills.add(roomFillers.submit(() -> fillRoom(users, room)));
        }
        for (Future<?> f : fills) {
            try {
                f.get();
            } catch (java.util.concurrent.ExecutionException e) {
                errors.increment();
            }
        }
        roomFillers.shutdown();
        return System.nanoTime() - joinStart;
    }

    /** The classes whose live bytes grew most, as bytes per peer, largest first. */
    static Map<String, Object> topGrowth(Map<String, Long> before, Map<String, Long> after, int peers, int limit) {
        Map<String, Object> top = Json.object();
        after.entrySet().stream()
                .map(e -> Map.entry(e.getKey(), e.getValue() - before.getOrDefault(e.getKey(), 0L)))
                .filter(e -> e.getValue() > 0)
                .sorted((a, b) -> Long.compare(b.getValue(), a.getValue()))
                .limit(limit)
                .forEach(e -> top.put(e.getKey(), Math.round(10.0 * e.getValue() / peers) / 10.0));
        return top;
    }

    private void fillRoom(User[] users, int room) {
        int first = room * config.roomSize();
        int last = Math.min(users.length, first + config.roomSize());
        String name = "bench-" + config.seed() + "-" + room;
        if (config.ceiling()) {
            fillRelayGroup(users, first, last);
            return;
        }
        User creator = users[first];
        long t0 = System.nanoTime();
        try {
            connect(creator.client).thenCompose(v -> creator.client.createRoom(name,
                    RoomOptions.defaults().withMaxPlayers(config.roomSize())))
                    .toCompletableFuture().get(JOIN_TIMEOUT_S, TimeUnit.SECONDS);
            joined(creator, t0);
        } catch (Exception e) {
            LOG.warning("room " + name + " could not be created: " + e);
            errors.increment();
            return;
        }
        List<java.util.concurrent.CompletableFuture<?>> joins = new ArrayList<>();
        for (int i = first + 1; i < last; i++) {
            User u = users[i];
            long start = System.nanoTime();
            joins.add(connect(u.client).thenCompose(v -> u.client.joinRoom(name)).toCompletableFuture()
                    .whenComplete((r, e) -> {
                        if (e != null) {
                            LOG.warning("user " + u.index + " could not join " + name + ": " + e);
                            errors.increment();
                        } else {
                            joined(u, start);
                        }
                    }));
        }
        for (java.util.concurrent.CompletableFuture<?> j : joins) {
            try {
                j.get(JOIN_TIMEOUT_S, TimeUnit.SECONDS);
            } catch (Exception e) {
                // counted in whenComplete, or a timeout
                if (!j.isDone()) {
                    errors.increment();
                }
            }
        }
    }

    private void fillRelayGroup(User[] users, int first, int last) {
        List<java.util.concurrent.CompletableFuture<?>> opens = new ArrayList<>();
        for (int i = first; i < last; i++) {
            User u = users[i];
            long start = System.nanoTime();
            opens.add(u.openRelay().whenComplete((c, e) -> {
                if (e != null) {
                    LOG.warning("user " + u.index + " could not connect to the relay: " + e);
                    errors.increment();
                } else {
                    join.record(System.nanoTime() - start);
                    RelayFrames.Received scratch = new RelayFrames.Received();
                    c.setFrameFilter(frame -> u.onRelayFrame(frame, scratch));
                    u.game = c;
                }
            }));
        }
        for (java.util.concurrent.CompletableFuture<?> f : opens) {
            try {
                f.get(JOIN_TIMEOUT_S, TimeUnit.SECONDS);
            } catch (Exception e) {
                if (!f.isDone()) {
                    errors.increment();
                }
            }
        }
    }

    private java.util.concurrent.CompletionStage<Void> connect(LoadBalancingClient c) {
        return config.viaMaster() ? c.connectToMaster(config.url()) : c.connectToRegionMaster(config.url(),
                config.region());
    }

    private void joined(User u, long startNanos) {
        join.record(System.nanoTime() - startNanos);
        PhotonConnection c = u.client.connection();
        RelayFrames.Received scratch = new RelayFrames.Received();
        // One scratch per user: frames of one connection arrive one at a time.
        c.setFrameFilter(frame -> u.onFrame(frame, scratch));
        u.game = c;
    }

    /** The drift-free send schedule for all users (on the send loop if there is one); returns at {@code sendEnd}. */
    private void pace(User[] ordered, long start, long period, long sendEnd) throws InterruptedException {
        long[] phases = new long[ordered.length];
        for (int i = 0; i < ordered.length; i++) {
            phases[i] = ordered[i].phaseNanos;
        }
        pacer = new SendPacer(phases, i -> {
            User u = ordered[i];
            if (u.game != null) {
                u.send();
            }
        }, start, period, sendEnd);
        if (sendLoop == null) {
            pacer.runOnThisThread();
            return;
        }
        try {
            pacer.runOn(sendLoop).get();
        } catch (java.util.concurrent.ExecutionException e) {
            throw new IllegalStateException("the send loop failed", e.getCause());
        }
    }

    private void leaveAll(User[] users) {
        List<java.util.concurrent.CompletableFuture<?>> leaving = new ArrayList<>();
        for (User u : users) {
            u.leaving = true;
            if (u.client != null) {
                leaving.add(u.client.disconnect().toCompletableFuture());
            } else if (u.game != null) {
                PhotonConnection c = u.game;
                c.close();
                leaving.add(c.closed());
            }
        }
        for (java.util.concurrent.CompletableFuture<?> f : leaving) {
            try {
                f.get(5, TimeUnit.SECONDS);
            } catch (Exception e) {
                // leaving is best effort; the server will see the close anyway
            }
        }
    }

    private Map<String, Object> result(long joinPhaseNanos, long rssAfterJoin, long rssMax, ServerCpuSample[] serverCpu,
            long[] genCpu, long[][] genSplit, long[][] machine, long windowNanos) {
        double windowS = windowNanos / 1e9;
        Map<String, Object> r = Json.object();
        r.put("framework", config.framework());
        Map<String, Object> w = Json.object();
        w.put("clients", config.clients());
        w.put("room_size", config.roomSize());
        w.put("rooms", config.rooms());
        w.put("rate_per_client_hz", config.rateHz());
        w.put("payload_bytes", RelayFrames.PAYLOAD_BYTES);
        w.put("warmup_s", number(config.warmupS()));
        w.put("window_s", number(config.windowS()));
        w.put("drain_s", number(config.drainS()));
        w.put("seed", config.seed());
        r.put("workload", w);

        Map<String, Object> j = Json.object();
        j.put("phase_ms", joinPhaseNanos / 1e6);
        j.put("p50_ms", join.percentileNanos(50) / 1e6);
        j.put("p99_ms", join.percentileNanos(99) / 1e6);
        r.put("join", j);

        long sent = sentInWindow.sum();
        long expected = expectedDeliveries.sum();
        long deliveredWindow = deliveredInWindow.sum();
        r.put("sent_msgs_per_s", sent / windowS);
        r.put("delivered_msgs_per_s", deliveredWindow / windowS);
        r.put("delivery_ratio", expected == 0 ? 0.0 : (double) deliveredOfWindowSends.sum() / expected);

        Map<String, Object> e = Json.object();
        e.put("count", echo.count());
        e.put("p50_ms", echo.percentileNanos(50) / 1e6);
        e.put("p90_ms", echo.percentileNanos(90) / 1e6);
        e.put("p99_ms", echo.percentileNanos(99) / 1e6);
        e.put("p999_ms", echo.percentileNanos(99.9) / 1e6);
        e.put("max_ms", echo.maxNanos() / 1e6);
        r.put("echo_rtt", e);

        Double serverPct = null;
        Map<String, Object> s = Json.object();
        s.put("pid", config.serverPid() > 0 ? config.serverPid() : null);
        if (serverCpu[0] != null && serverCpu[1] != null && config.serverPid() > 0) {
            long cpu = serverCpu[1].totalNanos() - serverCpu[0].totalNanos();
            serverPct = 100.0 * cpu / windowNanos;
            s.put("cpu_pct_of_one_core_avg", serverPct);
            s.put("cpu_us_per_delivery", deliveredWindow == 0 ? null : cpu / 1e3 / deliveredWindow);
        } else {
            s.put("cpu_pct_of_one_core_avg", null);
            s.put("cpu_us_per_delivery", null);
        }
        s.put("rss_kib_after_join", rssAfterJoin >= 0 ? rssAfterJoin : null);
        s.put("rss_kib_max_in_window", rssMax >= 0 ? rssMax : null);
        // Beyond BENCHMARK.md's fields: where the server's time went (kernel share, JIT, busiest threads).
        ServerCpuSample.describe(s, serverCpu[0], serverCpu[1], deliveredWindow);
        r.put("server", s);

        double genPct = genCpu[0] >= 0 && genCpu[1] >= 0 ? 100.0 * (genCpu[1] - genCpu[0]) / windowNanos : -1;
        Map<String, Object> l = Json.object();
        l.put("cpu_pct_of_one_core_avg", genPct >= 0 ? genPct : null);
        // The generator's own cost per frame it received: it must stay well under the server's per delivery.
        l.put("cpu_us_per_received_frame", genPct >= 0 && deliveredWindow > 0
                ? (genCpu[1] - genCpu[0]) / 1e3 / deliveredWindow : null);
        // The same split into user and kernel time (from /proc, 10 ms ticks): where the generator's cost lies.
        boolean split = genSplit[0] != null && genSplit[1] != null && deliveredWindow > 0;
        l.put("cpu_user_us_per_received_frame", split
                ? (genSplit[1][0] - genSplit[0][0]) / 1e3 / deliveredWindow : null);
        l.put("cpu_system_us_per_received_frame", split
                ? (genSplit[1][1] - genSplit[0][1]) / 1e3 / deliveredWindow : null);
        l.put("client", settings.connector().getClass().getSimpleName());
        r.put("load_client", l);

        int cpus = ProcStats.machineCpus(); // all of them: /proc/stat busy time is over all, pinned or not
        Map<String, Object> m = Json.object();
        m.put("cpus", cpus);
        if (machine[0] != null && machine[1] != null && machine[1][1] > machine[0][1]) {
            double busyPct = 100.0 * (machine[1][0] - machine[0][0]) / (machine[1][1] - machine[0][1]);
            double other = busyPct * cpus - (serverPct == null ? 0 : serverPct) - Math.max(genPct, 0);
            m.put("cpu_busy_pct_all_cores", busyPct);
            m.put("other_cpu_pct_of_one_core", Math.max(0, other));
            m.put("clean", other <= 15.0);
        } else {
            m.put("cpu_busy_pct_all_cores", null);
            m.put("other_cpu_pct_of_one_core", null);
            m.put("clean", null);
        }
        r.put("machine", m);
        r.put("errors", errors.sum());
        return r;
    }

    /** Not in the JSON (its field list is fixed); printed for whoever runs the generator. */
    public String diagnostics() {
        return String.format(java.util.Locale.ROOT,
                "deliveries of window sends: %d/%d, all-recipient latency p50 %.3f ms p99 %.3f ms max %.3f ms, "
                        + "skipped send slots %d, send lateness p50 %.3f ms p99 %.3f ms max %.3f ms (%s)",
                deliveredOfWindowSends.sum(), expectedDeliveries.sum(), delivery.percentileNanos(50) / 1e6,
                delivery.percentileNanos(99) / 1e6, delivery.maxNanos() / 1e6,
                pacer == null ? 0 : pacer.skippedSlots(),
                pacer == null ? 0 : pacer.lateness().percentileNanos(50) / 1e6,
                pacer == null ? 0 : pacer.lateness().percentileNanos(99) / 1e6,
                pacer == null ? 0 : pacer.lateness().maxNanos() / 1e6,
                sendLoop == null ? "pacer thread" : "sends on the event loop");
    }

    private static long seconds(double s) {
        return (long) (s * 1e9);
    }

    /** Whole seconds as integers, so the workload block reads like BENCHMARK.md's. */
    private static Number number(double v) {
        return v == Math.rint(v) ? (Number) (long) v : (Number) v;
    }
}
