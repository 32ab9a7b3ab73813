package org.photonee.it.cluster;

import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.Timeout;
import org.photonee.client.RaiseEventOptions;
import org.photonee.client.RoomOptions;
import org.photonee.core.codes.EventCaching;
import org.photonee.it.support.HeadlessChromium;
import org.photonee.it.support.PhotonProcess;
import org.photonee.it.support.TestPlayer;

import java.io.BufferedReader;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.StringReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

/**
 * The operator's dashboard on a live {@code ./photon run} (Payara Micro, all roles) with clients in rooms: the
 * REST documents under {@code /api/admin/dashboard} and their server-sent events, the actions (remove an actor,
 * game server out of rotation and back, close a room) with their effect on the clients and their log line naming
 * the caller, and the page itself in headless Chromium (playwright-core), whose screenshots go to
 * {@code target/dashboard/}; with {@code -Dphoton.dashboard.updateScreenshot=true} the README's
 * {@code docs/dashboard.png} is rewritten too (off by default, so a test run leaves the work tree clean).
 */
@Timeout(value = 6, unit = TimeUnit.MINUTES)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class DashboardIT {
    private static final int PORT = 18700;
    private static final int NETTY_PORT = 19700;
    private static final String SECRET = "dashboard-secret";
    private static final String VERSION = "1.0";
    private static final HttpClient HTTP = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(2)).build();

    private static PhotonProcess server;
    private static final List<TestPlayer> players = new ArrayList<>();
    private static TestPlayer alice;
    private static TestPlayer bob;
    private static TestPlayer carol;
    private static TestPlayer dave;
    private static TestPlayer erin;
    private static TestPlayer frank;
    private static ScheduledExecutorService chatter;

    @BeforeAll
    static void startWithPlayersInRooms() throws Exception {
        server = PhotonProcess.start(PORT, NETTY_PORT, SECRET);
        server.awaitReady(Duration.ofSeconds(240));
        alice = player("alice");
        alice.await(alice.client().createRoom("arena", RoomOptions.defaults().withMaxPlayers(8)
                .withCustomProperties(Map.of("map", "harbour"))));
        bob = player("bob");
        bob.await(bob.client().joinRoom("arena"));
        carol = player("carol");
        carol.await(carol.client().joinRoom("arena"));
        alice.client().raiseEvent(7, "welcome", RaiseEventOptions.DEFAULT.withCaching(EventCaching.ADD_TO_ROOM_CACHE));
        dave = player("dave");
        dave.await(dave.client().createRoom("duel", RoomOptions.defaults().withMaxPlayers(2)));
        frank = player("frank");
        frank.await(frank.client().joinRoom("duel"));
        erin = player("erin");
        erin.await(erin.client().createRoom("spare", RoomOptions.defaults()));
        // Some traffic, so messages per second are not zero.
        chatter = Executors.newSingleThreadScheduledExecutor();
        chatter.scheduleAtFixedRate(() -> bob.client().raiseEvent(1, "tick", RaiseEventOptions.DEFAULT), 0, 100,
                TimeUnit.MILLISECONDS);
    }

    @AfterAll
    static void stop() throws Exception {
        if (chatter != null) {
            chatter.shutdownNow();
        }
        players.forEach(TestPlayer::close);
        if (server != null) {
            server.close();
        }
    }

    @Test
    @Order(1)
    void overviewShowsTheClusterAppsAndBusiestRooms() throws Exception {
        JsonObject o = awaitOverview(x -> room(x, "arena") != null && room(x, "arena").getInt("activePlayers") == 3
                && room(x, "duel") != null && room(x, "spare") != null
                // CCU counts the game server's peers from its load reports, which follow the rooms' reports.
                && x.getJsonObject("master").getInt("ccu") >= 6);
        JsonArray servers = o.getJsonArray("servers");
        assertEquals(1, servers.size(), "one game server: " + servers);
        JsonObject gs = servers.getJsonObject(0);
        assertTrue(gs.getBoolean("local"), "the game server is this node's");
        assertEquals("Normal", gs.getString("state"));
        assertTrue(gs.getBoolean("connected") && gs.getBoolean("inRotation"), gs.toString());
        assertTrue(gs.containsKey("traffic"), "the local game server shows CPU and message rates");
        assertTrue(o.getJsonObject("master").getInt("ccu") >= 6, "six players: " + o.getJsonObject("master"));
        assertEquals(3, o.getJsonObject("master").getInt("rooms"));
        JsonObject app = o.getJsonArray("applications").getValuesAs(JsonObject.class).stream()
                .filter(a -> a.getString("appId").equals(TestPlayer.APP_ID)).findFirst().orElseThrow();
        assertEquals(3, app.getInt("games"));
        assertEquals(3, app.getJsonArray("lobbies").getJsonObject(0).getInt("games"), "default lobby: " + app);
        assertEquals("arena", o.getJsonArray("busiestRooms").getJsonObject(0).getString("gameId"), "busiest first");

        JsonObject arena = get("room?appId=" + TestPlayer.APP_ID + "&gameId=arena");
        List<String> users = arena.getJsonArray("actors").getValuesAs(JsonObject.class).stream()
                .map(a -> a.getString("userId")).toList();
        assertEquals(List.of("alice", "bob", "carol"), users);
        assertEquals(3, arena.getInt("activeActors"));
        assertEquals("\"harbour\"", arena.getJsonObject("properties").getString("map"));
        assertEquals(1, arena.getInt("cachedEvents"), "alice's cached welcome");
        assertFalse(arena.getString("plugin").isEmpty());
        assertEquals(404, status("GET", "room?appId=" + TestPlayer.APP_ID + "&gameId=nowhere"));
        assertEquals(400, status("GET", "room?appId=" + TestPlayer.APP_ID));
    }

    @Test
    @Order(2)
    void eventsPushTheOverviewEveryTwoSeconds() throws Exception {
        HttpRequest request = HttpRequest.newBuilder(api("events")).header("Accept", "text/event-stream")
                .timeout(Duration.ofSeconds(20)).build();
        HttpResponse<InputStream> response = HTTP.send(request, HttpResponse.BodyHandlers.ofInputStream());
        assertEquals(200, response.statusCode());
        List<Long> overviewTimes = new ArrayList<>();
        boolean history = false;
        long started = System.nanoTime();
        try (BufferedReader lines = new BufferedReader(new InputStreamReader(response.body(), StandardCharsets.UTF_8))) {
            String event = null;
            String line;
            while (overviewTimes.size() < 3 && (line = lines.readLine()) != null) {
                if (line.startsWith("event:")) {
                    event = line.substring(6).trim();
                } else if (line.startsWith("data:")) {
                    JsonObject data = Json.createReader(new StringReader(line.substring(5).trim())).readObject();
                    if ("overview".equals(event)) {
                        overviewTimes.add(data.getJsonNumber("time").longValue());
                    } else if ("history".equals(event)) {
                        history = data.getJsonArray("times").size() > 0;
                    }
                }
            }
        }
        long elapsedMillis = (System.nanoTime() - started) / 1_000_000;
        assertEquals(3, overviewTimes.size(), "three overviews: the first at once, then pushed");
        assertTrue(history, "the history is sent on subscribing");
        assertTrue(overviewTimes.get(2) > overviewTimes.get(1) && overviewTimes.get(1) > overviewTimes.get(0));
        assertTrue(elapsedMillis >= 3000 && elapsedMillis < 10_000, "pushed every ~2 s, took " + elapsedMillis);
    }

    @Test
    @Order(3)
    void removeActorDisconnectsThatPlayerAndIsLoggedWithTheCaller() throws Exception {
        assertEquals(404, status("POST", "room/remove-actor?appId=" + TestPlayer.APP_ID + "&gameId=duel&actorNr=9"));
        assertEquals(200, status("POST", "room/remove-actor?appId=" + TestPlayer.APP_ID + "&gameId=duel&actorNr=2"));
        frank.awaitDisconnect();
        JsonObject duel = get("room?appId=" + TestPlayer.APP_ID + "&gameId=duel");
        assertEquals(List.of("dave"), duel.getJsonArray("actors").getValuesAs(JsonObject.class).stream()
                .map(a -> a.getString("userId")).toList());
        awaitLogLine("dashboard: remove actor 2 from " + TestPlayer.APP_ID + "/duel by loopback: removed");
    }

    @Test
    @Order(4)
    void gameServerGoesOutOfRotationAndBack() throws Exception {
        assertEquals(400, status("POST", "game-server/rotation?state=Sideways"));
        assertEquals(200, status("POST", "game-server/rotation?state=OutOfRotation"));
        awaitOverview(o -> o.getJsonArray("servers").getJsonObject(0).getString("state").equals("OutOfRotation")
                && !o.getJsonArray("servers").getJsonObject(0).getBoolean("inRotation"));
        assertEquals(200, status("POST", "game-server/rotation?state=Normal"));
        awaitOverview(o -> o.getJsonArray("servers").getJsonObject(0).getString("state").equals("Normal"));
        awaitLogLine("dashboard: game server state OutOfRotation by loopback");
    }

    @Test
    @Order(5)
    void closeRoomDisconnectsItsPlayers() throws Exception {
        assertEquals(200, status("POST", "room/close?appId=" + TestPlayer.APP_ID + "&gameId=spare"));
        erin.awaitDisconnect();
        assertEquals(404, status("POST", "room/close?appId=" + TestPlayer.APP_ID + "&gameId=spare"));
        awaitOverview(o -> room(o, "spare") == null);
        awaitLogLine("dashboard: close room " + TestPlayer.APP_ID + "/spare by loopback: closed");
    }

    @Test
    @Order(6)
    void thePageShowsTheClusterAndClosesARoomInABrowser() throws Exception {
        StringBuilder whyNot = new StringBuilder();
        var chromium = HeadlessChromium.install(whyNot);
        Assumptions.assumeTrue(chromium.isPresent(), () -> "browser test skipped: " + whyNot);
        // A few samples in the hour-long charts (one per 10 s) so the screenshot shows lines, not dots.
        long deadline = System.nanoTime() + 35_000_000_000L;
        while (get("history").getJsonArray("times").size() < 3 && System.nanoTime() < deadline) {
            Thread.sleep(500);
        }
        Path root = Path.of(System.getProperty("photon.root", "..")).toAbsolutePath().normalize();
        Path shots = root.resolve("src-test/target/dashboard");
        Files.createDirectories(shots);
        Path readmeShot = Boolean.getBoolean("photon.dashboard.updateScreenshot")
                ? root.resolve("docs/dashboard.png") : shots.resolve("dashboard-readme.png");
        Files.createDirectories(readmeShot.getParent());
        long started = System.nanoTime();
        List<String> out = chromium.get().run(60, "dashboard-browser.js",
                "http://127.0.0.1:" + PORT + "/photon/dashboard/", "arena", shots.toString(), readmeShot.toString());
        long tookMillis = (System.nanoTime() - started) / 1_000_000;
        Map<String, JsonObject> steps = new java.util.HashMap<>();
        for (String line : out) {
            if (line.startsWith("{")) {
                JsonObject step = Json.createReader(new StringReader(line)).readObject();
                steps.put(step.getString("step"), step);
            }
        }
        assertFalse(steps.containsKey("failed"), () -> "browser: " + String.join("\n", out));
        assertNotNull(steps.get("done"), () -> "browser did not finish: " + String.join("\n", out));
        assertTrue(tookMillis < 60_000, "bounded: " + tookMillis + " ms");

        JsonObject overview = steps.get("overview");
        List<String> roles = overview.getJsonArray("cluster").getValuesAs(JsonObject.class).stream()
                .map(r -> r.getString("role", "")).toList();
        assertTrue(roles.containsAll(List.of("nameserver", "master", "gameserver")), "cluster rows: " + roles);
        JsonObject arenaRow = overview.getJsonArray("rooms").getValuesAs(JsonObject.class).stream()
                .filter(r -> r.getString("gameId").equals("arena")).findFirst().orElseThrow();
        assertTrue(arenaRow.getString("players").startsWith("3"), "arena's players shown: " + arenaRow);
        List<String> users = steps.get("room").getJsonArray("actors").getValuesAs(JsonObject.class).stream()
                .map(a -> a.getString("userId")).toList();
        assertEquals(List.of("alice", "bob", "carol"), users, "room detail lists the actors");
        assertTrue(steps.get("closed").getString("question").contains("arena"), "the page asked first");
        assertTrue(steps.get("closed").getString("activity").contains("closed room arena"));
        JsonArray errors = steps.get("done").getJsonArray("consoleErrors");
        assertTrue(errors.isEmpty(), "no errors in the page: " + errors);

        // The effect on the live server: the room is gone and its clients were disconnected.
        chatter.shutdownNow();
        alice.awaitDisconnect();
        bob.awaitDisconnect();
        carol.awaitDisconnect();
        awaitOverview(o -> room(o, "arena") == null);
        assertEquals(404, status("GET", "room?appId=" + TestPlayer.APP_ID + "&gameId=arena"));
        for (String shot : List.of("dashboard-overview.png", "dashboard-room.png", "dashboard-confirm.png",
                "dashboard-after-close.png")) {
            assertTrue(Files.size(shots.resolve(shot)) > 10_000, shot + " written");
        }
        assertTrue(Files.size(readmeShot) > 10_000, "README screenshot written");
    }

    private static TestPlayer player(String userId) throws Exception {
        TestPlayer p = new TestPlayer(VERSION, userId);
        players.add(p);
        p.await(p.client().connectToRegionMaster(server.webSocket("ns"), "eu"));
        return p;
    }

    private static JsonObject room(JsonObject overview, String gameId) {
        JsonArray rooms = overview.getJsonArray("busiestRooms");
        return rooms == null ? null : rooms.getValuesAs(JsonObject.class).stream()
                .filter(r -> r.getString("gameId").equals(gameId)).findFirst().orElse(null);
    }

    private static JsonObject awaitOverview(Predicate<JsonObject> wanted) throws Exception {
        long deadline = System.nanoTime() + 15_000_000_000L;
        JsonObject o = get("overview");
        while (!wanted.test(o)) {
            if (System.nanoTime() > deadline) {
                fail("overview never matched: " + o);
            }
            Thread.sleep(250);
            o = get("overview");
        }
        return o;
    }

    private static void awaitLogLine(String text) throws Exception {
        Path runDir = Path.of(System.getProperty("photon.root", ".."))
                .resolve("src-test/target/cluster/run-" + PORT).toAbsolutePath();
        long deadline = System.nanoTime() + 10_000_000_000L;
        while (System.nanoTime() < deadline) {
            try (Stream<Path> files = Files.walk(runDir)) {
                for (Path f : files.filter(p -> p.toString().endsWith(".log")).toList()) {
                    if (Files.readString(f, StandardCharsets.ISO_8859_1).contains(text)) {
                        return;
                    }
                }
            }
            Thread.sleep(250);
        }
        fail("no log line '" + text + "' under " + runDir);
    }

    private static URI api(String path) {
        return URI.create("http://127.0.0.1:" + PORT + "/photon/api/admin/dashboard/" + path);
    }

    private static JsonObject get(String path) throws Exception {
        HttpResponse<String> r = HTTP.send(HttpRequest.newBuilder(api(path)).timeout(Duration.ofSeconds(10)).build(),
                HttpResponse.BodyHandlers.ofString());
        assertEquals(200, r.statusCode(), () -> path + ": " + r.body());
        return Json.createReader(new StringReader(r.body())).readObject();
    }

    private static int status(String method, String path) throws Exception {
        return HTTP.send(HttpRequest.newBuilder(api(path)).method(method, HttpRequest.BodyPublishers.noBody())
                .timeout(Duration.ofSeconds(10)).build(), HttpResponse.BodyHandlers.discarding()).statusCode();
    }
}
