package org.photonee.it.cluster;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.photonee.core.codec.json.JsonDocuments;
import org.photonee.core.protocol.EventData;
import org.photonee.core.protocol.OperationResponse;
import org.photonee.core.protocol.PhotonHashtable;
import org.photonee.core.protocol.ProtocolLimits;
import org.photonee.it.support.JsSdk;
import org.photonee.it.support.JsonPlayer;
import org.photonee.it.support.MessageClient;
import org.photonee.it.support.PhotonProcess;
import org.photonee.it.support.ServerProbe;
import org.photonee.it.support.WebServiceStub;
import org.photonee.it.support.WebServiceStub.Answer;

import java.net.URI;
import java.net.URL;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Optional;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * WebRPC and webhooks against a real web service: a JDK HTTP server on 127.0.0.1 stood up by the test, and one
 * {@code ./photon run} (Payara Micro) configured to call it. Checks what the service receives (paths, headers,
 * exact JSON) and how its answers, failures and silence reach clients.
 */
@Timeout(value = 6, unit = TimeUnit.MINUTES)
class WebServicesIT {
    private static final int PORT = 18483;
    private static final int NETTY_PORT = 19483;
    private static final String SECRET = "web-services-secret";
    private static final int FORWARD_LIMIT = 3;
    private static final long HOOK_TIMEOUT_MILLIS = 1500;
    private static WebServiceStub service;
    private static PhotonProcess server;
    private static ServerProbe probe;
    private static final AtomicReference<Object> savedState = new AtomicReference<>();

    @BeforeAll
    static void start() throws Exception {
        service = new WebServiceStub();
        service.answer(WebServicesIT::answer);
        String base = service.baseUrl();
        server = PhotonProcess.start(PORT, NETTY_PORT, SECRET,
                "-Dphoton.webrpc.baseUrl=" + base + "/rpc/{AppId}?key=k1",
                "-Dphoton.webrpc.httpForwardLimit=" + FORWARD_LIMIT,
                "-Dphoton.webhooks.baseUrl=" + base + "/hooks",
                "-Dphoton.webhooks.pathCreate=create", "-Dphoton.webhooks.pathJoin=join",
                "-Dphoton.webhooks.pathLeave=leave", "-Dphoton.webhooks.pathEvent=event",
                "-Dphoton.webhooks.pathGameProperties=props", "-Dphoton.webhooks.pathClose=close",
                "-Dphoton.webhooks.pathLoad=load", "-Dphoton.webhooks.isPersistent=true",
                "-Dphoton.webhooks.hasErrorInfo=true",
                "-Dphoton.webhooks.customHttpHeaders={\"X-Studio\":\"acme\"}",
                "-Dphoton.webhooks.http.httpRequestTimeoutMs=" + HOOK_TIMEOUT_MILLIS);
        server.awaitReady(Duration.ofSeconds(240));
        probe = new ServerProbe(new URL("http://127.0.0.1:" + PORT + "/photon/"));
    }

    @AfterAll
    static void stop() throws Exception {
        if (server != null) {
            server.close();
        }
        if (service != null) {
            service.close();
        }
    }

    /** The service: WebRPC echo/fail/broken, webhooks OK, a hanging event hook, Save kept for Load. */
    private static Answer answer(WebServiceStub.Request r) {
        String path = r.pathAndQuery().split("\\?")[0];
        switch (path) {
            case "/rpc/it-app/echo":
                return Answer.ok("{\"ResultCode\":0,\"Message\":\"hi\",\"Data\":{\"gold\":5}}");
            case "/rpc/it-app/fail":
                return new Answer(500, "{\"ResultCode\":0}", 0);
            case "/rpc/it-app/broken":
                return Answer.ok("<html>not json</html>");
            case "/hooks/event":
                if (Integer.valueOf(99).equals(r.body().get("EvCode"))) {
                    return new Answer(200, "{\"ResultCode\":0}", HOOK_TIMEOUT_MILLIS * 3);
                }
                return Answer.ok("{\"ResultCode\":0}");
            case "/hooks/close":
                if ("Save".equals(r.body().get("Type"))) {
                    savedState.set(r.body().get("State"));
                }
                return Answer.ok("{\"ResultCode\":0}");
            case "/hooks/load":
                Object state = savedState.get();
                return Answer.ok(state == null ? "{\"ResultCode\":0}"
                        : "{\"ResultCode\":0,\"State\":" + JsonDocuments.write(state) + "}");
            default:
                return Answer.ok("{\"ResultCode\":0}");
        }
    }

