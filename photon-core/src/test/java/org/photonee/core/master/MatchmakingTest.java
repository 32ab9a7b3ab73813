package org.photonee.core.master;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.photonee.core.auth.AnonymousAuthenticator;
import org.photonee.core.auth.AuthToken;
import org.photonee.core.auth.TokenException;
import org.photonee.core.codes.GamePropertyKey;
import org.photonee.core.codes.JoinMode;
import org.photonee.core.codes.LobbyType;
import org.photonee.core.codes.MatchmakingMode;
import org.photonee.core.codes.OperationCode;
import org.photonee.core.codes.ParameterCode;
import org.photonee.core.codes.ReturnCode;
import org.photonee.core.protocol.OperationResponse;
import org.photonee.core.protocol.PhotonHashtable;
import org.photonee.core.testing.TestPeer;

class MatchmakingTest extends MasterTestBase {
    private static String gameOf(OperationResponse r) {
        return (String) r.parameters().get(ParameterCode.GAME_ID);
    }

    // ---- CreateGame ----

    @Test
    void createGameWithoutGameServerIsServerFull() {
        start();
        client("alice").expectError(ReturnCode.SERVER_FULL, OperationCode.CREATE_GAME, ParameterCode.GAME_ID, "r");
    }

    @Test
    void createGameAnswersAddressForTheClientsProtocolNameAndGrantingToken() throws TokenException {
        start();
        gameServer("gs1");
        OperationResponse r = client("alice").expectOk(OperationCode.CREATE_GAME, ParameterCode.GAME_ID, "room1",
                ParameterCode.GAME_PROPERTIES, PhotonHashtable.of(GamePropertyKey.MAX_PLAYERS, 4,
                        GamePropertyKey.LOBBY_PROPERTIES, new Object[] {"map"}, "map", "dust"));
        assertEquals("ws://gs1/json", r.parameters().get(ParameterCode.ADDRESS));
        assertEquals("room1", gameOf(r));
        AuthToken token = tokens.decode((String) r.parameters().get(ParameterCode.TOKEN));
        assertEquals("room1", token.grantedGameId());
        assertEquals("alice", token.userId());
        OperationResponse binaryClient = client("bob", binary).expectOk(OperationCode.CREATE_GAME);
        assertEquals("ws://gs1/binary", binaryClient.parameters().get(ParameterCode.ADDRESS));
        assertEquals(36, gameOf(binaryClient).length(), "a GUID when no name is given");
    }

    @Test
    void createGameWithTakenNameOrBadOptionsIsRefused() {
        start();
        gameServer("gs1");
        TestPeer c = client("alice");
        c.expectOk(OperationCode.CREATE_GAME, ParameterCode.GAME_ID, "room1");
        c.expectError(ReturnCode.GAME_ID_ALREADY_EXISTS, OperationCode.CREATE_GAME, ParameterCode.GAME_ID, "room1");
        TestPeer d = client("bob");
        d.expectError(ReturnCode.OPERATION_INVALID, OperationCode.CREATE_GAME, ParameterCode.GAME_PROPERTIES,
                PhotonHashtable.of(GamePropertyKey.MAX_PLAYERS, 300));
        d.expectError(ReturnCode.OPERATION_INVALID, OperationCode.CREATE_GAME, ParameterCode.GAME_PROPERTIES,
                PhotonHashtable.of(GamePropertyKey.IS_OPEN, "yes"));
        d.expectError(ReturnCode.OPERATION_INVALID, OperationCode.CREATE_GAME, ParameterCode.GAME_PROPERTIES,
                PhotonHashtable.of(GamePropertyKey.MASTER_CLIENT_ID, 1));
        d.expectError(ReturnCode.OPERATION_INVALID, OperationCode.CREATE_GAME, ParameterCode.GAME_ID, 17);
        d.expectError(ReturnCode.OPERATION_INVALID, OperationCode.CREATE_GAME, ParameterCode.GAME_ID, "x".repeat(200));
        d.expectError(ReturnCode.OPERATION_INVALID, OperationCode.CREATE_GAME, ParameterCode.ADD_USERS,
                new Object[] {"ok", 5});
    }

    @Test
    void newGamesSpreadOverTwoGameServers() {
        start();
        gameServer("gs1");
        gameServer("gs2");
        Set<Object> addresses = new HashSet<>();
        for (int i = 0; i < 20; i++) {
            addresses.add(client("u" + i).expectOk(OperationCode.CREATE_GAME).parameters().get(ParameterCode.ADDRESS));
        }
        assertEquals(Set.of("ws://gs1/json", "ws://gs2/json"), addresses);
    }

