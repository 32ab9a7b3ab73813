package org.photonee.core.room;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.photonee.core.codes.EventCode;
import org.photonee.core.codes.JoinMode;
import org.photonee.core.codes.ParameterCode;
import org.photonee.core.codes.ReturnCode;
import org.photonee.core.http.HttpCall;
import org.photonee.core.http.HttpOutcome;
import org.photonee.core.http.HttpStatus;
import org.photonee.core.plugin.BeforeJoinCall;
import org.photonee.core.plugin.CreateGameCall;
import org.photonee.core.plugin.JoinCall;
import org.photonee.core.plugin.PluginErrorCode;
import org.photonee.core.protocol.OperationResponse;

/** Plugin choice by name, and the create / before-join / join hooks' continue, fail and defer paths. */
class PluginJoinTest {

    @Test
    void aRoomNamingThePluginGetsItWithItsSettingsAndTheResponseNamesIt() {
        PluginRoomFixture f = new PluginRoomFixture(p -> { });
        TestMember alice = f.create("r1", "alice");
        OperationResponse r = alice.peer.lastResponse();
        assertEquals(ReturnCode.OK, r.returnCode());
        assertEquals("scripted", r.parameters().get(ParameterCode.PLUGIN_NAME));
        assertEquals("2.5", r.parameters().get(ParameterCode.PLUGIN_VERSION));
        assertEquals(List.of("OnCreateGame"), f.plugin().hooks());
        assertEquals("30", f.plugin().settings.get("turnSeconds").orElseThrow());
        CreateGameCall call = f.plugin().last(CreateGameCall.class);
        assertEquals("alice", call.caller().userId());
        assertEquals(Map.of("secret", "cookie-alice"), call.caller().authCookie());
        assertFalse(call.isJoin());
        assertEquals("scripted", f.room("r1").plugin().name());
    }

    @Test
    void aNameNobodyServesIsAPluginMismatchAndNoRoomIsMade() {
        PluginRoomFixture f = new PluginRoomFixture(p -> { });
        TestMember alice = f.create("r1", "alice", "chess");
        OperationResponse r = alice.peer.lastResponse();
        assertEquals(ReturnCode.PLUGIN_MISMATCH, r.returnCode());
        assertTrue(r.debugMessage().contains("'chess' is not offered"), r.debugMessage());
        assertEquals(0, f.host.roomCount());
        assertTrue(f.plugins.isEmpty());
    }

    @Test
    void noNameGivesTheDefaultPluginWhichContinuesEverythingAndIsNotNamedInTheResponse() {
        PluginRoomFixture f = new PluginRoomFixture(p -> { });
        TestMember alice = f.create("r1", "alice", null);
        assertEquals(ReturnCode.OK, alice.peer.lastResponse().returnCode());
        assertNull(alice.peer.lastResponse().parameters().get(ParameterCode.PLUGIN_NAME));
        assertEquals("Default", f.room("r1").plugin().name());
        assertTrue(f.plugins.isEmpty());
    }

    @Test
    void aConfiguredDefaultPluginServesRoomsThatNameNone() {
        PluginRoomFixture f = new PluginRoomFixture(p -> { }, true);
        f.create("r1", "alice", null);
        assertEquals("scripted", f.room("r1").plugin().name());
    }

    @Test
    void joiningWithAnotherPluginNameThanTheRoomsIsAPluginMismatch() {
        PluginRoomFixture f = new PluginRoomFixture(p -> { });
        f.create("r1", "alice");
        TestMember bob = f.join("r1", "bob", JoinMode.JOIN_ONLY, "Default");
        assertEquals(ReturnCode.PLUGIN_MISMATCH, bob.peer.lastResponse().returnCode());
        assertTrue(bob.peer.lastResponse().debugMessage().contains("room's plugin 'scripted'"));
        assertEquals(1, f.room("r1").actors().size());
    }

    @Test
    void failingCreateRefusesTheCreatorWithTheMessageAndErrorDataAndTheRoomIsGone() {
        PluginRoomFixture f = new PluginRoomFixture(p -> p.create = c -> c.fail("no rooms today",
                Map.of(ParameterCode.INFO, "closed")));
        TestMember alice = f.create("r1", "alice");
        OperationResponse r = alice.peer.lastResponse();
        assertEquals(ReturnCode.PLUGIN_REPORTED_ERROR, r.returnCode());
        assertEquals("no rooms today", r.debugMessage());
        assertEquals("closed", r.parameters().get(ParameterCode.INFO));
        assertEquals(ReturnCode.PLUGIN_REPORTED_ERROR, alice.failedWith);
        assertEquals(0, f.host.roomCount());
    }

    @Test
    void aFactoryThatThrowsRefusesTheRoom() {
        PluginRoomFixture f = new PluginRoomFixture(p -> {
            throw new IllegalStateException("bad config");
        });
        TestMember alice = f.create("r1", "alice");
        assertEquals(ReturnCode.PLUGIN_REPORTED_ERROR, alice.peer.lastResponse().returnCode());
        assertTrue(alice.peer.lastResponse().debugMessage().contains("bad config"));
        assertEquals(0, f.host.roomCount());
    }

    @Test
    void beforeJoinContinuedLetsTheUserTryAndOnJoinSeesTheActor() {
        PluginRoomFixture f = new PluginRoomFixture(p -> { });
        f.create("r1", "alice");
        TestMember bob = f.join("r1", "bob");
        assertEquals(ReturnCode.OK, bob.peer.lastResponse().returnCode());
        assertEquals(List.of("OnCreateGame", "BeforeJoin", "OnJoin"), f.plugin().hooks());
        assertEquals(2, f.plugin().last(JoinCall.class).caller().actorNr());
        assertEquals("bob", f.plugin().last(BeforeJoinCall.class).caller().userId());
    }