    @Test
    void webRpcOnTheMasterAnswersWithTheServicesDataOrExternalHttpCallFailed() throws Exception {
        try (MessageClient master = JsonPlayer.master(probe, "1.0", "rpc-alice")) {
            service.clear();
            OperationResponse ok = master.call(219, 209, "echo?x=1", 208, PhotonHashtable.of("a", 1));
            assertEquals(0, ok.returnCode(), ok.debugMessage());
            assertEquals(0, ok.parameters().get(207));
            assertEquals("hi", ok.parameters().get(206));
            assertEquals("echo", ok.parameters().get(209));
            assertEquals(PhotonHashtable.of("gold", 5), ok.parameters().get(208));
            WebServiceStub.Request sent = service.next("/rpc/it-app/echo");
            assertEquals("POST", sent.method());
            assertEquals("/rpc/it-app/echo?x=1&key=k1", sent.pathAndQuery());
            assertEquals(Map.of("a", 1, "AppId", "it-app", "AppVersion", "1.0", "Region", "", "UserId",
                    "rpc-alice"), sent.body());

            OperationResponse failed = master.call(219, 209, "fail");
            assertEquals(32744, failed.returnCode());
            assertTrue(failed.debugMessage().contains("HTTP 500") || failed.debugMessage().contains("ERROR"),
                    failed.debugMessage());
            assertEquals(32744, master.call(219, 209, "broken").returnCode());
        }
    }

    @Test
    void theOfficialJavaScriptSdksWebRpcGetsTheServicesData() throws Exception {
        Optional<JsSdk> sdk = JsSdk.install();
        Assumptions.assumeTrue(sdk.isPresent(), "Node.js/npm or the photon-realtime package not available");
        List<String> out = sdk.get().run("photon-sdk-webrpc.js", probe.webSocket("ns").toString(), "it-app",
                "echo", "{\"from\":\"js\"}");
        String result = out.stream().filter(l -> l.contains("\"webRpc\"")).findFirst().orElse(null);
        assertNotNull(result, "no WebRPC result from the JS SDK: " + out);
        @SuppressWarnings("unchecked")
        Map<String, Object> r = (Map<String, Object>) JsonDocuments.parse(result, ProtocolLimits.DEFAULTS);
        assertEquals(0, r.get("errorCode"), result);
        assertEquals(0, r.get("resultCode"), result);
        assertEquals("echo", r.get("uriPath"), result);
        assertEquals(Map.of("gold", 5), r.get("data"), result);
        WebServiceStub.Request sent = service.next(q -> q.pathAndQuery().startsWith("/rpc/it-app/echo")
                && q.json() instanceof Map<?, ?> m && "js".equals(m.get("from")));
        assertEquals("it-app", sent.body().get("AppId"));
    }

    @Test
    void webRpcInARoomIsLimitedToHttpForwardLimitCallsPerSecond() throws Exception {
        try (MessageClient game = JsonPlayer.enter(probe, "1.0", "rpc-bob", 227, "rpc-room", "")) {
            int ok = 0;
            int limited = 0;
            for (int i = 0; i < FORWARD_LIMIT + 2; i++) {
                OperationResponse r = game.call(219, 209, "echo");
                if (r.returnCode() == 0) {
                    ok++;
                } else {
                    assertEquals(32745, r.returnCode(), r.debugMessage());
                    limited++;
                }
            }
            assertTrue(ok <= FORWARD_LIMIT + 1 && ok >= 1, "ok " + ok);
            assertTrue(limited >= 1, "at least one call over the limit");
            Thread.sleep(1100);
            assertEquals(0, game.call(219, 209, "echo").returnCode(), "a new second, a new budget");
        }
    }