    // ---- JoinGame ----

    @Test
    void joinGameGoesToTheGamesServer() {
        start();
        TestPeer gs = gameServer("gs1");
        gameServer("gs2");
        report(gs, new Report("room1").build());
        OperationResponse r = client("bob").expectOk(OperationCode.JOIN_GAME, ParameterCode.GAME_ID, "room1");
        assertEquals("ws://gs1/json", r.parameters().get(ParameterCode.ADDRESS));
        assertEquals("room1", gameOf(r));
    }

    @Test
    void joinGameOfAnUnconfirmedGameIsAllowed() {
        start();
        gameServer("gs1");
        client("alice").expectOk(OperationCode.CREATE_GAME, ParameterCode.GAME_ID, "room1");
        client("bob").expectOk(OperationCode.JOIN_GAME, ParameterCode.GAME_ID, "room1");
    }

    @Test
    void joinGameErrors() {
        start();
        TestPeer gs = gameServer("gs1");
        TestPeer c = client("bob");
        c.expectError(ReturnCode.GAME_ID_NOT_EXISTS, OperationCode.JOIN_GAME, ParameterCode.GAME_ID, "nope");
        c.expectError(ReturnCode.OPERATION_INVALID, OperationCode.JOIN_GAME);
        report(gs, new Report("closed").closed().build());
        c.expectError(ReturnCode.GAME_CLOSED, OperationCode.JOIN_GAME, ParameterCode.GAME_ID, "closed");
        report(gs, new Report("full").max(2).active("a", "b").build());
        c.expectError(ReturnCode.GAME_FULL, OperationCode.JOIN_GAME, ParameterCode.GAME_ID, "full");
        report(gs, new Report("reserved").max(3).active("a").expected("x", "y").build());
        c.expectError(ReturnCode.GAME_FULL, OperationCode.JOIN_GAME, ParameterCode.GAME_ID, "reserved");
        report(gs, new Report("inactiveSlot").max(2).active("a").inactive("c").build());
        c.expectError(ReturnCode.GAME_FULL, OperationCode.JOIN_GAME, ParameterCode.GAME_ID, "inactiveSlot");
        report(gs, new Report("banned").excluded("bob").build());
        c.expectError(ReturnCode.JOIN_FAILED_FOUND_EXCLUDED_USER_ID, OperationCode.JOIN_GAME,
                ParameterCode.GAME_ID, "banned");
        report(gs, new Report("slots").max(3).active("a").build());
        c.expectError(ReturnCode.SLOT_ERROR, OperationCode.JOIN_GAME, ParameterCode.GAME_ID, "slots",
                ParameterCode.ADD_USERS, new String[] {"f1", "f2"});
        c.expectOk(OperationCode.JOIN_GAME, ParameterCode.GAME_ID, "slots", ParameterCode.ADD_USERS,
                new String[] {"f1"});
    }

    @Test
    void expectedUserJoinsAFullGame() {
        start();
        TestPeer gs = gameServer("gs1");
        report(gs, new Report("room").max(2).active("a").expected("bob").build());
        client("carol").expectError(ReturnCode.GAME_FULL, OperationCode.JOIN_GAME, ParameterCode.GAME_ID, "room");
        client("bob").expectOk(OperationCode.JOIN_GAME, ParameterCode.GAME_ID, "room");
    }

    @Test
    void joinOrCreate() {
        start();
        gameServer("gs1");
        OperationResponse created = client("alice").expectOk(OperationCode.JOIN_GAME, ParameterCode.GAME_ID, "r1",
                ParameterCode.JOIN_MODE, JoinMode.CREATE_IF_NOT_EXISTS);
        assertEquals("r1", gameOf(created));
        client("bob").expectOk(OperationCode.JOIN_GAME, ParameterCode.GAME_ID, "r1", ParameterCode.JOIN_MODE,
                (byte) JoinMode.CREATE_IF_NOT_EXISTS);
        client("carol").expectOk(OperationCode.JOIN_GAME, ParameterCode.GAME_ID, "r2", ParameterCode.JOIN_MODE, true);
        client("dave").expectError(ReturnCode.OPERATION_INVALID, OperationCode.JOIN_GAME, ParameterCode.GAME_ID, "r3",
                ParameterCode.JOIN_MODE, 9);
    }

