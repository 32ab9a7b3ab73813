package org.photonee.core.room;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.photonee.core.codes.EventCaching;
import org.photonee.core.codes.EventCode;
import org.photonee.core.codes.JoinMode;
import org.photonee.core.codes.ParameterCode;
import org.photonee.core.codes.ReturnCode;
import org.photonee.core.fiber.Cancellable;
import org.photonee.core.http.HttpCall;
import org.photonee.core.http.HttpOutcome;
import org.photonee.core.http.HttpStatus;
import org.photonee.core.plugin.BroadcastTarget;
import org.photonee.core.plugin.CreateGameCall;
import org.photonee.core.plugin.PluginErrorCode;
import org.photonee.core.plugin.RaiseEventCall;
import org.photonee.core.plugin.RemoveActorReason;
import org.photonee.core.protocol.PhotonHashtable;

/** What a plugin does through its host: timers and HTTP on the room fiber, events, properties, removal, state. */
class PluginHostTest {
    private static final HttpCall CALL = HttpCall.get(URI.create("http://127.0.0.1:1/x"), Map.of());
    private final List<String> log = new ArrayList<>();

    @Test
    void timersRunOnTheRoomFiberOnceOrRepeatedlyUntilStopped() {
        List<Cancellable> timers = new ArrayList<>();
        PluginRoomFixture f = new PluginRoomFixture(p -> p.create = c -> {
            p.host.createOneTimeTimer(() -> log.add("once"), 100);
            timers.add(p.host.createTimer(() -> log.add("tick"), 50, 50));
            c.proceed();
        });
        f.create("r1", "alice");
        assertEquals(2, f.fiber("r1").scheduledCount(), "both timers live on the room's own fiber");
        f.fiber("r1").advance(100);
        assertEquals(List.of("tick", "once", "tick"), log);
        timers.get(0).cancel();
        f.fiber("r1").advance(500);
        assertEquals(3, log.size());
    }

    @Test
    void aThrowingTimerIsReportedAndTheRoomGoesOn() {
        PluginRoomFixture f = new PluginRoomFixture(p -> p.create = c -> {
            p.host.createOneTimeTimer(() -> {
                throw new IllegalStateException("tick failed");
            }, 10);
            c.proceed();
        });
        f.create("r1", "alice");
        f.advance(10);
        assertEquals(List.of(PluginErrorCode.ASYNC_CALLBACK_EXCEPTION), f.plugin().errors);
        TestMember bob = f.join("r1", "bob");
        assertEquals(ReturnCode.OK, bob.peer.lastResponse().returnCode());
    }

    @Test
    void httpCallbacksArePostedOntoTheRoomFiber() {
        PluginRoomFixture f = new PluginRoomFixture(p -> p.raise = c -> {
            p.host.httpRequest(CALL, outcome -> log.add("answer " + outcome.httpCode()));
            c.proceed();
        });
        TestMember alice = f.create("r1", "alice");
        f.raise(alice, ParameterCode.CODE, (byte) 1);
        assertEquals(1, f.httpCalls.size());
        f.answerHttp(new HttpOutcome(HttpStatus.SUCCESS, 204, new byte[0], null, 1));
        assertTrue(log.isEmpty(), "not on the thread that completed the request");
        f.fiber("r1").runPending();
        assertEquals(List.of("answer 204"), log);
    }

    @Test
    void aPausedCallWhoseCallbackThrowsOrForgetsIsFailedAndReported() {
        List<String> mode = new ArrayList<>(List.of("throw"));
        PluginRoomFixture f = new PluginRoomFixture(p -> p.raise = c -> p.host.httpRequest(CALL, c, outcome -> {
            if (mode.get(0).equals("throw")) {
                throw new IllegalArgumentException("bad answer");
            }
        }));
        TestMember alice = f.create("r1", "alice");
        f.raise(alice, ParameterCode.CODE, (byte) 1);
        assertTrue(f.plugin().last(RaiseEventCall.class).isPaused());
        f.answerHttp(new HttpOutcome(HttpStatus.SUCCESS, 200, new byte[0], null, 1));
        f.runAll();
        assertEquals(ReturnCode.PLUGIN_REPORTED_ERROR, alice.peer.lastResponse().returnCode());
        assertTrue(alice.peer.lastResponse().debugMessage().contains("bad answer"));
        mode.set(0, "forget");
        f.raise(alice, ParameterCode.CODE, (byte) 1);
        f.answerHttp(new HttpOutcome(HttpStatus.SUCCESS, 200, new byte[0], null, 1));
        f.runAll();
        assertTrue(alice.peer.lastResponse().debugMessage().contains("did not process OnRaiseEvent"));
        assertEquals(List.of(PluginErrorCode.ASYNC_CALLBACK_EXCEPTION, PluginErrorCode.MISSING_CALL_PROCESSING),
                f.plugin().errors);
    }

