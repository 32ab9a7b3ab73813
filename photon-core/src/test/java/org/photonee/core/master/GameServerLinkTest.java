package org.photonee.core.master;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;
import org.junit.jupiter.api.Test;
import org.photonee.core.codes.OperationCode;
import org.photonee.core.codes.ParameterCode;
import org.photonee.core.codes.ReturnCode;
import org.photonee.core.codes.ServerState;
import org.photonee.core.protocol.EventData;
import org.photonee.core.protocol.OperationRequest;
import org.photonee.core.protocol.Parameters;
import org.photonee.core.s2s.GameServerRegistration;
import org.photonee.core.s2s.S2SEventCode;
import org.photonee.core.s2s.S2SMessages;
import org.photonee.core.s2s.ServerLoadUpdate;
import org.photonee.core.testing.TestPeer;

class GameServerLinkTest extends MasterTestBase {
    private GameApplication application() {
        return app.master().application(APP, VERSION);
    }

    @Test
    void registrationWithoutValidCredentialIsRefusedAndDisconnected() {
        start();
        TestPeer rogue = new TestPeer(app, fiber, MasterApplication.S2S_ENDPOINT, "rogue", binary);
        GameServerRegistration reg = new GameServerRegistration("evil", Map.of("Json", "ws://evil"),
                ServerState.NORMAL, 0, 0, tokenFor("gameserver:evil"));
        assertEquals(ReturnCode.INVALID_AUTHENTICATION,
                rogue.request(S2SMessages.registerGameServer(reg)).returnCode());
        assertTrue(rogue.isClosed());
        assertEquals(0, app.master().registry().size());
    }

    @Test
    void malformedRegistrationAndSecondRegistration() {
        start();
        TestPeer gs = new TestPeer(app, fiber, MasterApplication.S2S_ENDPOINT, "gs", binary);
        assertEquals(ReturnCode.INVALID_REQUEST_PARAMETERS,
                gs.request(new OperationRequest(1, Parameters.of(3, "gs1"))).returnCode());
        TestPeer ok = gameServer("gs1");
        GameServerRegistration again = new GameServerRegistration("gs1", Map.of("Json", "ws://x"),
                ServerState.NORMAL, 0, 0, null);
        assertEquals(ReturnCode.OPERATION_DENIED, ok.request(S2SMessages.registerGameServer(again)).returnCode());
        assertEquals(ReturnCode.OPERATION_INVALID, ok.request(new OperationRequest(77)).returnCode());
    }

    @Test
    void malformedReportsAreSkippedWithoutDroppingTheLink() {
        start();
        TestPeer gs = gameServer("gs1");
        gs.sendEvent(new EventData(S2SEventCode.UPDATE_GAME_STATE, Parameters.of(255, 12)));
        gs.sendEvent(new EventData(S2SEventCode.UPDATE_SERVER, Parameters.of(22, "high")));
        gs.sendEvent(new EventData(99));
        assertFalse(gs.isClosed());
        report(gs, new Report("fine").build());
        assertNotNull(application().game("fine"));
    }

    @Test
    void loadAndStateReportsSteerTheLoadBalancer() {
        start();
        TestPeer gs1 = gameServer("gs1");
        TestPeer gs2 = gameServer("gs2");
        gs1.sendEvent(S2SMessages.updateServer(new ServerLoadUpdate(0, 10, ServerState.OUT_OF_ROTATION, 2, 10)));
        for (int i = 0; i < 10; i++) {
            assertEquals("ws://gs2/json", client("u" + i).expectOk(OperationCode.CREATE_GAME).parameters()
                    .get(ParameterCode.ADDRESS));
        }
        assertEquals(10, app.master().registry().get("gs1").peerCount());
        gs2.sendEvent(S2SMessages.gameServerLeave());
        client("z").expectError(ReturnCode.SERVER_FULL, OperationCode.CREATE_GAME);
    }

    @Test
    void droppedServerLeavesRotationAtOnceAndItsGamesAfterTheTtl() {
        start();
        TestPeer gs1 = gameServer("gs1");
        gameServer("gs2");
        report(gs1, new Report("on1").build());
        gs1.drop();
        for (int i = 0; i < 10; i++) {
            assertEquals("ws://gs2/json", client("u" + i).expectOk(OperationCode.CREATE_GAME).parameters()
                    .get(ParameterCode.ADDRESS));
        }
        assertNotNull(application().game("on1"), "still listed during GSContextTTL");
        client("j").expectError(ReturnCode.GAME_CLOSED, OperationCode.JOIN_GAME, ParameterCode.GAME_ID, "on1");
        client("k").expectError(ReturnCode.NO_MATCH_FOUND, OperationCode.JOIN_RANDOM_GAME);
        fiber.advance(20_000);
        assertNull(application().game("on1"));
        assertNull(app.master().registry().get("gs1"));
    }

    @Test
    void reconnectWithinTheTtlKeepsReReportedGamesAndDropsTheRest() {
        start();
        TestPeer gs1 = gameServer("gs1");
        report(gs1, new Report("kept").build());
        report(gs1, new Report("lost").build());
        gs1.drop();
        fiber.advance(5_000);
        TestPeer back = gameServer("gs1");
        report(back, new Report("kept").active("a").build());
        fiber.advance(19_000);
        assertNotNull(application().game("kept"));
        assertNotNull(application().game("lost"), "not yet: the re-report window is GSContextTTL");
        fiber.advance(1_000);
        assertNotNull(application().game("kept"));
        assertNull(application().game("lost"));
        assertTrue(app.master().registry().get("gs1").isInRotation());
    }

    @Test
    void newRegistrationReplacesAStillOpenLink() {
        start();
        TestPeer old = gameServer("gs1");
        report(old, new Report("g").build());
        TestPeer fresh = gameServer("gs1");
        assertTrue(old.isClosed(), "the old link is closed");
        fiber.advance(30_000);
        assertTrue(app.master().registry().get("gs1").isInRotation(), "the old link's loss does not count");
        assertNull(application().game("g"), "not re-reported on the new link");
        assertFalse(fresh.isClosed());
    }

    @Test
    void unconfirmedGamesExpire() {
        start();
        gameServer("gs1");
        client("alice").expectOk(OperationCode.CREATE_GAME, ParameterCode.GAME_ID, "never");
        fiber.advance(60_000);
        assertNull(application().game("never"));
        client("bob").expectOk(OperationCode.CREATE_GAME, ParameterCode.GAME_ID, "never");
    }

    @Test
    void gameReportedFromAnotherLobbyMovesThere() {
        start();
        TestPeer gs = gameServer("gs1");
        client("alice").expectOk(OperationCode.CREATE_GAME, ParameterCode.GAME_ID, "g");
        report(gs, new Report("g").lobby("other", 0).build());
        assertEquals(new LobbyKey("other", 0), application().game("g").lobby().key());
        assertEquals(0, application().lobby(LobbyKey.DEFAULT, 0).gameCount());
    }
}
