package org.photonee.it.fault;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.Timeout;
import org.photonee.client.PhotonException;
import org.photonee.client.Room;
import org.photonee.client.RoomInfo;
import org.photonee.client.RoomOptions;
import org.photonee.client.TypedLobby;
import org.photonee.core.codes.JoinMode;
import org.photonee.core.codes.ReturnCode;
import org.photonee.core.room.RoomState;
import org.photonee.it.support.LocalPostgres;
import org.photonee.it.support.PhotonProcess;

import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.photonee.it.fault.Faults.await;
import static org.photonee.it.fault.Faults.eventually;
import static org.photonee.it.fault.Faults.millisSince;

/**
 * The fault suite: a cluster of separate processes started as an operator starts them (name server + master, two
 * game servers, each {@code ./photon run}) on one PostgreSQL, with clients playing in rooms while faults are
 * injected. Each fault asserts what the clients observed (events in order and never twice, actor numbers, lobby
 * lists, the codes they were told) and what the database holds afterwards; the measured recovery times are printed
 * as {@code FAULT-MEASURE} lines for RELIABILITY.md. The faults run in order on the same cluster, each on its own
 * application id so their rooms and lobbies do not mix.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
@Timeout(value = 4, unit = TimeUnit.MINUTES)
class ClusterFaultIT {
    private static final String SECRET = "fault-suite-secret";
    private static final int PG_PORT = 15440;
    private static final int MASTER_PORT = 18750;
    private static final int GS1_PORT = 18751;
    private static final int GS2_PORT = 18752;
    /** The suite's clients use the container's listener; the Netty listener stays off (one port less per process). */
    private static final int NO_NETTY = 0;
    /** The documented loss window of a killed game server is saveDelayMs plus one write. */
    private static final int SAVE_DELAY_MS = 500;
    private static final long WRITE_ALLOWANCE_MS = 1_000;
    private static final Duration READY = Duration.ofSeconds(240);
    private static final String GS1 = "127.0.0.1:" + GS1_PORT;
    private static final String GS2 = "127.0.0.1:" + GS2_PORT;

    private static LocalPostgres pg;
    private static PhotonProcess master;
    private static PhotonProcess gs1;
    private static PhotonProcess gs2;
    private static final List<AutoCloseable> cleanup = new CopyOnWriteArrayList<>();

    @BeforeAll
    static void startCluster() throws Exception {
        Optional<Path> pgBin = LocalPostgres.installation();
        Assumptions.assumeTrue(pgBin.isPresent(), "PostgreSQL is not installed (apt-get install postgresql)");
        pg = LocalPostgres.start(pgBin.get(), PG_PORT);
        master = startMaster(false);
        gs1 = startGameServer(GS1_PORT);
        gs2 = startGameServer(GS2_PORT);
        master.awaitReady(READY);
        gs1.awaitReady(READY);
        gs2.awaitReady(READY);
    }

    private static String[] database() {
        return new String[] {"--db-url", pg.jdbcUrl(), "--db-user", LocalPostgres.USER, "--db-password", "trust"};
    }

    private static PhotonProcess startMaster(boolean again) throws Exception {
        List<String> args = new ArrayList<>(List.of("--roles", "ns,master"));
        args.addAll(List.of(database()));
        String[] a = args.toArray(new String[0]);
        return again ? PhotonProcess.restart(MASTER_PORT, NO_NETTY, SECRET, a)
                : PhotonProcess.start(MASTER_PORT, NO_NETTY, SECRET, a);
    }

    private static PhotonProcess startGameServer(int port) throws Exception {
        List<String> args = new ArrayList<>(List.of("--roles", "game", "--master-url",
                "ws://127.0.0.1:" + MASTER_PORT + "/photon/s2s", "-Dphoton.persistence.saveDelayMs=" + SAVE_DELAY_MS));
        args.addAll(List.of(database()));
        return PhotonProcess.start(port, NO_NETTY, SECRET, args.toArray(new String[0]));
    }

    @AfterAll
    static void stopCluster() throws Exception {
        for (AutoCloseable c : cleanup) {
            try {
                c.close();
            } catch (Exception ignored) {
                // best effort
            }
        }
        for (PhotonProcess p : new PhotonProcess[] {gs1, gs2, master}) {
            if (p != null) {
                p.close();
            }
        }
        if (pg != null) {
            pg.close();
        }
    }

    private static URI nameServer() {
        return master.webSocket("ns");
    }

    private static <T extends AutoCloseable> T closeLater(T c) {
        cleanup.add(c);
        return c;
    }

    /** A player of a persistent room who writes the room property "turn" over and over and notes each ack. */
    private static final class TurnWriter implements AutoCloseable {
        final Player player;
        final String room;
        final Map<Integer, Long> ackedAtNanos = new ConcurrentHashMap<>();
        final AtomicInteger lastAcked = new AtomicInteger();
        private final AtomicBoolean running = new AtomicBoolean(true);
        private final Thread thread;

        TurnWriter(String appId, String room, String userId) throws Exception {
            this.room = room;
            player = new Player(appId, userId);
            player.connect(nameServer());
            await(player.client.createRoom(room, RoomOptions.defaults().withMaxPlayers(4).withPlayerTtl(-1)
                    .withCustomProperties(Map.of("turn", 0))));
            thread = new Thread(this::write, "turns-" + room);
            thread.setDaemon(true);
            thread.start();
        }

        private void write() {
            for (int turn = 1; running.get(); turn++) {
                try {
                    await(player.client.setRoomProperties(Map.of("turn", turn), null));
                    ackedAtNanos.put(turn, System.nanoTime());
                    lastAcked.set(turn);
                    Thread.sleep(50);
                } catch (Exception e) {
                    return; // the connection is gone
                }
            }
        }

        /** The highest turn acknowledged at or before the given instant. */
        int ackedBy(long nanos) {
            return ackedAtNanos.entrySet().stream().filter(e -> e.getValue() <= nanos).mapToInt(Map.Entry::getKey)
                    .max().orElse(0);
        }

        void stop() throws InterruptedException {
            running.set(false);
            thread.join(25_000);
        }

        @Override
        public void close() {
            running.set(false);
            player.client.close();
        }
    }

    @Test
    @Order(1)
    void gameServerKilledUnderLoad() throws Exception {
        String app = "fault-gs-kill";
        // Rooms on GS1 (GS2 out of rotation meanwhile): ordinary rooms with a PlayerTTL, and persistent ones.
        Faults.serverState(gs2, "OutOfRotation");
        RoomOptions ttlRooms = RoomOptions.defaults().withMaxPlayers(4).withPlayerTtl(30_000);
        RoomTraffic doomed = closeLater(RoomTraffic.fill(nameServer(), app, "doomed", 3, 4, ttlRooms));
        List<TurnWriter> sagas = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            sagas.add(closeLater(new TurnWriter(app, "saga-" + i, "saga-player-" + i)));
        }
        assertEquals(Set.of(GS1), doomed.gameServers());
        sagas.forEach(s -> assertEquals(GS1, s.player.gameServer()));
        // Rooms on GS2 that must play on undisturbed.
        Faults.serverState(gs2, "Normal");
        Faults.serverState(gs1, "OutOfRotation");
        RoomTraffic survivors = closeLater(RoomTraffic.fill(nameServer(), app, "survivor", 3, 4, ttlRooms));
        assertEquals(Set.of(GS2), survivors.gameServers());
        Faults.serverState(gs1, "Normal");

        doomed.startSending(5);
        survivors.startSending(5);
        Thread.sleep(3_000);
        long killedAt = System.nanoTime();
        gs1.kill();

        // Its players are told: the connection closes (the client can act on it: reconnect through the master).
        for (Player p : doomed.players()) {
            eventually(() -> p.disconnectedAtNanos != 0, 10_000, p.userId + " notices its game server is gone");
        }
        long noticedMs = doomed.players().stream().mapToLong(p -> (p.disconnectedAtNanos - killedAt) / 1_000_000)
                .max().orElseThrow();

        // New rooms land on the survivor, the first within 5 s of the kill.
        Player refugee = closeLater(new Player(app, "refugee"));
        refugee.connect(nameServer());
        Room placed = await(refugee.client.createRoom("after-kill", RoomOptions.defaults()));
        long placedMs = millisSince(killedAt);
        assertNotNull(placed);
        assertEquals(GS2, refugee.gameServer());
        assertTrue(placedMs < 5_000, "first room after the kill placed after " + placedMs + " ms");

        // The survivors played on throughout: every event in order, none lost.
        long before = survivors.received();
        Thread.sleep(2_000);
        assertTrue(survivors.received() > before, "GS2's rooms keep playing");
        survivors.stopSending();
        doomed.stopSending();
        assertEquals(List.of(), survivors.violations());
        assertEquals(0, survivors.gaps(), "no event lost in the surviving rooms");
        assertEquals(List.of(), doomed.violations(), "nothing out of order even in the dying rooms");
        survivors.assertUniqueActorNumbers();

        // Persistent rooms come back on the survivor from the database with at most the documented window lost.
        List<Long> restoreMs = new ArrayList<>();
        for (TurnWriter saga : sagas) {
            saga.stop();
            int mustHave = saga.ackedBy(killedAt - (SAVE_DELAY_MS + WRITE_ALLOWANCE_MS) * 1_000_000);
            Player back = closeLater(new Player(app, saga.player.userId));
            back.connect(nameServer());
            Room room = rejoinWhenRestored(back, saga.room, killedAt + TimeUnit.SECONDS.toNanos(60));
            restoreMs.add(millisSince(killedAt));
            assertEquals(1, room.localActorNr(), "the same actor as before the crash");
            assertEquals(GS2, back.gameServer());
            int restored = (Integer) room.property("turn");
            assertTrue(restored >= mustHave, saga.room + ": restored turn " + restored + ", but turn " + mustHave
                    + " was acknowledged more than the window before the kill");
            assertTrue(restored <= saga.lastAcked.get(), "no turn from nowhere");
            long lostMs = restored == saga.lastAcked.get() ? 0
                    : (killedAt - saga.ackedAtNanos.get(restored + 1)) / 1_000_000;
            System.out.println("FAULT-MEASURE gs-kill " + saga.room + " last-acked=" + saga.lastAcked.get()
                    + " restored=" + restored + " lost-window-ms=" + Math.max(0, lostMs));
        }

        // A PlayerTTL room that was not persistent: the rejoiner is told the game is gone.
        Player rejoiner = closeLater(new Player(app, "doomed-0-u1"));
        rejoiner.connect(nameServer());
        short answer = rejoinAnswer(rejoiner, "doomed-0", killedAt + TimeUnit.SECONDS.toNanos(60));
        assertEquals(ReturnCode.GAME_ID_NOT_EXISTS, answer, "told that the room is gone");

        // The database: the crashed server's games are no longer listed; the persistent rooms are saved.
        eventually(() -> query("SELECT count(*) FROM photon_game WHERE server_id = '" + GS1 + "'") == 0, 10_000,
                "the master's table drops the crashed server's games");
        for (TurnWriter saga : sagas) {
            assertTrue(Faults.savedRoom(pg, app, saga.room).isPresent(), saga.room + " saved");
        }
        System.out.println("FAULT-MEASURE gs-kill clients-notified-ms=" + noticedMs + " first-new-room-ms=" + placedMs
                + " persistent-restored-ms=" + restoreMs);

        // GS1 comes back (an operator restarts it) for the next faults.
        gs1 = startGameServer(GS1_PORT);
        gs1.awaitReady(READY);
    }

    /** Rejoins a persistent room until the master stops answering "server unavailable" (GSContextTTL). */
    private static Room rejoinWhenRestored(Player player, String room, long deadlineNanos) throws Exception {
        while (true) {
            try {
                return await(player.client.joinRoom(room, JoinMode.REJOIN_ONLY, null));
            } catch (PhotonException e) {
                assertEquals(ReturnCode.GAME_CLOSED, e.returnCode(), "while the crashed server's games are listed: "
                        + e.getMessage());
                if (System.nanoTime() > deadlineNanos) {
                    throw new AssertionError(room + " not restored in time", e);
                }
                Thread.sleep(500);
            }
        }
    }

    /** The final answer to a rejoin of a room of the crashed server: GameClosed while it is listed, then this. */
    private static short rejoinAnswer(Player player, String room, long deadlineNanos) throws Exception {
        while (true) {
            try {
                await(player.client.joinRoom(room, JoinMode.REJOIN_ONLY, null));
                throw new AssertionError("rejoined a room that died with its server");
            } catch (PhotonException e) {
                if (e.returnCode() != ReturnCode.GAME_CLOSED || System.nanoTime() > deadlineNanos) {
                    return e.returnCode();
                }
                Thread.sleep(500);
            }
        }
    }

    @Test
    @Order(2)
    void masterKilledAndRestartedUnder200Clients() throws Exception {
        String app = "fault-master";
        RoomOptions listed = RoomOptions.defaults().withMaxPlayers(9).withPlayerTtl(30_000);
        RoomTraffic traffic = closeLater(RoomTraffic.fill(nameServer(), app, "lobby-room", 25, 8, listed));
        Set<String> roomNames = traffic.rooms.keySet();
        List<Player> watchers = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            Player w = closeLater(new Player(app, "watcher-" + i));
            w.connect(nameServer());
            await(w.client.joinLobby(TypedLobby.DEFAULT));
            watchers.add(w);
        }
        for (Player w : watchers) {
            eventually(() -> listedRooms(w).containsAll(roomNames), 15_000, "the lobby lists all 25 rooms");
        }
        traffic.startSending(1);
        Thread.sleep(2_000);

        master.kill();
        long killedAt = System.nanoTime();
        for (Player w : watchers) {
            eventually(() -> w.disconnectedAtNanos != 0, 10_000, w.userId + " notices the master is gone");
        }
        long receivedAtKill = traffic.received();
        master = startMaster(true);
        master.awaitReady(READY);
        long readyAt = System.nanoTime();
        long downMs = (readyAt - killedAt) / 1_000_000;
        assertTrue(traffic.received() > receivedAtKill, "rooms kept playing while the master was away");

        // Clients that were on the master come back through the name server and see the whole list again.
        List<Long> completeMs = new ArrayList<>();
        for (Player w : watchers) {
            Player again = closeLater(new Player(app, w.userId));
            again.connect(nameServer());
            await(again.client.joinLobby(TypedLobby.DEFAULT));
            eventually(() -> listedRooms(again).equals(roomNames), 15_000,
                    "the lobby lists exactly the 25 rooms again");
            completeMs.add(millisSince(readyAt));
        }
        long slowest = completeMs.stream().mapToLong(Long::longValue).max().orElseThrow();
        assertTrue(slowest < 10_000, "lobby list complete " + slowest + " ms after the master was ready");

        // The re-reported rooms are the real ones: a newcomer joins one as the next actor number.
        Player newcomer = closeLater(new Player(app, "newcomer"));
        newcomer.connect(nameServer());
        Room joined = await(newcomer.client.joinRoom("lobby-room-0"));
        assertEquals(9, joined.localActorNr(), "actor numbers continue; none handed out twice");

        traffic.stopSending();
        assertEquals(List.of(), traffic.violations());
        assertEquals(0, traffic.gaps(), "no event lost while the master was away");
        traffic.assertUniqueActorNumbers();
        eventually(() -> query("SELECT count(*) FROM photon_game WHERE app_id = '" + app + "'") == 25, 10_000,
                "the restarted master's table holds the re-reported games");
        System.out.println("FAULT-MEASURE master-restart down-ms=" + downMs + " lobby-complete-after-ready-ms="
                + completeMs + " clients=" + (traffic.players().size() + watchers.size()));
        traffic.close();
    }

    @Test
    @Order(3)
    void databaseStoppedFor20SecondsUnderLoad() throws Exception {
        String app = "fault-db";
        RoomTraffic traffic = closeLater(RoomTraffic.fill(nameServer(), app, "db-room", 5, 4,
                RoomOptions.defaults().withMaxPlayers(4).withPlayerTtl(30_000)));
        List<TurnWriter> sagas = new ArrayList<>();
        for (int i = 0; i < 2; i++) {
            sagas.add(closeLater(new TurnWriter(app, "db-saga-" + i, "db-saga-player-" + i)));
        }
        traffic.startSending(5);
        Thread.sleep(2_000);

        pg.pause();
        long downAt = System.nanoTime();
        try {
            duringOutage(app, traffic, sagas, downAt);
        } finally {
            pg.resume();
        }
        long upAt = System.nanoTime();
        afterOutage(app, traffic, sagas, downAt, upAt);
    }

    private static void duringOutage(String app, RoomTraffic traffic, List<TurnWriter> sagas, long downAt)
            throws Exception {
        int turnsAtOutage = sagas.stream().mapToInt(t -> t.lastAcked.get()).sum();
        long receivedAtOutage = traffic.received();
        // While the database is away: matchmaking and new rooms work, rooms play, persistent writes are acked.
        Player newcomer = closeLater(new Player(app, "db-newcomer"));
        newcomer.connect(nameServer());
        Room created = await(newcomer.client.createRoom("born-during-outage", RoomOptions.defaults()));
        assertNotNull(created);
        Thread.sleep(Math.max(0, 20_000 - millisSince(downAt)));
        assertTrue(traffic.received() > receivedAtOutage, "rooms played during the outage");
        assertTrue(sagas.stream().mapToInt(t -> t.lastAcked.get()).sum() > turnsAtOutage,
                "persistent rooms kept acknowledging moves during the outage");
    }

    private static void afterOutage(String app, RoomTraffic traffic, List<TurnWriter> sagas, long downAt, long upAt)
            throws Exception {

        // Recovery on its own: the newest state of each persistent room reaches the database.
        for (TurnWriter saga : sagas) {
            saga.stop();
        }
        List<Long> caughtUpMs = new ArrayList<>();
        for (TurnWriter saga : sagas) {
            int last = saga.lastAcked.get();
            eventually(() -> Integer.valueOf(last).equals(savedTurnOrNull(app, saga.room)), 30_000,
                    saga.room + " holds turn " + last + " in the database");
            caughtUpMs.add(millisSince(upAt));
        }
        // ...and the master's tables: every live game is listed again.
        eventually(() -> query("SELECT count(*) FROM photon_game WHERE app_id = '" + app + "'") == 8, 30_000,
                "the master's game table holds the 5 + 2 + 1 live games");
        long masterCaughtUpMs = millisSince(upAt);
        traffic.stopSending();
        assertEquals(List.of(), traffic.violations());
        assertEquals(0, traffic.gaps(), "no event lost during the outage");
        System.out.println("FAULT-MEASURE db-outage down-ms=" + (upAt - downAt) / 1_000_000
                + " room-states-written-after-ms=" + caughtUpMs + " master-tables-after-ms=" + masterCaughtUpMs);
        traffic.close();
    }

    private static Object savedTurnOrNull(String app, String room) {
        try {
            return Faults.savedTurn(pg, app, room);
        } catch (Exception e) {
            return null;
        }
    }

    @Test
    @Order(4)
    void socketCutWithoutCloseRejoinsWithinPlayerTtl() throws Exception {
        String app = "fault-socket";
        Player host = closeLater(new Player(app, "cut-host"));
        host.connect(nameServer());
        await(host.client.createRoom("cut-room", RoomOptions.defaults().withMaxPlayers(4).withPlayerTtl(20_000)));
        Player victim = closeLater(new Player(app, "cut-victim"));
        victim.connect(nameServer());
        Room joined = await(victim.client.joinRoom("cut-room"));
        int actor = joined.localActorNr();
        host.send();
        eventually(() -> victim.received() == 1, 10_000, "the victim plays");

        long cutAt = System.nanoTime();
        victim.connector.drop();
        eventually(() -> victim.disconnectedAtNanos != 0, 15_000, "the victim's client notices the cut");
        eventually(() -> host.client.currentRoom().player(actor) != null
                && host.client.currentRoom().player(actor).isInactive(), 15_000, "the host sees the victim inactive");
        Room back = await(victim.client.reconnectAndRejoin());
        long rejoinMs = millisSince(cutAt);
        assertEquals(actor, back.localActorNr(), "same actor after the rejoin");
        eventually(() -> !host.client.currentRoom().player(actor).isInactive(), 10_000, "the host sees it back");
        host.send();
        host.send();
        eventually(() -> victim.received() == 3, 10_000, "events after the rejoin arrive");
        assertEquals(List.of(), victim.violations);
        assertEquals(0, victim.gaps());
        assertTrue(rejoinMs < 20_000, "rejoined within PlayerTTL: " + rejoinMs + " ms");
        System.out.println("FAULT-MEASURE socket-cut rejoined-after-ms=" + rejoinMs);
    }

    @Test
    @Order(5)
    void drainTakesAGameServerOutWithoutKickingPlayers() throws Exception {
        String app = "fault-drain";
        // The clients of earlier faults go home first: the drain waits for every player on the server, and it
        // must end because this test's players left, not because its timeout ran out.
        closeEarlierClients();
        eventually(() -> gs1Status().contains("\"peers\":0"), 15_000, "GS1 has no players left");
        // A persistent game and a casual room on GS1, the server to be updated.
        Faults.serverState(gs2, "OutOfRotation");
        TurnWriter saga = closeLater(new TurnWriter(app, "drain-saga", "drain-saga-player"));
        Player casual = closeLater(new Player(app, "drain-casual"));
        casual.connect(nameServer());
        await(casual.client.createRoom("drain-casual-room", RoomOptions.defaults().withPlayerTtl(0)));
        assertEquals(GS1, saga.player.gameServer());
        assertEquals(GS1, casual.gameServer());
        Faults.serverState(gs2, "Normal");

        Process drain = new ProcessBuilder(Path.of(System.getProperty("photon.root", "..")).resolve("photon")
                .toAbsolutePath().toString(), "drain", "--port", String.valueOf(GS1_PORT), "--run-dir",
                gs1.runDir().toString(), "--timeout", "60").redirectErrorStream(true)
                .redirectOutput(gs1.runDir().resolve("drain.log").toFile()).start();
        // The admin API names states as the server-state resource does (the enum's name).
        eventually(() -> gs1Status().contains("\"serverState\":\"OUT_OF_ROTATION\""), 10_000,
                "GS1 is out of rotation");

        // No new rooms on the draining server; its running rooms play on.
        Player fresh = closeLater(new Player(app, "drain-fresh"));
        fresh.connect(nameServer());
        await(fresh.client.createRoom("drain-new-room", RoomOptions.defaults()));
        assertEquals(GS2, fresh.gameServer(), "new rooms avoid the draining server");
        int before = saga.lastAcked.get();
        Thread.sleep(1_000);
        assertTrue(saga.lastAcked.get() > before, "the persistent game plays on while draining");
        assertTrue(drain.isAlive(), "the drain waits for the players");

        // The players finish and leave; the drain saves and stops the server.
        saga.stop();
        int lastTurn = saga.lastAcked.get();
        await(saga.player.client.leaveRoom(true));
        await(casual.client.leaveRoom(false));
        saga.player.client.close(); // and quit the game
        casual.client.close();
        long leftAt = System.nanoTime();
        assertTrue(drain.waitFor(90, TimeUnit.SECONDS), "the drain finished");
        assertEquals(0, drain.exitValue(), "drain reported success; see " + gs1.runDir().resolve("drain.log"));
        String drainLog = java.nio.file.Files.readString(gs1.runDir().resolve("drain.log"));
        assertTrue(drainLog.contains("no players left"), "the drain ended when the players left: " + drainLog);
        eventually(() -> !gs1.isAlive(), 30_000, "GS1 stopped");
        long stoppedAfterLeaveMs = millisSince(leftAt);
        Optional<RoomState> saved = Faults.savedRoom(pg, app, "drain-saga");
        assertTrue(saved.isPresent(), "the persistent room is in the database");
        assertEquals(lastTurn, saved.get().options().customProperties().get("turn"), "with its last move");
        System.out.println("FAULT-MEASURE drain players-left-to-stopped-ms=" + stoppedAfterLeaveMs);
        gs1 = null;
    }

    private static void closeEarlierClients() {
        for (AutoCloseable c : cleanup) {
            try {
                c.close();
            } catch (Exception ignored) {
                // best effort: a client of an earlier fault may be gone already
            }
        }
        cleanup.clear();
    }

    private static String gs1Status() {
        try {
            return gs1.get("api/admin/drain");
        } catch (Exception e) {
            return "";
        }
    }

    private static Set<String> listedRooms(Player player) {
        Set<String> names = new HashSet<>();
        try {
            for (RoomInfo info : player.client.roomList().toCompletableFuture().get(5, TimeUnit.SECONDS)) {
                if (!info.isRemoved()) {
                    names.add(info.name());
                }
            }
        } catch (Exception e) {
            return Set.of();
        }
        return names;
    }

    private static int query(String sql) {
        try {
            return Faults.count(pg, sql);
        } catch (Exception e) {
            return -1;
        }
    }
}
