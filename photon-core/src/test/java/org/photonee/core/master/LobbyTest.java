package org.photonee.core.master;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.photonee.core.codes.EventCode;
import org.photonee.core.codes.GamePropertyKey;
import org.photonee.core.codes.LobbyType;
import org.photonee.core.codes.OperationCode;
import org.photonee.core.codes.ParameterCode;
import org.photonee.core.codes.ReturnCode;
import org.photonee.core.protocol.EventData;
import org.photonee.core.protocol.Message;
import org.photonee.core.protocol.OperationResponse;
import org.photonee.core.protocol.PhotonHashtable;
import org.photonee.core.s2s.GameRemoval;
import org.photonee.core.s2s.GameRemoveReason;
import org.photonee.core.s2s.S2SMessages;
import org.photonee.core.testing.TestPeer;

class LobbyTest extends MasterTestBase {
    private static PhotonHashtable list(EventData event) {
        return (PhotonHashtable) event.parameters().get(ParameterCode.GAME_LIST);
    }

    @Test
    void joinLobbyAnswersThenSendsTheListOfVisibleGamesWithLobbyProperties() {
        start();
        TestPeer gs = gameServer("gs1");
        report(gs, new Report("visible").props("map", "dust").active("a").build());
        report(gs, new Report("hidden").hidden().build());
        TestPeer c = client("alice");
        c.send(OperationCode.JOIN_LOBBY);
        List<Message> messages = c.newMessages();
        assertEquals(2, messages.size());
        assertEquals(ReturnCode.OK, ((OperationResponse) messages.get(0)).returnCode());
        EventData gameList = assertInstanceOf(EventData.class, messages.get(1));
        assertEquals(EventCode.GAME_LIST, gameList.code());
        assertEquals(PhotonHashtable.of("visible", PhotonHashtable.of("map", "dust",
                GamePropertyKey.MAX_PLAYERS, (byte) 4, GamePropertyKey.IS_OPEN, true,
                GamePropertyKey.PLAYER_COUNT, (byte) 1)), list(gameList));
    }

    @Test
    void changesArriveBatchedEveryPublishInterval() {
        start();
        TestPeer gs = gameServer("gs1");
        report(gs, new Report("g1").build());
        TestPeer c = client("alice");
        c.send(OperationCode.JOIN_LOBBY);
        c.newMessages();
        report(gs, new Report("g1").active("a").build());
        report(gs, new Report("g1").active("a", "b").build());
        report(gs, new Report("g2").build());
        report(gs, new Report("g3").build());
        gs.sendEvent(S2SMessages.removeGameState(new GameRemoval(APP, VERSION, "g3", GameRemoveReason.CLOSE)));
        report(gs, new Report("g4").hidden().build());
        assertTrue(c.newMessages().isEmpty(), "nothing before the interval");
        fiber.advance(1_000);
        List<Message> updates = c.newMessages();
        assertEquals(1, updates.size());
        EventData update = (EventData) updates.get(0);
        assertEquals(EventCode.GAME_LIST_UPDATE, update.code());
        PhotonHashtable changes = list(update);
        assertEquals((byte) 2, ((Map<?, ?>) changes.get("g1")).get(GamePropertyKey.PLAYER_COUNT));
        assertTrue(changes.containsKey("g2"));
        assertEquals(PhotonHashtable.of(GamePropertyKey.REMOVED, true), changes.get("g3"));
        assertFalse(changes.containsKey("g4"), "a game never listed is not announced as removed");
        assertEquals(3, changes.size());
        fiber.advance(1_000);
        assertTrue(c.newMessages().isEmpty(), "no empty updates");
        report(gs, new Report("g2").hidden().build());
        fiber.advance(1_000);
        assertEquals(PhotonHashtable.of(GamePropertyKey.REMOVED, true),
                list((EventData) c.newMessages().get(0)).get("g2"), "a game turning invisible is removed");
    }

    @Test
    void updatesAreLimitedPerBatch() {
        start(new MasterSettingsBuilder().limits(2, 100, 10_000).build(),
                new org.photonee.core.auth.AnonymousAuthenticator());
        TestPeer gs = gameServer("gs1");
        TestPeer c = client("alice");
        c.send(OperationCode.JOIN_LOBBY);
        c.newMessages();
        for (int i = 0; i < 5; i++) {
            report(gs, new Report("g" + i).build());
        }
        fiber.advance(1_000);
        assertEquals(2, list((EventData) c.newMessages().get(0)).size());
        fiber.advance(2_000);
        List<Message> rest = c.newMessages();
        assertEquals(2, rest.size());
        assertEquals(1, list((EventData) rest.get(1)).size());
    }

    @Test
    void lobbiesAreSeparatedByNameAndTypeAndSqlLobbiesPushNothing() {
        start();
        TestPeer gs = gameServer("gs1");
        report(gs, new Report("inA").lobby("A", LobbyType.DEFAULT).build());
        report(gs, new Report("inDefault").build());
        TestPeer a = client("alice");
        a.send(OperationCode.JOIN_LOBBY, ParameterCode.LOBBY_NAME, "A", ParameterCode.LOBBY_TYPE, (byte) 0);
        assertEquals(List.of("inA"), List.copyOf(list(a.events(EventCode.GAME_LIST).get(0)).keySet()));
        TestPeer sql = client("bob");
        sql.send(OperationCode.JOIN_LOBBY, ParameterCode.LOBBY_NAME, "S", ParameterCode.LOBBY_TYPE, LobbyType.SQL);
        assertEquals(1, sql.newMessages().size(), "only the response");
        sql.expectError(ReturnCode.OPERATION_INVALID, OperationCode.JOIN_LOBBY, ParameterCode.LOBBY_TYPE, 7);
        sql.expectOk(OperationCode.LEAVE_LOBBY);
    }