    @Test
    void everyWebhookPathGetsItsJson() throws Exception {
        service.clear();
        try (MessageClient alice = JsonPlayer.enter(probe, "1.0", "hook-alice", 227, "hooks-room",
                ",249,{\"255\":\"Alice\"}")) {
            WebServiceStub.Request create = hook("/hooks/create", "hooks-room");
            assertEquals("acme", create.header("X-Studio"));
            assertEquals("application/json", create.header("Content-Type"));
            Map<String, Object> body = new LinkedHashMap<>(create.body());
            Object options = body.remove("CreateOptions");
            assertEquals(json("AppId", "it-app", "AppVersion", "1.0", "Region", "", "GameId", "hooks-room",
                    "Type", "Create", "UserId", "hook-alice", "Nickname", "Alice", "ActorNr", 1), body);
            assertNotNull(options);

            try (MessageClient bob = JsonPlayer.enter(probe, "1.0", "hook-bob", 226, "hooks-room", "")) {
                assertEquals(json("AppId", "it-app", "AppVersion", "1.0", "Region", "", "GameId", "hooks-room",
                        "Type", "Join", "UserId", "hook-bob", "Nickname", "", "ActorNr", 2),
                        hook("/hooks/join", "hooks-room").body());

                alice.send(253, 244, 7, 245, PhotonHashtable.of("move", "e4"), 234, 1);
                assertEquals(7, bob.event(7).code());
                assertEquals(json("AppId", "it-app", "AppVersion", "1.0", "Region", "", "GameId", "hooks-room",
                        "Type", "Event", "UserId", "hook-alice", "Nickname", "Alice", "ActorNr", 1, "EvCode", 7,
                        "Data", Map.of("move", "e4")), hook("/hooks/event", "hooks-room").body());

                OperationResponse set = alice.call(252, 251, PhotonHashtable.of("turn", 2), 234, 1);
                assertEquals(0, set.returnCode(), set.debugMessage());
                assertEquals(json("AppId", "it-app", "AppVersion", "1.0", "Region", "", "GameId", "hooks-room",
                        "Type", "GameProperties", "UserId", "hook-alice", "Nickname", "Alice", "ActorNr", 1,
                        "Properties", Map.of("turn", 2)), hook("/hooks/props", "hooks-room").body());

                assertEquals(0, bob.call(254).returnCode());
                assertEquals(json("AppId", "it-app", "AppVersion", "1.0", "Region", "", "GameId", "hooks-room",
                        "Type", "LeaveRequest", "UserId", "hook-bob", "Nickname", "", "ActorNr", 2,
                        "IsInactive", false, "Reason", 101, "ActorCount", 1),
                        hook("/hooks/leave", "hooks-room").body());
            }
            assertEquals(0, alice.call(254).returnCode());
        }
        assertEquals(json("AppId", "it-app", "AppVersion", "1.0", "Region", "", "GameId", "hooks-room",
                "Type", "Close", "ActorCount", 0), hook("/hooks/close", "hooks-room").body());
    }

    @Test
    void aPersistentRoomIsSavedOnCloseAndRestoredByTheNextJoin() throws Exception {
        service.clear();
        try (MessageClient alice = JsonPlayer.enter(probe, "1.0", "saga-alice", 227, "saga",
                ",235,60000,236,1000,232,true")) {
            assertEquals(0, alice.call(252, 251, PhotonHashtable.of("turn", 4)).returnCode());
            alice.send(253, 244, 5, 245, "move e2-e4", 247, 4);
            alice.call(254, 233, true);
        }
        WebServiceStub.Request save = hook("/hooks/close", "saga");
        assertEquals("Save", save.body().get("Type"));
        assertEquals(1, save.body().get("ActorCount"));
        assertNotNull(savedState.get());

        MessageClient game = rejoin("saga-alice", "saga");
        try (game) {
            OperationResponse join = game.response(226);
            assertEquals(0, join.returnCode(), join.debugMessage());
            assertEquals(1, join.parameters().get(254), "the same actor");
            PhotonHashtable props = (PhotonHashtable) join.parameters().get(248);
            assertEquals(4, props.get("turn"));
            EventData cached = game.event(5);
            assertEquals("move e2-e4", cached.parameters().get(245));
        }
        WebServiceStub.Request load = hook("/hooks/load", "saga");
        assertEquals("Load", load.body().get("Type"));
    }