    @Test
    void beforeJoinFailedRefusesTheJoinerAndNobodyHearsOfIt() {
        PluginRoomFixture f = new PluginRoomFixture(p -> p.beforeJoin = c -> c.fail("members only"));
        TestMember alice = f.create("r1", "alice");
        alice.peer.clear();
        TestMember bob = f.join("r1", "bob");
        assertEquals(ReturnCode.PLUGIN_REPORTED_ERROR, bob.peer.lastResponse().returnCode());
        assertEquals("members only", bob.peer.lastResponse().debugMessage());
        assertTrue(alice.peer.events(EventCode.JOIN).isEmpty());
        assertEquals(1, f.room("r1").actors().size());
    }

    @Test
    void onJoinFailedTakesTheAdmittedActorOutAgainBeforeAnyoneIsTold() {
        PluginRoomFixture f = new PluginRoomFixture(p -> p.join = c -> c.fail("not you"));
        TestMember alice = f.create("r1", "alice");
        alice.peer.clear();
        TestMember bob = f.join("r1", "bob");
        assertEquals(ReturnCode.PLUGIN_REPORTED_ERROR, bob.peer.lastResponse().returnCode());
        assertTrue(alice.peer.events(EventCode.JOIN).isEmpty());
        assertEquals(1, f.room("r1").actors().size());
        // Numbers are never reused, even for a refused actor.
        TestMember carol = f.join("r1", "carol");
        assertEquals(ReturnCode.PLUGIN_REPORTED_ERROR, carol.peer.lastResponse().returnCode());
    }

    @Test
    void onJoinWaitingForHttpAnswersTheJoinerOnlyWhenTheCallbackDecides() {
        PluginRoomFixture f = new PluginRoomFixture(p -> p.join = c -> p.host.httpRequest(
                HttpCall.get(URI.create("http://127.0.0.1:1/allowed"), Map.of()), c, outcome -> {
                    if (outcome.isSuccess()) {
                        c.proceed();
                    } else {
                        c.fail("backend says no");
                    }
                }));
        TestMember alice = f.create("r1", "alice");
        alice.peer.clear();
        TestMember bob = f.join("r1", "bob");
        assertTrue(bob.peer.responses().isEmpty(), "no answer while the plugin waits");
        assertTrue(f.plugin().last(JoinCall.class).isPaused());
        f.answerHttp(new HttpOutcome(HttpStatus.SUCCESS, 200, new byte[0], null, 5));
        assertTrue(bob.peer.responses().isEmpty(), "the callback runs on the room fiber, not the HTTP thread");
        f.runAll();
        assertEquals(ReturnCode.OK, bob.peer.lastResponse().returnCode());
        assertEquals(1, alice.peer.events(EventCode.JOIN).size());

        TestMember carol = f.join("r1", "carol");
        f.answerHttp(HttpOutcome.failed(HttpStatus.REQUEST_TIMEOUT, "slow", 30_000));
        f.runAll();
        assertEquals(ReturnCode.PLUGIN_REPORTED_ERROR, carol.peer.lastResponse().returnCode());
        assertEquals("backend says no", carol.peer.lastResponse().debugMessage());
    }

    @Test
    void forgettingACallIsReportedAndTheClientGetsPluginReportedError() {
        PluginRoomFixture f = new PluginRoomFixture(p -> p.beforeJoin = c -> { });
        f.create("r1", "alice");
        TestMember bob = f.join("r1", "bob");
        OperationResponse r = bob.peer.lastResponse();
        assertEquals(ReturnCode.PLUGIN_REPORTED_ERROR, r.returnCode());
        assertTrue(r.debugMessage().contains("did not process BeforeJoin"), r.debugMessage());
        assertEquals(List.of(PluginErrorCode.MISSING_CALL_PROCESSING), f.plugin().errors);
    }

    @Test
    void aThrowingHookIsReportedAndOnlyThatJoinFails() {
        PluginRoomFixture f = new PluginRoomFixture(p -> p.beforeJoin = c -> {
            if (c.caller().userId().equals("bob")) {
                throw new IllegalArgumentException("boom");
            }
            c.proceed();
        });
        f.create("r1", "alice");
        TestMember bob = f.join("r1", "bob");
        assertEquals(ReturnCode.PLUGIN_REPORTED_ERROR, bob.peer.lastResponse().returnCode());
        assertTrue(bob.peer.lastResponse().debugMessage().contains("boom"));
        assertEquals(List.of(PluginErrorCode.UNHANDLED_EXCEPTION), f.plugin().errors);
        TestMember carol = f.join("r1", "carol");
        assertEquals(ReturnCode.OK, carol.peer.lastResponse().returnCode());
    }

    @Test
    void processingACallTwiceIsReportedAndTheFirstDecisionStands() {
        PluginRoomFixture f = new PluginRoomFixture(p -> p.beforeJoin = c -> {
            c.proceed();
            c.fail("too late");
        });
        f.create("r1", "alice");
        TestMember bob = f.join("r1", "bob");
        assertEquals(ReturnCode.OK, bob.peer.lastResponse().returnCode());
        assertEquals(List.of(PluginErrorCode.UNHANDLED_EXCEPTION), f.plugin().errors);
    }
}