    @Test
    void rejoinRules() {
        start();
        TestPeer gs = gameServer("gs1");
        report(gs, new Report("room").max(2).closed().uniqueUsers().playerTtl(60_000).active("a").inactive("bob")
                .build());
        TestPeer bob = client("bob");
        bob.expectOk(OperationCode.JOIN_GAME, ParameterCode.GAME_ID, "room", ParameterCode.JOIN_MODE,
                JoinMode.REJOIN_ONLY);
        bob.expectOk(OperationCode.JOIN_GAME, ParameterCode.GAME_ID, "room", ParameterCode.JOIN_MODE,
                JoinMode.REJOIN_OR_JOIN);
        TestPeer a = client("a");
        // Reported active: maybe stale (a leave as inactive may be on its way), so the game server decides.
        a.expectOk(OperationCode.JOIN_GAME, ParameterCode.GAME_ID, "room", ParameterCode.JOIN_MODE,
                JoinMode.REJOIN_ONLY);
        a.expectOk(OperationCode.JOIN_GAME, ParameterCode.GAME_ID, "room", ParameterCode.JOIN_MODE,
                JoinMode.REJOIN_ONLY, ParameterCode.FORCE_REJOIN, true);
        client("zed").expectError(ReturnCode.JOIN_FAILED_WITH_REJOINER_NOT_FOUND, OperationCode.JOIN_GAME,
                ParameterCode.GAME_ID, "room", ParameterCode.JOIN_MODE, JoinMode.REJOIN_ONLY);

        report(gs, new Report("open").uniqueUsers().playerTtl(60_000).active("a").inactive("bob").build());
        client("bob").expectError(ReturnCode.JOIN_FAILED_FOUND_INACTIVE_JOINER, OperationCode.JOIN_GAME,
                ParameterCode.GAME_ID, "open");
        client("a").expectError(ReturnCode.JOIN_FAILED_FOUND_ACTIVE_JOINER, OperationCode.JOIN_GAME,
                ParameterCode.GAME_ID, "open");
        report(gs, new Report("noTtl").active("a").build());
        OperationResponse r = client("q").expectError(ReturnCode.JOIN_FAILED_WITH_REJOINER_NOT_FOUND,
                OperationCode.JOIN_GAME, ParameterCode.GAME_ID, "noTtl", ParameterCode.JOIN_MODE,
                JoinMode.REJOIN_ONLY);
        assertTrue(r.debugMessage().contains("PlayerTTL is 0"));
    }

    // ---- JoinRandomGame ----

    @Test
    void joinRandomWithoutGamesIsNoMatchFoundOrCreates() {
        start();
        gameServer("gs1");
        TestPeer c = client("alice");
        c.expectError(ReturnCode.NO_MATCH_FOUND, OperationCode.JOIN_RANDOM_GAME);
        OperationResponse created = c.expectOk(OperationCode.JOIN_RANDOM_GAME, ParameterCode.JOIN_MODE,
                JoinMode.CREATE_IF_NOT_EXISTS, ParameterCode.GAME_ID, "fresh");
        assertEquals("fresh", gameOf(created));
        assertEquals("ws://gs1/json", created.parameters().get(ParameterCode.ADDRESS));
    }

    @Test
    void joinRandomSkipsClosedFullHiddenAndUnconfirmedGames() {
        start();
        TestPeer gs = gameServer("gs1");
        client("x").expectOk(OperationCode.CREATE_GAME, ParameterCode.GAME_ID, "unconfirmed");
        report(gs, new Report("closed").closed().build());
        report(gs, new Report("full").max(1).active("a").build());
        report(gs, new Report("hidden").hidden().build());
        report(gs, new Report("banned").excluded("alice").build());
        report(gs, new Report("good").build());
        assertEquals("good", gameOf(client("alice").expectOk(OperationCode.JOIN_RANDOM_GAME)));
    }

    @Test
    void expectedPropertiesMatchExactlyOnListedPropertiesAndMaxPlayers() {
        start();
        TestPeer gs = gameServer("gs1");
        report(gs, new Report("four").max(4).props("map", "dust", "lvl", 3).build());
        report(gs, new Report("eight").max(8).props("map", "dust", "lvl", 3).build());
        TestPeer c = client("alice");
        assertEquals("eight", gameOf(c.expectOk(OperationCode.JOIN_RANDOM_GAME, ParameterCode.GAME_PROPERTIES,
                PhotonHashtable.of(GamePropertyKey.MAX_PLAYERS, (byte) 8))));
        assertEquals("four", gameOf(c.expectOk(OperationCode.JOIN_RANDOM_GAME, ParameterCode.GAME_PROPERTIES,
                PhotonHashtable.of(GamePropertyKey.MAX_PLAYERS, 4, "lvl", (byte) 3, "map", "dust"))));
        TestPeer d = client("bob");
        d.expectError(ReturnCode.NO_MATCH_FOUND, OperationCode.JOIN_RANDOM_GAME, ParameterCode.GAME_PROPERTIES,
                PhotonHashtable.of("map", "other"));
        d.expectError(ReturnCode.NO_MATCH_FOUND, OperationCode.JOIN_RANDOM_GAME, ParameterCode.GAME_PROPERTIES,
                PhotonHashtable.of("unlisted", 1));
    }