    @Test
    void lobbyCountIsCapped() {
        start(new MasterSettingsBuilder().limits(500, 100, 2).build(),
                new org.photonee.core.auth.AnonymousAuthenticator());
        TestPeer a = client("alice");
        TestPeer b = client("bob");
        a.expectOk(OperationCode.JOIN_LOBBY, ParameterCode.LOBBY_NAME, "one");
        b.expectOk(OperationCode.JOIN_LOBBY, ParameterCode.LOBBY_NAME, "two");
        client("carol").expectError(ReturnCode.OPERATION_INVALID, OperationCode.JOIN_LOBBY,
                ParameterCode.LOBBY_NAME, "three");
        b.expectOk(OperationCode.LEAVE_LOBBY);
        client("carol").expectOk(OperationCode.JOIN_LOBBY, ParameterCode.LOBBY_NAME, "three");
    }

    @Test
    void appStatsEveryFiveSeconds() {
        start();
        TestPeer gs = gameServer("gs1");
        report(gs, new Report("g1").active("a", "b").inactive("c").build());
        TestPeer c = client("alice");
        client("bob");
        fiber.advance(5_000);
        List<EventData> stats = c.events(EventCode.APP_STATS);
        assertEquals(1, stats.size());
        assertEquals(2, stats.get(0).parameters().get(ParameterCode.MASTER_PEER_COUNT));
        assertEquals(3, stats.get(0).parameters().get(ParameterCode.PEER_COUNT));
        assertEquals(1, stats.get(0).parameters().get(ParameterCode.GAME_COUNT));
        fiber.advance(5_000);
        assertEquals(2, c.events(EventCode.APP_STATS).size());
    }

    @Test
    void lobbyStatsOperationAndEvent() {
        start();
        TestPeer gs = gameServer("gs1");
        report(gs, new Report("g1").build());
        TestPeer subscriber = connect(json);
        subscriber.expectOk(OperationCode.AUTHENTICATE, ParameterCode.TOKEN, tokenFor("sub"),
                ParameterCode.LOBBY_STATS, true);
        subscriber.expectOk(OperationCode.JOIN_LOBBY);
        OperationResponse all = subscriber.expectOk(OperationCode.LOBBY_STATS);
        assertArrayEquals(new String[] {""}, (String[]) all.parameters().get(ParameterCode.LOBBY_NAME));
        assertArrayEquals(new int[] {1}, (int[]) all.parameters().get(ParameterCode.PEER_COUNT));
        assertArrayEquals(new int[] {1}, (int[]) all.parameters().get(ParameterCode.GAME_COUNT));
        OperationResponse some = subscriber.expectOk(OperationCode.LOBBY_STATS,
                ParameterCode.LOBBY_NAME, new String[] {"", "nope"}, ParameterCode.LOBBY_TYPE, new byte[] {0, 2});
        assertArrayEquals(new byte[] {0, 2}, (byte[]) some.parameters().get(ParameterCode.LOBBY_TYPE));
        assertArrayEquals(new int[] {1, 0}, (int[]) some.parameters().get(ParameterCode.GAME_COUNT));
        subscriber.expectError(ReturnCode.ARGUMENT_OUT_OF_RANGE, OperationCode.LOBBY_STATS,
                ParameterCode.LOBBY_NAME, new String[] {"a", "b"}, ParameterCode.LOBBY_TYPE, new byte[] {0});
        TestPeer other = client("other");
        fiber.advance(120_000);
        assertEquals(1, subscriber.events(EventCode.LOBBY_STATS).size());
        assertTrue(other.events(EventCode.LOBBY_STATS).isEmpty());
        other.expectOk(OperationCode.SETTINGS, MasterOperations.SETTINGS_RECEIVE_LOBBY_STATS, true);
        fiber.advance(120_000);
        assertEquals(1, other.events(EventCode.LOBBY_STATS).size());
    }

    @Test
    void leavingTheLobbyStopsUpdates() {
        start();
        TestPeer gs = gameServer("gs1");
        TestPeer c = client("alice");
        c.send(OperationCode.JOIN_LOBBY);
        c.newMessages();
        c.expectOk(OperationCode.LEAVE_LOBBY);
        report(gs, new Report("g1").build());
        fiber.advance(1_000);
        assertTrue(c.events(EventCode.GAME_LIST_UPDATE).isEmpty());
    }

    @Test
    void disconnectedMemberLeavesTheLobbyAndTheApplication() {
        start();
        TestPeer c = client("alice");
        c.send(OperationCode.JOIN_LOBBY);
        TestPeer other = client("bob");
        c.drop();
        OperationResponse stats = other.expectOk(OperationCode.LOBBY_STATS);
        assertArrayEquals(new int[] {0}, (int[]) stats.parameters().get(ParameterCode.PEER_COUNT));
        assertEquals(1, app.master().application(APP, VERSION).peerCount());
    }
}
