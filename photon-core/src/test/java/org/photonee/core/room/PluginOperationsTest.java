package org.photonee.core.room;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.photonee.core.codes.LeaveReason;
import org.photonee.core.codes.OperationCode;
import org.photonee.core.codes.ParameterCode;
import org.photonee.core.codes.ReturnCode;
import org.photonee.core.plugin.DisconnectCall;
import org.photonee.core.plugin.LeaveCall;
import org.photonee.core.plugin.PluginCall;
import org.photonee.core.plugin.PluginErrorCode;
import org.photonee.core.plugin.RaiseEventCall;
import org.photonee.core.plugin.SetPropertiesCall;
import org.photonee.core.plugin.WebFlags;
import org.photonee.core.protocol.PhotonHashtable;

/** RaiseEvent, SetProperties, Leave, Disconnect and close through a plugin: continue, fail, cancel, defer. */
class PluginOperationsTest {
    private final List<PluginCall> deferred = new ArrayList<>();

    private PluginRoomFixture roomWithTwo(java.util.function.Consumer<ScriptedPlugin> script) {
        PluginRoomFixture f = new PluginRoomFixture(script);
        f.create("r1", "alice");
        f.join("r1", "bob");
        return f;
    }

    @Test
    void raiseEventContinuedIsRelayedAndTheCallShowsCodeDataAndWebFlags() {
        PluginRoomFixture f = new PluginRoomFixture(p -> { });
        TestMember alice = f.create("r1", "alice");
        TestMember bob = f.join("r1", "bob");
        f.raise(alice, ParameterCode.CODE, (byte) 7, ParameterCode.DATA, "move", ParameterCode.WEB_FLAGS,
                (byte) WebFlags.HTTP_FORWARD);
        assertEquals(1, bob.peer.events(7).size());
        RaiseEventCall call = f.plugin().last(RaiseEventCall.class);
        assertEquals(7, call.eventCode());
        assertEquals("move", call.data());
        assertEquals(WebFlags.HTTP_FORWARD, call.webFlags());
        assertEquals(1, call.caller().actorNr());
    }

    @Test
    void raiseEventCancelledGoesNowhereAndIsNotAnswered() {
        PluginRoomFixture f = new PluginRoomFixture(p -> p.raise = RaiseEventCall::cancel);
        TestMember alice = f.create("r1", "alice");
        TestMember bob = f.join("r1", "bob");
        alice.peer.clear();
        f.raise(alice, ParameterCode.CODE, (byte) 7, ParameterCode.RECEIVER_GROUP, (byte) 1);
        assertTrue(bob.peer.events(7).isEmpty());
        assertTrue(alice.peer.received.isEmpty());
    }

    @Test
    void raiseEventFailedAnswersTheSenderWithPluginReportedError() {
        PluginRoomFixture f = new PluginRoomFixture(p -> p.raise = c -> c.fail("not your turn"));
        TestMember alice = f.create("r1", "alice");
        TestMember bob = f.join("r1", "bob");
        f.raise(alice, ParameterCode.CODE, (byte) 7);
        assertTrue(bob.peer.events(7).isEmpty());
        assertEquals(OperationCode.RAISE_EVENT, alice.peer.lastResponse().code());
        assertEquals(ReturnCode.PLUGIN_REPORTED_ERROR, alice.peer.lastResponse().returnCode());
        assertEquals("not your turn", alice.peer.lastResponse().debugMessage());
    }

    @Test
    void raiseEventDeferredIsRelayedWhenTheTimerContinuesIt() {
        PluginRoomFixture f = new PluginRoomFixture(p -> p.raise = c -> {
            c.defer();
            p.host.createOneTimeTimer(c::proceed, 200);
        });
        TestMember alice = f.create("r1", "alice");
        TestMember bob = f.join("r1", "bob");
        f.raise(alice, ParameterCode.CODE, (byte) 7);
        assertTrue(bob.peer.events(7).isEmpty());
        assertTrue(f.plugin().last(RaiseEventCall.class).isDeferred());
        f.advance(199);
        assertTrue(bob.peer.events(7).isEmpty());
        f.advance(1);
        assertEquals(1, bob.peer.events(7).size());
        assertTrue(f.plugin().last(RaiseEventCall.class).isSucceeded());
        assertTrue(f.plugin().errors.isEmpty());
    }