    /** The next call to a webhook path for one room (the rooms of other tests call the same service). */
    private static WebServiceStub.Request hook(String path, String gameId) throws InterruptedException {
        return service.next(r -> r.pathAndQuery().split("\\?")[0].equals(path) && r.json() instanceof Map<?, ?> m
                && gameId.equals(m.get("GameId")));
    }

    /** An expected JSON object, in the order written. */
    private static Map<String, Object> json(Object... keyValues) {
        Map<String, Object> m = new LinkedHashMap<>();
        for (int i = 0; i < keyValues.length; i += 2) {
            m.put((String) keyValues[i], keyValues[i + 1]);
        }
        return m;
    }

    /** A rejoin through the master for a room it no longer lists: the game server loads it from the service. */
    private static MessageClient rejoin(String userId, String room) throws Exception {
        String gameAddress;
        String token;
        try (MessageClient master = JsonPlayer.master(probe, "1.0", userId)) {
            master.sendRaw("{\"req\":226,\"vals\":[255,\"" + room + "\",215,3]}");
            OperationResponse r = master.response(226);
            assertEquals(0, r.returnCode(), "master: " + r.debugMessage());
            gameAddress = (String) r.parameters().get(230);
            token = (String) r.parameters().get(221);
        }
        MessageClient game = MessageClient.json(URI.create(gameAddress + "/it-app?libversion=4.4.0"));
        game.sendRaw("{\"req\":230,\"vals\":[224,\"it-app\",220,\"1.0\",221,\"" + token + "\",225,\"" + userId
                + "\"]}");
        assertEquals(0, game.response(230).returnCode());
        game.sendRaw("{\"req\":226,\"vals\":[255,\"" + room + "\",215,3]}");
        return game;
    }

    @Test
    void aHangingBackendIsAnsweredAtTheTimeoutWithErrorInfoAndOtherRoomsGoOn() throws Exception {
        try (MessageClient alice = JsonPlayer.enter(probe, "1.0", "slow-alice", 227, "slow-room", "");
             MessageClient bob = JsonPlayer.enter(probe, "1.0", "slow-bob", 226, "slow-room", "");
             MessageClient carol = JsonPlayer.enter(probe, "1.0", "fast-carol", 227, "fast-room", "");
             MessageClient dave = JsonPlayer.enter(probe, "1.0", "fast-dave", 226, "fast-room", "")) {
            long start = System.nanoTime();
            alice.send(253, 244, 99, 234, 1 | 4);
            carol.send(253, 244, 8, 245, "still here");
            assertEquals("still here", dave.event(8).parameters().get(245));
            long otherRoomMillis = (System.nanoTime() - start) / 1_000_000;
            assertTrue(otherRoomMillis < HOOK_TIMEOUT_MILLIS, "the other room waited " + otherRoomMillis + " ms");

            OperationResponse refused = alice.response(253);
            long waited = (System.nanoTime() - start) / 1_000_000;
            assertEquals(32752, refused.returnCode());
            assertTrue(waited >= HOOK_TIMEOUT_MILLIS - 100, "answered at the timeout, after " + waited + " ms");
            EventData info = bob.event(251);
            assertTrue(String.valueOf(info.parameters().get(218)).startsWith("Webhook Event failed"),
                    String.valueOf(info.parameters().get(218)));
        }
    }
}