    @Test
    void fillRoomFillsInCreationOrder() {
        start(new MasterSettingsBuilder().joinLimits(3, 0).build(), new AnonymousAuthenticator());
        TestPeer gs = gameServer("gs1");
        report(gs, new Report("first").build());
        report(gs, new Report("second").build());
        TestPeer c = client("alice");
        for (int i = 0; i < 3; i++) {
            assertEquals("first", gameOf(c.expectOk(OperationCode.JOIN_RANDOM_GAME, ParameterCode.MATCHMAKING_TYPE,
                    (byte) MatchmakingMode.FILL_ROOM)));
        }
    }

    @Test
    void serialMatchingGoesRoundRobin() {
        start(new MasterSettingsBuilder().joinLimits(3, 0).build(), new AnonymousAuthenticator());
        TestPeer gs = gameServer("gs1");
        report(gs, new Report("g1").build());
        report(gs, new Report("g2").build());
        report(gs, new Report("g3").build());
        TestPeer c = client("alice");
        StringBuilder order = new StringBuilder();
        for (int i = 0; i < 4; i++) {
            order.append(gameOf(c.expectOk(OperationCode.JOIN_RANDOM_GAME, ParameterCode.MATCHMAKING_TYPE,
                    MatchmakingMode.SERIAL_MATCHING))).append(' ');
        }
        assertEquals("g1 g2 g3 g1 ", order.toString());
    }