    @Test
    void aThrowingOnRaiseEventFailsOnlyThatEventTheRoomCarriesOn() {
        PluginRoomFixture f = new PluginRoomFixture(p -> p.raise = c -> {
            if (c.eventCode() == 13) {
                throw new IllegalStateException("unlucky");
            }
            c.proceed();
        });
        TestMember alice = f.create("r1", "alice");
        TestMember bob = f.join("r1", "bob");
        f.raise(alice, ParameterCode.CODE, (byte) 13);
        assertEquals(ReturnCode.PLUGIN_REPORTED_ERROR, alice.peer.lastResponse().returnCode());
        assertEquals(List.of(PluginErrorCode.UNHANDLED_EXCEPTION), f.plugin().errors);
        f.raise(bob, ParameterCode.CODE, (byte) 14);
        assertEquals(1, alice.peer.events(14).size());
    }

    @Test
    void beforeSetPropertiesMayChangeWhatIsSetAndOnSetPropertiesSeesTheResult() {
        PluginRoomFixture f = new PluginRoomFixture(p -> p.beforeSet = c -> {
            c.properties().put("score", 0);
            c.proceed();
        });
        TestMember alice = f.create("r1", "alice");
        f.setProperties(alice, ParameterCode.PROPERTIES, PhotonHashtable.of("map", "dust", "score", 99));
        assertEquals(ReturnCode.OK, alice.peer.lastResponse().returnCode());
        assertEquals(0, f.room("r1").customProperties().get("score"));
        assertEquals("dust", f.room("r1").customProperties().get("map"));
        assertEquals(0, f.plugin().last(SetPropertiesCall.class).request().properties().get("score"));
    }

    @Test
    void beforeSetPropertiesCancelledSetsNothingAndFailedAnswersTheError() {
        List<String> mode = new ArrayList<>(List.of("cancel"));
        PluginRoomFixture f = new PluginRoomFixture(p -> p.beforeSet = c -> {
            if (mode.get(0).equals("cancel")) {
                c.cancel();
            } else {
                c.fail("read-only");
            }
        });
        TestMember alice = f.create("r1", "alice");
        alice.peer.clear();
        f.setProperties(alice, ParameterCode.PROPERTIES, PhotonHashtable.of("map", "dust"));
        assertNull(f.room("r1").customProperties().get("map"));
        assertTrue(alice.peer.received.isEmpty());
        mode.set(0, "fail");
        f.setProperties(alice, ParameterCode.PROPERTIES, PhotonHashtable.of("map", "dust"));
        assertNull(f.room("r1").customProperties().get("map"));
        assertEquals(ReturnCode.PLUGIN_REPORTED_ERROR, alice.peer.lastResponse().returnCode());
        assertEquals("read-only", alice.peer.lastResponse().debugMessage());
    }

    @Test
    void beforeSetPropertiesDeferredSetsWhenContinuedAndACasMismatchIsReported() {
        PluginRoomFixture f = new PluginRoomFixture(p -> p.beforeSet = c -> {
            c.defer();
            deferred.add(c);
        });
        TestMember alice = f.create("r1", "alice");
        f.setProperties(alice, ParameterCode.PROPERTIES, PhotonHashtable.of("map", "dust"));
        assertNull(f.room("r1").customProperties().get("map"));
        Room room = f.room("r1");
        room.fiber().enqueue(() -> deferred.get(0).proceed());
        f.runAll();
        assertEquals("dust", room.customProperties().get("map"));
        assertEquals(ReturnCode.OK, alice.peer.lastResponse().returnCode());

        f.setProperties(alice, ParameterCode.PROPERTIES, PhotonHashtable.of("map", "mirage"),
                ParameterCode.EXPECTED_VALUES, PhotonHashtable.of("map", "nuke"));
        room.fiber().enqueue(() -> deferred.get(1).proceed());
        f.runAll();
        assertEquals("dust", room.customProperties().get("map"));
        assertEquals(ReturnCode.OPERATION_INVALID, alice.peer.lastResponse().returnCode());
        assertEquals(List.of(PluginErrorCode.SET_PROPERTIES_CAS_FAIL), f.plugin().errors);
    }

