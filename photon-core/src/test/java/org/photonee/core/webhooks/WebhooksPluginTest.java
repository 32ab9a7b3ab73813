package org.photonee.core.webhooks;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;
import org.photonee.core.codec.json.JsonDocuments;
import org.photonee.core.codes.EventCaching;
import org.photonee.core.codes.EventCode;
import org.photonee.core.codes.JoinMode;
import org.photonee.core.codes.OperationCode;
import org.photonee.core.codes.ParameterCode;
import org.photonee.core.codes.ReturnCode;
import org.photonee.core.config.ConfigReader;
import org.photonee.core.http.HttpCall;
import org.photonee.core.http.HttpOutcome;
import org.photonee.core.http.HttpStatus;
import org.photonee.core.peer.SendParameters;
import org.photonee.core.plugin.PluginRegistry;
import org.photonee.core.plugin.WebFlags;
import org.photonee.core.protocol.Parameters;
import org.photonee.core.protocol.PhotonHashtable;
import org.photonee.core.protocol.ProtocolLimits;
import org.photonee.core.room.JoinRequest;
import org.photonee.core.room.ManualFibers;
import org.photonee.core.room.Room;
import org.photonee.core.room.RoomException;
import org.photonee.core.room.RoomHost;
import org.photonee.core.room.RoomMember;
import org.photonee.core.room.RoomOptions;
import org.photonee.core.room.RoomSettings;
import org.photonee.core.room.RoomState;
import org.photonee.core.testing.StubPeer;

/** Webhooks against a fake service: what is sent where, and how answers steer the room. */
class WebhooksPluginTest {
    private final ManualFibers fibers = new ManualFibers();
    private final List<HttpCall> sent = new ArrayList<>();
    private final List<String> answers = new ArrayList<>();
    private RoomHost host;
    private int peers;

    private record Member(StubPeer peer) implements RoomMember {
    }

    private void start(Map<String, String> config) {
        WebhookSettings settings = WebhookSettings.from(ConfigReader.of(config));
        PluginRegistry registry = new PluginRegistry(List.of(new WebhooksPluginFactory(settings, "eu")),
                WebhooksPlugin.NAME, Map.of(), name -> call -> {
                    sent.add(call);
                    String body = answers.isEmpty() ? "{\"ResultCode\":0}" : answers.remove(0);
                    HttpOutcome outcome = body == null ? HttpOutcome.failed(HttpStatus.REQUEST_TIMEOUT, "slow", 1)
                            : new HttpOutcome(HttpStatus.SUCCESS, 200, body.getBytes(StandardCharsets.UTF_8), null, 1);
                    return CompletableFuture.completedFuture(outcome);
                });
        host = new RoomHost(fibers, RoomSettings.DEFAULTS, null, null, registry);
    }

    private static Map<String, String> config(String... more) {
        Map<String, String> c = new java.util.HashMap<>(Map.of("photon.webhooks.baseUrl", "http://127.0.0.1:9/hooks",
                "photon.webhooks.pathCreate", "create", "photon.webhooks.pathJoin", "join",
                "photon.webhooks.pathLeave", "leave", "photon.webhooks.pathEvent", "event",
                "photon.webhooks.pathGameProperties", "props", "photon.webhooks.pathClose", "close",
                "photon.webhooks.customHttpHeaders", "{\"X-Secret\":\"s3\"}"));
        for (int i = 0; i < more.length; i += 2) {
            c.put(more[i], more[i + 1]);
        }
        return c;
    }

    private Member enter(int op, String user, int mode, Object... options) {
        Member m = new Member(new StubPeer("p" + (++peers)));
        try {
            Parameters p = Parameters.of(options);
            JoinRequest r = new JoinRequest(m, op, user, "s-" + user, PhotonHashtable.of((byte) 255, user + "-nick"),
                    mode, false, List.of(), null, Map.of("tier", "gold"), p);
            if (op == OperationCode.CREATE_GAME) {
                host.create("app", "1.0", "r1", RoomOptions.fromRequest(p, RoomSettings.DEFAULTS), r);
            } else {
                host.join("app", "1.0", "r1", null, r);
            }
        } catch (RoomException e) {
            throw new AssertionError(e);
        }
        fibers.runAll();
        return m;
    }

    private Room room() {
        return host.find("app", "r1").orElseThrow();
    }

    @SuppressWarnings("unchecked")
    private Map<String, Object> body(int i) throws Exception {
        return (Map<String, Object>) JsonDocuments.parse(new String(sent.get(i).body(), StandardCharsets.UTF_8),
                ProtocolLimits.DEFAULTS);
    }