    @Test
    void randomMatchingReachesEveryGame() {
        start(new MasterSettingsBuilder().joinLimits(3, 0).build(), new AnonymousAuthenticator());
        TestPeer gs = gameServer("gs1");
        report(gs, new Report("g1").build());
        report(gs, new Report("g2").build());
        report(gs, new Report("g3").build());
        TestPeer c = client("alice");
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < 60; i++) {
            seen.add(gameOf(c.expectOk(OperationCode.JOIN_RANDOM_GAME, ParameterCode.MATCHMAKING_TYPE,
                    MatchmakingMode.RANDOM_MATCHING)));
        }
        assertEquals(Set.of("g1", "g2", "g3"), seen);
        c.expectError(ReturnCode.OPERATION_INVALID, OperationCode.JOIN_RANDOM_GAME, ParameterCode.MATCHMAKING_TYPE, 5);
    }

    @Test
    void sqlLobbyJoinRandomUsesTheFilter() {
        start();
        TestPeer gs = gameServer("gs1");
        report(gs, new Report("low").lobby("ranked", LobbyType.SQL).props("C0", 10, "C1", "eu").build());
        report(gs, new Report("high").lobby("ranked", LobbyType.SQL).props("C0", 90, "C1", "eu").build());
        TestPeer c = client("alice");
        assertEquals("high", gameOf(c.expectOk(OperationCode.JOIN_RANDOM_GAME, ParameterCode.LOBBY_NAME, "ranked",
                ParameterCode.LOBBY_TYPE, (byte) LobbyType.SQL,
                ParameterCode.DATA, "C0 BETWEEN 50 AND 100 AND C1 = 'eu'")));
        c.expectError(ReturnCode.NO_MATCH_FOUND, OperationCode.JOIN_RANDOM_GAME, ParameterCode.LOBBY_NAME, "ranked",
                ParameterCode.LOBBY_TYPE, LobbyType.SQL, ParameterCode.DATA, "C1 LIKE 'us%'");
        OperationResponse bad = c.expectError(ReturnCode.OPERATION_INVALID, OperationCode.JOIN_RANDOM_GAME,
                ParameterCode.LOBBY_NAME, "ranked", ParameterCode.LOBBY_TYPE, LobbyType.SQL,
                ParameterCode.DATA, "C0 = 1; DELETE FROM Game");
        assertTrue(bad.debugMessage().startsWith("Invalid SQL filter"), bad.debugMessage());
    }

    @Test
    void getGameListQueriesAnSqlLobby() {
        start(new MasterSettingsBuilder().limits(500, 2, 10_000).build(),
                new org.photonee.core.auth.AnonymousAuthenticator());
        TestPeer gs = gameServer("gs1");
        for (int i = 0; i < 4; i++) {
            report(gs, new Report("g" + i).lobby("s", LobbyType.SQL).props("C0", i).build());
        }
        TestPeer c = client("alice");
        OperationResponse r = c.expectOk(OperationCode.GET_GAME_LIST, ParameterCode.LOBBY_NAME, "s",
                ParameterCode.LOBBY_TYPE, LobbyType.SQL, ParameterCode.DATA, "C0 >= 1");
        PhotonHashtable list = (PhotonHashtable) r.parameters().get(ParameterCode.GAME_LIST);
        assertEquals(Set.of("g1", "g2"), list.keySet(), "limited to LimitSqlFilterResults");
        c.expectError(ReturnCode.OPERATION_INVALID, OperationCode.GET_GAME_LIST, ParameterCode.DATA, "C0 = 1");
        c.expectError(ReturnCode.OPERATION_INVALID, OperationCode.GET_GAME_LIST, ParameterCode.LOBBY_NAME, "s",
                ParameterCode.LOBBY_TYPE, LobbyType.SQL, ParameterCode.DATA, "C0 = ");
    }

    // ---- throttle ----

    @Test
    void concurrentJoinRequestsAreThrottled() {
        start();
        gameServer("gs1");
        TestPeer c = client("alice");
        for (int i = 0; i < 5; i++) {
            c.post(new org.photonee.core.protocol.OperationRequest(OperationCode.CREATE_GAME));
        }
        fiber.runPending();
        long limited = c.newMessages().stream().filter(m -> m instanceof OperationResponse r
                && r.returnCode() == ReturnCode.OPERATION_LIMIT_REACHED).count();
        assertEquals(2, limited, "3 concurrent allowed");
    }

    @Test
    void totalGrantedJoinsPerConnectionAreLimited() {
        start();
        gameServer("gs1");
        TestPeer c = client("alice");
        c.expectError(ReturnCode.NO_MATCH_FOUND, OperationCode.JOIN_RANDOM_GAME);
        for (int i = 0; i < 4; i++) {
            c.expectOk(OperationCode.CREATE_GAME);
        }
        c.expectError(ReturnCode.OPERATION_LIMIT_REACHED, OperationCode.CREATE_GAME);
    }

    // ---- FindFriends ----

    @Test
    void findFriendsReportsOnlineUsersAndTheirRooms() {
        start();
        TestPeer gs = gameServer("gs1");
        report(gs, new Report("room1").active("bob", "carol").build());
        report(gs, new Report("secret").hidden().active("dave").build());
        client("erin");
        TestPeer c = client("alice");
        OperationResponse r = c.expectOk(OperationCode.FIND_FRIENDS, ParameterCode.FIND_FRIENDS_USER_LIST,
                new String[] {"bob", "dave", "erin", "nobody"});
        assertTrue(java.util.Arrays.equals(new boolean[] {true, true, true, false},
                (boolean[]) r.parameters().get(ParameterCode.FIND_FRIENDS_IS_ONLINE)));
        assertTrue(java.util.Arrays.equals(new String[] {"room1", "secret", "", ""},
                (String[]) r.parameters().get(ParameterCode.FIND_FRIENDS_USER_STATES)));
        // A binary client must be able to receive the answer: Protocol16 string arrays cannot hold null.
        new org.photonee.core.codec.protocol16.GpBinaryV16Protocol().encode(r);
        OperationResponse visibleOnly = c.expectOk(OperationCode.FIND_FRIENDS, ParameterCode.FIND_FRIENDS_USER_LIST,
                new String[] {"dave"}, ParameterCode.FIND_FRIENDS_OPTIONS, MasterOperations.FIND_FRIENDS_VISIBLE);
        assertTrue(java.util.Arrays.equals(new String[] {""},
                (String[]) visibleOnly.parameters().get(ParameterCode.FIND_FRIENDS_USER_STATES)));
        report(gs, new Report("room1").active("carol").build());
        OperationResponse left = c.expectOk(OperationCode.FIND_FRIENDS, ParameterCode.FIND_FRIENDS_USER_LIST,
                new String[] {"bob"});
        assertTrue(java.util.Arrays.equals(new boolean[] {false},
                (boolean[]) left.parameters().get(ParameterCode.FIND_FRIENDS_IS_ONLINE)));
        c.expectError(ReturnCode.OPERATION_INVALID, OperationCode.FIND_FRIENDS);
    }
}