    @Test
    void onSetPropertiesFailedKeepsThePropertiesButAnswersTheError() {
        PluginRoomFixture f = new PluginRoomFixture(p -> p.set = c -> c.fail("noted, but no"));
        TestMember alice = f.create("r1", "alice");
        f.setProperties(alice, ParameterCode.PROPERTIES, PhotonHashtable.of("map", "dust"));
        assertEquals("dust", f.room("r1").customProperties().get("map"));
        assertEquals(ReturnCode.PLUGIN_REPORTED_ERROR, alice.peer.lastResponse().returnCode());
    }

    @Test
    void onLeaveSeesReasonAndInactiveFlagAndAFailedLeaveStillLeaves() {
        PluginRoomFixture f = roomWithTwo(p -> p.leave = c -> c.fail("stay!"));
        TestMember carol = f.join("r1", "carol");
        f.leave(carol, false);
        LeaveCall call = f.plugin().last(LeaveCall.class);
        assertEquals(LeaveReason.LEAVE_REQUEST, call.reason());
        assertFalse(call.isInactive());
        assertEquals(3, call.caller().actorNr());
        assertEquals(2, f.room("r1").actors().size());
    }

    @Test
    void aDisconnectIsSeenByOnDisconnectThenOnLeaveAsInactiveWhenPlayerTtlAllows() {
        PluginRoomFixture f = new PluginRoomFixture(p -> { });
        f.create("r1", "alice", ScriptedPlugin.NAME, ParameterCode.PLAYER_TTL, 60_000);
        TestMember bob = f.join("r1", "bob");
        f.disconnect(bob, LeaveReason.CLIENT_TIMEOUT_DISCONNECT);
        List<String> hooks = f.plugin().hooks();
        assertEquals(List.of("OnDisconnect", "OnLeave"), hooks.subList(hooks.size() - 2, hooks.size()));
        assertEquals(LeaveReason.CLIENT_TIMEOUT_DISCONNECT, f.plugin().last(DisconnectCall.class).reason());
        assertTrue(f.plugin().last(LeaveCall.class).isInactive());
        f.advance(60_000);
        LeaveCall expired = f.plugin().last(LeaveCall.class);
        assertEquals(LeaveReason.PLAYER_TTL_TIMED_OUT, expired.reason());
        assertFalse(expired.isInactive());
    }

    @Test
    void anEmptyRoomClosesThroughBeforeCloseAndADeferredOnCloseHoldsTheUnload() {
        PluginRoomFixture f = new PluginRoomFixture(p -> p.close = c -> {
            c.defer();
            deferred.add(c);
        });
        TestMember alice = f.create("r1", "alice", ScriptedPlugin.NAME, ParameterCode.EMPTY_ROOM_TTL, 1000);
        f.leave(alice, false);
        f.advance(1000);
        List<String> hooks = f.plugin().hooks();
        assertEquals(List.of("BeforeCloseGame", "OnCloseGame"), hooks.subList(hooks.size() - 2, hooks.size()));
        assertEquals(1, f.host.roomCount(), "still loaded while OnCloseGame is deferred");
        f.fiber("r1").enqueue(() -> deferred.get(0).proceed());
        f.runAll();
        assertEquals(0, f.host.roomCount());
        assertTrue(f.fiber("r1").isDisposed());
    }

    @Test
    void failingBeforeCloseKeepsTheRoomForAnotherEmptyRoomTtl() {
        List<Integer> attempts = new ArrayList<>();
        PluginRoomFixture f = new PluginRoomFixture(p -> p.beforeClose = c -> {
            attempts.add(1);
            if (attempts.size() == 1) {
                c.fail("keep it");
            } else {
                c.proceed();
            }
        });
        TestMember alice = f.create("r1", "alice", ScriptedPlugin.NAME, ParameterCode.EMPTY_ROOM_TTL, 1000);
        f.leave(alice, false);
        f.advance(1000);
        assertEquals(1, f.host.roomCount());
        f.advance(1000);
        assertEquals(0, f.host.roomCount());
        assertEquals(2, attempts.size());
    }
}