    @Test
    void createAndJoinArePostedWithTheirFieldsAndHeaders() throws Exception {
        start(config());
        Member alice = enter(OperationCode.CREATE_GAME, "alice", JoinMode.JOIN_ONLY,
                ParameterCode.GAME_PROPERTIES, PhotonHashtable.of((byte) 255, (byte) 4, "map", "dust"));
        assertEquals(ReturnCode.OK, alice.peer().lastResponse().returnCode());
        assertEquals("Webhooks", alice.peer().lastResponse().parameters().get(ParameterCode.PLUGIN_NAME));
        assertEquals("http://127.0.0.1:9/hooks/create", sent.get(0).uri().toString());
        assertEquals("s3", sent.get(0).headers().get("X-Secret"));
        Map<String, Object> create = body(0);
        assertEquals(List.of("AppId", "AppVersion", "Region", "GameId", "Type", "UserId", "Nickname", "ActorNr",
                "CreateOptions"), List.copyOf(create.keySet()));
        assertEquals("Create", create.get("Type"));
        assertEquals("alice-nick", create.get("Nickname"));
        Map<?, ?> options = (Map<?, ?>) create.get("CreateOptions");
        assertEquals(4, options.get("MaxPlayers"));
        assertEquals(Map.of("map", "dust"), options.get("CustomProperties"));
        enter(OperationCode.JOIN_GAME, "bob", JoinMode.JOIN_ONLY);
        Map<String, Object> join = body(1);
        assertEquals("Join", join.get("Type"));
        assertEquals(2, join.get("ActorNr"));
        assertEquals("bob", join.get("UserId"));
    }

    @Test
    void aRefusedCreateRefusesTheRoomWithTheServicesMessage() {
        start(config());
        answers.add("{\"ResultCode\":7,\"Message\":\"banned studio\"}");
        Member alice = enter(OperationCode.CREATE_GAME, "alice", JoinMode.JOIN_ONLY);
        assertEquals(ReturnCode.PLUGIN_REPORTED_ERROR, alice.peer().lastResponse().returnCode());
        assertEquals("Webhook Create failed: ResultCode 7: banned studio", alice.peer().lastResponse().debugMessage());
        assertEquals(0, host.roomCount());
    }

    @Test
    void forwardedEventsCarryDataAndAuthCookieAndASyncFailureRefusesTheEventWithErrorInfo() throws Exception {
        start(config("photon.webhooks.hasErrorInfo", "true"));
        Member alice = enter(OperationCode.CREATE_GAME, "alice", JoinMode.JOIN_ONLY);
        Member bob = enter(OperationCode.JOIN_GAME, "bob", JoinMode.JOIN_ONLY);
        raise(alice, ParameterCode.CODE, (byte) 9, ParameterCode.DATA, PhotonHashtable.of("x", 1),
                ParameterCode.WEB_FLAGS, (byte) (WebFlags.HTTP_FORWARD | WebFlags.SEND_AUTH_COOKIE));
        assertEquals(1, bob.peer().events(9).size(), "async forward: relayed at once");
        Map<String, Object> event = body(2);
        assertEquals("Event", event.get("Type"));
        assertEquals(9, event.get("EvCode"));
        assertEquals(Map.of("x", 1), event.get("Data"));
        assertEquals(Map.of("tier", "gold"), event.get("AuthCookie"));

        answers.add(null);
        raise(alice, ParameterCode.CODE, (byte) 10, ParameterCode.WEB_FLAGS,
                (byte) (WebFlags.HTTP_FORWARD | WebFlags.SEND_SYNC));
        assertTrue(bob.peer().events(10).isEmpty());
        assertEquals(ReturnCode.PLUGIN_REPORTED_ERROR, alice.peer().lastResponse().returnCode());
        assertTrue(bob.peer().events(EventCode.ERROR_INFO).get(0).parameters().get(ParameterCode.INFO).toString()
                .startsWith("Webhook Event failed: REQUEST_TIMEOUT"));
    }

    private void raise(Member m, Object... parameters) {
        Room room = room();
        room.fiber().enqueue(() -> room.raiseEvent(m, Parameters.of(parameters), SendParameters.DEFAULT));
        fibers.runAll();
    }