    @Test
    void broadcastsReachTargetsGroupsAndTheCache() {
        PluginRoomFixture f = new PluginRoomFixture(p -> { });
        TestMember alice = f.create("r1", "alice");
        TestMember bob = f.join("r1", "bob");
        ScriptedPlugin plugin = f.plugin();
        f.fiber("r1").enqueue(() -> {
            plugin.host.broadcastEvent(List.of(2, 99), 0, 40, "for bob");
            plugin.host.broadcastEvent(BroadcastTarget.ALL, 0, 0, 41, "for all", EventCaching.ADD_TO_ROOM_CACHE_GLOBAL);
            plugin.host.broadcastErrorInfo("heads up");
        });
        f.runAll();
        assertEquals("for bob", bob.peer.events(40).get(0).parameters().get(ParameterCode.DATA));
        assertEquals(0, bob.peer.events(40).get(0).parameters().get(ParameterCode.ACTOR_NR));
        assertTrue(alice.peer.events(40).isEmpty());
        assertEquals(1, alice.peer.events(41).size());
        assertEquals("heads up", alice.peer.events(EventCode.ERROR_INFO).get(0).parameters().get(ParameterCode.INFO));
        TestMember carol = f.join("r1", "carol");
        assertEquals(1, carol.peer.events(41).size(), "the cached event is replayed to a later joiner");
    }

    @Test
    void hostPropertiesFollowTheRoomsRulesAndACasMismatchIsReported() {
        PluginRoomFixture f = new PluginRoomFixture(p -> { });
        TestMember alice = f.create("r1", "alice");
        ScriptedPlugin plugin = f.plugin();
        List<Boolean> results = new ArrayList<>();
        f.fiber("r1").enqueue(() -> {
            results.add(plugin.host.setProperties(0, PhotonHashtable.of("turn", 1), null, true));
            results.add(plugin.host.setProperties(0, PhotonHashtable.of("turn", 2), PhotonHashtable.of("turn", 5),
                    true));
        });
        f.runAll();
        assertEquals(List.of(true, false), results);
        assertEquals(1, f.room("r1").customProperties().get("turn"));
        assertEquals(List.of(PluginErrorCode.SET_PROPERTIES_CAS_FAIL), plugin.errors);
        assertEquals(1, plugin.host.gameProperties().get("turn"));
        assertEquals(Map.of("secret", "cookie-alice"), plugin.host.actors().get(0).authCookie());
        assertEquals(0, alice.peer.events(EventCode.PROPERTIES_CHANGED).get(0).parameters().get(ParameterCode.ACTOR_NR),
                "the server's change reaches every actor, sent by actor 0");
    }

    @Test
    void removingAnActorWithBanDisconnectsItAndKeepsItsUserOut() {
        PluginRoomFixture f = new PluginRoomFixture(p -> { });
        TestMember alice = f.create("r1", "alice");
        TestMember bob = f.join("r1", "bob");
        ScriptedPlugin plugin = f.plugin();
        f.fiber("r1").enqueue(() -> plugin.host.removeActor(2, RemoveActorReason.BANNED, "cheating"));
        f.runAll();
        assertTrue(bob.peer.disconnected);
        assertTrue(bob.left);
        assertEquals("cheating", bob.peer.events(EventCode.ERROR_INFO).get(0).parameters().get(ParameterCode.INFO));
        assertEquals(1, alice.peer.events(EventCode.LEAVE).size());
        TestMember again = f.join("r1", "bob");
        assertEquals(ReturnCode.JOIN_FAILED_FOUND_EXCLUDED_USER_ID, again.peer.lastResponse().returnCode());
    }

    @Test
    void aLoadingPluginRestoresAnUnknownRoomFromStateOrItDoesNotExist() {
        PluginRoomFixture source = new PluginRoomFixture(p -> { });
        TestMember alice = source.create("r1", "alice", ScriptedPlugin.NAME, ParameterCode.PLAYER_TTL, -1,
                ParameterCode.CHECK_USER_ON_JOIN, true);
        source.setProperties(alice, ParameterCode.PROPERTIES, PhotonHashtable.of("board", "x.o"));
        source.raise(alice, ParameterCode.CODE, (byte) 3, ParameterCode.CACHE, (byte) EventCaching.ADD_TO_ROOM_CACHE);
        RoomState saved = source.plugin().host.state();

        PluginRoomFixture f = PluginRoomFixture.loading(p -> p.create = c -> {
            assertTrue(c.isJoin());
            if (c.caller().userId().equals("alice")) {
                p.host.setState(saved);
            }
            c.proceed();
        });
        TestMember back = f.join("r1", "alice", JoinMode.REJOIN_ONLY, null);
        assertEquals(ReturnCode.OK, back.peer.lastResponse().returnCode());
        assertEquals(1, back.peer.lastResponse().parameters().get(ParameterCode.ACTOR_NR));
        assertEquals("x.o", f.room("r1").customProperties().get("board"));
        assertEquals(1, back.peer.events(3).size(), "cached event replayed");
        assertFalse(f.plugin().last(CreateGameCall.class).createIfNotExists());

        TestMember stranger = f.join("r2", "zed");
        assertEquals(ReturnCode.GAME_ID_NOT_EXISTS, stranger.peer.lastResponse().returnCode());
        assertEquals(1, f.host.roomCount());
    }
}
