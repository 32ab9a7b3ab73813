package org.photonee.core.game;

import org.photonee.core.auth.AuthToken;
import org.photonee.core.codec.protocol16.GpBinaryV16Protocol;
import org.photonee.core.codes.OperationCode;
import org.photonee.core.codes.ParameterCode;
import org.photonee.core.codes.ReceiverGroup;
import org.photonee.core.fiber.PoolFiber;
import org.photonee.core.peer.Connection;
import org.photonee.core.peer.ExceptionHandler;
import org.photonee.core.peer.InitRequest;
import org.photonee.core.peer.PeerBase;
import org.photonee.core.peer.PeerEnvironment;
import org.photonee.core.peer.PeerSettings;
import org.photonee.core.peer.SendParameters;
import org.photonee.core.peer.SendResult;
import org.photonee.core.protocol.OperationRequest;
import org.photonee.core.protocol.Parameters;
import org.photonee.core.protocol.ProtocolLimits;
import org.photonee.core.protocol.WireFrame;
import org.photonee.core.room.InMemoryRoomStateStore;
import org.photonee.core.s2s.GameStateListener;

import java.lang.management.ManagementFactory;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.atomic.AtomicLong;

/**
 * In-process relay cost of one room: 8 actors over Protocol16, RaiseEvent with a 64-byte payload to
 * ReceiverGroup.All, driven straight into the peers (no sockets), counting the frames the room hands to the
 * connections. Reports events/s through the room fiber, deliveries/s and bytes allocated per event (all threads).
 * Not a test: run with
 * {@code ./mvnw -q -pl photon-core test-compile exec:java -Dexec.classpathScope=test
 * -Dexec.mainClass=org.photonee.core.game.RoomRelayBenchmark [-Dexec.args=2000000]}.
 */
public final class RoomRelayBenchmark {
    private static final int ACTORS = 8;

    /** Counts what the room sends; never blocks. */
    static final class CountingConnection implements Connection {
        final AtomicLong frames = new AtomicLong();
        private final String id;

        CountingConnection(String id) {
            this.id = id;
        }

        @Override
        public String id() {
            return id;
        }

        @Override
        public String remoteAddress() {
            return "bench";
        }

        @Override
        public boolean isOpen() {
            return true;
        }

        @Override
        public SendResult send(WireFrame frame, SendParameters sendParameters) {
            frames.incrementAndGet();
            return SendResult.OK;
        }

        @Override
        public void close(int closeCode, String reason) {
        }
    }

    public static void main(String[] args) throws Exception {
        long events = args.length > 0 ? Long.parseLong(args[0]) : 1_000_000;
        ExecutorService pool = Executors.newFixedThreadPool(2);
        ScheduledExecutorService timers = Executors.newSingleThreadScheduledExecutor();
        PeerSettings unlimited = new PeerSettings(ProtocolLimits.DEFAULTS, 0, 1, 0, Long.MAX_VALUE);
        PeerEnvironment env = new PeerEnvironment(name -> new PoolFiber(name, pool, timers), unlimited,
                ExceptionHandler.DEFAULT);
        FakeTokenCodec tokens = new FakeTokenCodec();
        GameServerApplication app = new GameServerApplication(env, tokens, GameStateListener.NONE,
                new InMemoryRoomStateStore(), GameServerSettings.DEFAULTS);
        app.start();
        GpBinaryV16Protocol protocol = new GpBinaryV16Protocol();

        List<PeerBase> peers = new ArrayList<>();
        List<CountingConnection> connections = new ArrayList<>();
        long now = System.currentTimeMillis();
        for (int i = 1; i <= ACTORS; i++) {
            CountingConnection c = new CountingConnection("c" + i);
            PeerBase peer = app.connect(new InitRequest(c, protocol, "game", "app", null, null));
            String token = tokens.encode(new AuthToken("u" + i, "app", "1.0", "s" + i, now, now + 3_600_000,
                    now + 86_400_000, "bench", Map.of()));
            peer.receive(protocol.encode(new OperationRequest(OperationCode.AUTHENTICATE, Parameters.of(
                    ParameterCode.TOKEN, token, ParameterCode.USER_ID, "u" + i), false)));
            awaitFrames(c, 1);
            peer.receive(protocol.encode(new OperationRequest(i == 1 ? OperationCode.CREATE_GAME
                    : OperationCode.JOIN_GAME, Parameters.of(ParameterCode.GAME_ID, "bench"), false)));
            awaitFrames(c, 2);
            peers.add(peer);
            connections.add(c);
        }
        Thread.sleep(200); // join events settle
        long baseline = total(connections);

        WireFrame[] raise = new WireFrame[ACTORS];
        for (int i = 0; i < ACTORS; i++) {
            raise[i] = protocol.encode(new OperationRequest(OperationCode.RAISE_EVENT, Parameters.of(
                    ParameterCode.CODE, (byte) 1, ParameterCode.DATA, new byte[64],
                    ParameterCode.RECEIVER_GROUP, (byte) ReceiverGroup.ALL), false));
        }
        long allocatedBefore = allocatedBytes();
        long cpuBefore = processCpuNanos();
        long start = System.nanoTime();
        long window = 20_000;
        for (long n = 0; n < events; n++) {
            peers.get((int) (n % ACTORS)).receive(WireFrame.binary(raise[(int) (n % ACTORS)].binary()));
            if (n % 1000 == 0) {
                // Keep at most `window` events in flight so the queues measure throughput, not memory.
                while ((n - (total(connections) - baseline) / ACTORS) > window) {
                    Thread.onSpinWait();
                }
            }
        }
        long expected = baseline + events * ACTORS;
        while (total(connections) < expected) {
            Thread.onSpinWait();
        }
        long elapsed = System.nanoTime() - start;
        long cpu = processCpuNanos() - cpuBefore;
        long allocated = allocatedBytes() - allocatedBefore;
        double seconds = elapsed / 1e9;
        System.out.printf("events=%d actors=%d time=%.2fs%n", events, ACTORS, seconds);
        System.out.printf("events/s through the room fiber: %.0f%n", events / seconds);
        System.out.printf("deliveries/s: %.0f%n", events * ACTORS / seconds);
        System.out.printf("CPU per delivery: %.2f us (process CPU, incl. the driver thread and the decode)%n",
                cpu / 1e3 / (events * ACTORS));
        System.out.printf("allocated per event: %d bytes (all threads)%n", allocated / events);
        app.stop();
        Thread.sleep(500); // let the peers' disconnects reach their rooms before the executors go
        pool.shutdownNow();
        timers.shutdownNow();
    }

    private static void awaitFrames(CountingConnection c, long n) throws InterruptedException {
        long deadline = System.nanoTime() + 5_000_000_000L;
        while (c.frames.get() < n) {
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("no answer on " + c.id());
            }
            Thread.sleep(1);
        }
    }

    private static long total(List<CountingConnection> connections) {
        long t = 0;
        for (CountingConnection c : connections) {
            t += c.frames.get();
        }
        return t;
    }

    private static long allocatedBytes() {
        com.sun.management.ThreadMXBean threads = (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
        long sum = 0;
        for (long id : threads.getAllThreadIds()) {
            long b = threads.getThreadAllocatedBytes(id);
            if (b > 0) {
                sum += b;
            }
        }
        return sum;
    }

    private static long processCpuNanos() {
        return ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean())
                .getProcessCpuTime();
    }
}