    @Test
    void aPersistentRoomIsSavedOnCloseAndLoadedBackExactlyOnTheNextJoin() throws Exception {
        start(config("photon.webhooks.isPersistent", "true"));
        Member alice = enter(OperationCode.CREATE_GAME, "alice", JoinMode.JOIN_ONLY,
                ParameterCode.PLAYER_TTL, 600_000, ParameterCode.EMPTY_ROOM_TTL, 1000,
                ParameterCode.CHECK_USER_ON_JOIN, true,
                ParameterCode.GAME_PROPERTIES, PhotonHashtable.of("turn", (byte) 3));
        raise(alice, ParameterCode.CODE, (byte) 5, ParameterCode.DATA, new byte[] {1, 2},
                ParameterCode.CACHE, (byte) EventCaching.ADD_TO_ROOM_CACHE);
        Room room = room();
        room.fiber().enqueue(() -> room.leave(alice, Parameters.of(ParameterCode.IS_INACTIVE, true)));
        fibers.runAll();
        fibers.advance(1000);
        assertEquals(0, host.roomCount());
        Map<String, Object> save = body(sent.size() - 1);
        assertEquals("Save", save.get("Type"));
        assertEquals(1, save.get("ActorCount"));
        String stateJson = JsonDocuments.write(save.get("State"));

        answers.add("{\"ResultCode\":0,\"State\":" + stateJson + "}");
        Member back = enter(OperationCode.JOIN_GAME, "alice", JoinMode.REJOIN_ONLY);
        assertEquals(ReturnCode.OK, back.peer().lastResponse().returnCode(),
                back.peer().lastResponse().debugMessage());
        Map<String, Object> load = body(sent.size() - 1);
        assertEquals("Load", load.get("Type"));
        assertEquals(false, load.get("CreateIfNotExists"));
        assertEquals(1, back.peer().lastResponse().parameters().get(ParameterCode.ACTOR_NR));
        assertEquals((byte) 3, room().customProperties().get("turn"), "exact type kept");
        assertEquals(1, back.peer().events(5).size());
        assertTrue(java.util.Arrays.equals(new byte[] {1, 2},
                (byte[]) back.peer().events(5).get(0).parameters().get(ParameterCode.DATA)));
        assertEquals(600_000, room().playerTtl());
    }

    @Test
    void aLoadWithoutStateForAJoinOnlyIsGameIdNotExistsAndAnUnusableStateIsRefused() {
        start(config("photon.webhooks.isPersistent", "true"));
        Member nobody = enter(OperationCode.JOIN_GAME, "zed", JoinMode.JOIN_ONLY);
        assertEquals(ReturnCode.GAME_ID_NOT_EXISTS, nobody.peer().lastResponse().returnCode());
        answers.add("{\"ResultCode\":0,\"State\":{\"ActorCounter\":\"x\"}}");
        Member broken = enter(OperationCode.JOIN_GAME, "zed", JoinMode.JOIN_ONLY);
        assertEquals(ReturnCode.PLUGIN_REPORTED_ERROR, broken.peer().lastResponse().returnCode());
        assertTrue(broken.peer().lastResponse().debugMessage().contains("unusable State"));
        assertEquals(0, host.roomCount());
    }

    @Test
    void theStateJsonRoundTripsEveryField() {
        RoomState state = new RoomState("g", "a", "v", new RoomOptions(3, 4, false, true, -1, 500,
                List.of("map"), List.of("carol"), PhotonHashtable.of("map", "dust", (byte) 1, 2L), "lob", 2), 7, 2,
                List.of(new RoomState.ActorState(2, "bob", "B", PhotonHashtable.of("hp", 5.5f), new int[] {3})),
                List.of("mallory"), false, 1, List.of(new org.photonee.core.room.CachedEvent(2, 2, 8, "d", 1)),
                Map.of(2, Map.of(4, "legacy")));
        Object json = WebJsonRoundTrip.through(GameStateJson.toJson(state));
        RoomState back = GameStateJson.fromJson(json, "g", "a", "v");
        assertEquals(state.options().customProperties(), back.options().customProperties());
        assertEquals(state.options(), back.options());
        assertEquals(7, back.actorCounter());
        assertEquals(2, back.masterClientId());
        assertEquals(5.5f, back.actors().get(0).properties().get("hp"));
        assertEquals(3, back.actors().get(0).groups()[0]);
        assertEquals(state.cachedEvents(), back.cachedEvents());
        assertEquals(state.actorCaches(), back.actorCaches());
        assertEquals(List.of("mallory"), back.excludedUsers());
    }

    @Test
    void invalidSettingsNameTheirKey() {
        for (Map.Entry<String, String> bad : Map.of("photon.webhooks.baseUrl", "nope",
                "photon.webhooks.isPersistent", "yes", "photon.webhooks.customHttpHeaders", "[1]",
                "photon.webhooks.pathEvent", "http://evil/x").entrySet()) {
            Map<String, String> c = config();
            c.put(bad.getKey(), bad.getValue());
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                    () -> WebhookSettings.from(ConfigReader.of(c)));
            assertTrue(e.getMessage().contains(bad.getKey()), e.getMessage());
        }
    }
}
