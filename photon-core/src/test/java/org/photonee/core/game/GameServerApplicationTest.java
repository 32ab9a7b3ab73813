package org.photonee.core.game;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.photonee.core.auth.AuthToken;
import org.photonee.core.auth.TokenException;
import org.photonee.core.codes.EventCode;
import org.photonee.core.codes.GamePropertyKey;
import org.photonee.core.codes.JoinMode;
import org.photonee.core.codes.OperationCode;
import org.photonee.core.codes.ParameterCode;
import org.photonee.core.codes.ReceiverGroup;
import org.photonee.core.codes.ReturnCode;
import org.photonee.core.peer.PeerEnvironment;
import org.photonee.core.protocol.EventData;
import org.photonee.core.protocol.OperationResponse;
import org.photonee.core.protocol.Parameters;
import org.photonee.core.protocol.PhotonHashtable;
import org.photonee.core.room.InMemoryRoomStateStore;
import org.photonee.core.room.ManualFibers;
import org.photonee.core.testing.MessageProtocol;
import org.photonee.core.s2s.GameRemoveReason;
import org.photonee.core.s2s.GameStateListener;
import org.photonee.core.s2s.GameStateReport;

class GameServerApplicationTest {
    private static final long HOUR = 3_600_000;

    private final ManualFibers fibers = new ManualFibers();
    private final FakeTokenCodec codec = new FakeTokenCodec();
    private final InMemoryRoomStateStore store = new InMemoryRoomStateStore();
    private final MessageProtocol protocol = new MessageProtocol("Test");
    private final AtomicLong wallClock = new AtomicLong(1_000_000_000L);
    private final List<String> removed = new java.util.concurrent.CopyOnWriteArrayList<>();
    private final List<GameStateReport> reports = new java.util.concurrent.CopyOnWriteArrayList<>();
    private GameServerApplication app = start(GameServerSettings.DEFAULTS);
    private int clients;

    private GameServerApplication start(GameServerSettings settings) {
        GameStateListener listener = new GameStateListener() {
            @Override
            public void gameUpdated(GameStateReport report) {
                reports.add(report);
            }

            @Override
            public void gameRemoved(String appId, String appVersion, String gameId, GameRemoveReason reason) {
                removed.add(gameId + ":" + reason);
            }
        };
        GameServerApplication a = new GameServerApplication(new PeerEnvironment(fibers), codec, listener, store,
                settings, wallClock::get);
        a.start();
        return a;
    }

    @AfterEach
    void stop() {
        app.stop();
    }

    private String token(String userId, String game, long lifetime) {
        long now = wallClock.get();
        return codec.encode(new AuthToken(userId, "app", "1.0", "session-" + userId, now, now + lifetime,
                now + 24 * HOUR, game, Map.of()));
    }

    private TestClient client() {
        return new TestClient(app, protocol, fibers, "c" + (++clients));
    }

    private TestClient authenticated(String userId, String game) {
        TestClient c = client();
        OperationResponse r = c.call(OperationCode.AUTHENTICATE, ParameterCode.APPLICATION_ID, "app",
                ParameterCode.APP_VERSION, "1.0", ParameterCode.TOKEN, token(userId, game, HOUR),
                ParameterCode.USER_ID, userId);
        assertEquals(ReturnCode.OK, r.returnCode());
        return c;
    }

    private TestClient inRoom(String userId, String game, int op, Object... extra) {
        TestClient c = authenticated(userId, game);
        Object[] params = new Object[extra.length + 2];
        params[0] = ParameterCode.GAME_ID;
        params[1] = game;
        System.arraycopy(extra, 0, params, 2, extra.length);
        assertEquals(ReturnCode.OK, c.call(op, params).returnCode());
        return c;
    }

    @Test
    void beforeAuthenticationOnlyAuthenticateIsAllowed() {
        TestClient c = client();
        assertEquals(ReturnCode.OPERATION_DENIED, c.call(OperationCode.CREATE_GAME, ParameterCode.GAME_ID, "r")
                .returnCode());
        assertEquals(ReturnCode.OPERATION_DENIED, c.call(OperationCode.RAISE_EVENT, ParameterCode.CODE, 1)
                .returnCode());
        assertEquals(ReturnCode.INVALID_AUTHENTICATION, c.call(OperationCode.AUTHENTICATE).returnCode());
        assertEquals(ReturnCode.INVALID_AUTHENTICATION, c.call(OperationCode.AUTHENTICATE, ParameterCode.TOKEN,
                "forged").returnCode());
        assertEquals(ReturnCode.INVALID_AUTHENTICATION, c.call(OperationCode.AUTHENTICATE, ParameterCode.TOKEN, 42)
                .returnCode());
    }

    @Test
    void expiredOrForeignAppTokensAreRefused() {
        TestClient c = client();
        String expired = token("u", "r", 1000);
        wallClock.addAndGet(1000);
        assertEquals(ReturnCode.AUTHENTICATION_TOKEN_EXPIRED, c.call(OperationCode.AUTHENTICATE, ParameterCode.TOKEN,
                expired).returnCode());
        assertEquals(ReturnCode.INVALID_AUTHENTICATION, c.call(OperationCode.AUTHENTICATE, ParameterCode.TOKEN,
                token("u", "r", HOUR), ParameterCode.APPLICATION_ID, "other-app").returnCode());
    }

    @Test
    void authenticatingTwiceIsDenied() {
        TestClient c = authenticated("u", "r");
        assertEquals(ReturnCode.OPERATION_DENIED, c.call(OperationCode.AUTHENTICATE, ParameterCode.TOKEN,
                token("u", "r", HOUR)).returnCode());
    }

    @Test
    void roomOperationsOutsideARoomAreDenied() {
        TestClient c = authenticated("u", "r");
        assertEquals(ReturnCode.OPERATION_DENIED, c.call(OperationCode.RAISE_EVENT, ParameterCode.CODE, 1)
                .returnCode());
        assertEquals(ReturnCode.OPERATION_DENIED, c.call(OperationCode.LEAVE).returnCode());
        assertEquals(ReturnCode.OPERATION_INVALID, c.call(200).returnCode());
    }

    @Test
    void createJoinRaiseSetPropertiesAndLeave() {
        TestClient alice = inRoom("alice", "room1", OperationCode.CREATE_GAME, ParameterCode.GAME_PROPERTIES,
                PhotonHashtable.of(GamePropertyKey.MAX_PLAYERS, 4, "map", "de_dust"));
        OperationResponse created = alice.lastResponse(OperationCode.CREATE_GAME);
        assertEquals(1, created.parameters().get(ParameterCode.ACTOR_NR));
        TestClient bob = inRoom("bob", "room1", OperationCode.JOIN_GAME);
        assertEquals(2, bob.lastResponse(OperationCode.JOIN_GAME).parameters().get(ParameterCode.ACTOR_NR));
        assertEquals(2, alice.events(EventCode.JOIN).size());

        bob.send(OperationCode.RAISE_EVENT, ParameterCode.CODE, 7, ParameterCode.DATA, PhotonHashtable.of("hello",
                "world"), ParameterCode.RECEIVER_GROUP, ReceiverGroup.ALL);
        for (TestClient c : List.of(alice, bob)) {
            EventData e = c.events(7).get(0);
            assertEquals(2, e.parameters().get(ParameterCode.ACTOR_NR));
            assertEquals(PhotonHashtable.of("hello", "world"), e.parameters().get(ParameterCode.DATA));
        }
        assertFalse(bob.hasResponse(OperationCode.RAISE_EVENT));

        assertEquals(ReturnCode.OK, alice.call(OperationCode.SET_PROPERTIES, ParameterCode.PROPERTIES,
                PhotonHashtable.of("score", 5), ParameterCode.BROADCAST, true).returnCode());
        EventData changed = bob.events(EventCode.PROPERTIES_CHANGED).get(0);
        assertEquals(Parameters.of(ParameterCode.TARGET_ACTOR_NR, 0, ParameterCode.PROPERTIES,
                PhotonHashtable.of("score", 5), ParameterCode.ACTOR_NR, 1), changed.parameters());
        OperationResponse props = bob.call(OperationCode.GET_PROPERTIES, ParameterCode.PROPERTY_TYPE, 1);
        assertEquals(5, ((PhotonHashtable) props.parameters().get(ParameterCode.GAME_PROPERTIES)).get("score"));

        assertEquals(ReturnCode.OK, bob.call(OperationCode.LEAVE).returnCode());
        assertEquals(2, alice.events(EventCode.LEAVE).get(0).parameters().get(ParameterCode.ACTOR_NR));
        assertEquals(ReturnCode.OPERATION_DENIED, bob.call(OperationCode.RAISE_EVENT, ParameterCode.CODE, 1)
                .returnCode(), "after Leave the peer is outside any room again");
        assertEquals(ReturnCode.OK, bob.call(OperationCode.JOIN_GAME, ParameterCode.GAME_ID, "room1")
                .returnCode(), "and may join again");
        assertEquals(3, bob.lastResponse(OperationCode.JOIN_GAME).parameters().get(ParameterCode.ACTOR_NR));
    }

    @Test
    void creatingOrJoiningTwiceIsPeerAlreadyJoined() {
        TestClient alice = inRoom("alice", "room1", OperationCode.CREATE_GAME);
        assertEquals(ReturnCode.JOIN_FAILED_PEER_ALREADY_JOINED, alice.call(OperationCode.JOIN_GAME,
                ParameterCode.GAME_ID, "room1").returnCode());
    }

    @Test
    void theTokensGrantedGameIsEnforced() {
        TestClient c = authenticated("u", "granted");
        OperationResponse r = c.call(OperationCode.CREATE_GAME, ParameterCode.GAME_ID, "other");
        assertEquals(ReturnCode.OPERATION_DENIED, r.returnCode());
        assertEquals(ReturnCode.OK, c.call(OperationCode.CREATE_GAME, ParameterCode.GAME_ID, "granted")
                .returnCode());
    }

    @Test
    void aTokenWithoutGrantIsAcceptedUnlessTheSettingRequiresOne() {
        TestClient free = authenticated("u", null);
        assertEquals(ReturnCode.OK, free.call(OperationCode.CREATE_GAME, ParameterCode.GAME_ID, "any").returnCode());
        app.stop();
        app = start(new GameServerSettings(null, GameServerSettings.DEFAULT_AUTH_TOKEN_EXPIRATION_MILLIS, true));
        TestClient strict = authenticated("v", null);
        assertEquals(ReturnCode.OPERATION_DENIED, strict.call(OperationCode.CREATE_GAME, ParameterCode.GAME_ID,
                "any").returnCode());
    }

    @Test
    void badCreateAndJoinRequestsAreAnsweredWithTheirCodes() {
        TestClient c = authenticated("u", null);
        assertEquals(ReturnCode.OPERATION_INVALID, c.call(OperationCode.CREATE_GAME).returnCode());
        assertEquals(ReturnCode.OPERATION_INVALID, c.call(OperationCode.CREATE_GAME, ParameterCode.GAME_ID, 5)
                .returnCode());
        assertEquals(ReturnCode.OPERATION_INVALID, c.call(OperationCode.CREATE_GAME, ParameterCode.GAME_ID, "r",
                ParameterCode.EMPTY_ROOM_TTL, 600_000).returnCode());
        assertEquals(ReturnCode.OPERATION_INVALID, c.call(OperationCode.JOIN_GAME, ParameterCode.GAME_ID, "r",
                ParameterCode.JOIN_MODE, 9).returnCode());
        assertEquals(ReturnCode.GAME_ID_NOT_EXISTS, c.call(OperationCode.JOIN_GAME, ParameterCode.GAME_ID, "r")
                .returnCode());
        assertEquals(ReturnCode.OK, c.call(OperationCode.JOIN_GAME, ParameterCode.GAME_ID, "r",
                ParameterCode.JOIN_MODE, true).returnCode(), "legacy CreateIfNotExists flag");
        assertEquals("r", reports.get(reports.size() - 1).gameId());
    }

    @Test
    void createOfAnExistingRoomIsGameIdAlreadyExistsAndThePeerMayTryAgain() {
        inRoom("alice", "room1", OperationCode.CREATE_GAME);
        TestClient bob = authenticated("bob", null);
        assertEquals(ReturnCode.GAME_ID_ALREADY_EXISTS, bob.call(OperationCode.CREATE_GAME, ParameterCode.GAME_ID,
                "room1").returnCode());
        assertEquals(ReturnCode.OK, bob.call(OperationCode.JOIN_GAME, ParameterCode.GAME_ID, "room1").returnCode());
    }

    @Test
    void aDroppedConnectionLeavesAnInactiveActorThatRejoinsFromANewConnection() {
        TestClient alice = inRoom("alice", "room1", OperationCode.CREATE_GAME, ParameterCode.PLAYER_TTL, 60_000,
                ParameterCode.CHECK_USER_ON_JOIN, true);
        TestClient bob = inRoom("bob", "room1", OperationCode.JOIN_GAME);
        bob.drop();
        EventData leave = alice.events(EventCode.LEAVE).get(0);
        assertEquals(true, leave.parameters().get(ParameterCode.IS_INACTIVE));
        TestClient bobAgain = inRoom("bob", "room1", OperationCode.JOIN_GAME, ParameterCode.JOIN_MODE,
                JoinMode.REJOIN_ONLY);
        assertEquals(2, bobAgain.lastResponse(OperationCode.JOIN_GAME).parameters().get(ParameterCode.ACTOR_NR));
        GameStateReport last = reports.get(reports.size() - 1);
        assertEquals(2, last.activeCount());
        assertEquals(0, last.inactiveCount());
    }

    @Test
    void aConnectionThatDropsWhileItsJoinIsOnTheWayStillLeavesTheRoom() {
        TestClient alice = inRoom("alice", "room1", OperationCode.CREATE_GAME);
        TestClient bob = authenticated("bob", null);
        bob.peer.receive(protocol.encode(new org.photonee.core.protocol.OperationRequest(OperationCode.JOIN_GAME,
                Parameters.of(ParameterCode.GAME_ID, "room1"))));
        bob.peer.transportClosed(org.photonee.core.codes.DisconnectReason.CLIENT_DISCONNECT, "gone");
        fibers.runAll();
        assertEquals(1, app.rooms().find("app", "room1").orElseThrow().activeCount());
        assertEquals(2, alice.events(EventCode.LEAVE).get(0).parameters().get(ParameterCode.ACTOR_NR));
    }

    @Test
    void theRoomIsRemovedAndReportedAfterTheLastActorLeft() {
        TestClient alice = inRoom("alice", "room1", OperationCode.CREATE_GAME, ParameterCode.EMPTY_ROOM_TTL, 500);
        assertEquals("room1", reports.get(0).gameId());
        alice.call(OperationCode.LEAVE);
        fibers.advance(600);
        assertEquals(List.of("room1:CLOSE"), removed);
        assertEquals(0, app.rooms().roomCount());
    }

    @Test
    void aTokenCloseToExpiryIsRenewedWithAnAuthEventAfterRaiseEvent() throws TokenException {
        TestClient c = client();
        long lifetime = GameServerSettings.DEFAULT_AUTH_TOKEN_EXPIRATION_MILLIS;
        c.call(OperationCode.AUTHENTICATE, ParameterCode.TOKEN, token("u", "r", lifetime));
        c.call(OperationCode.CREATE_GAME, ParameterCode.GAME_ID, "r");
        c.send(OperationCode.RAISE_EVENT, ParameterCode.CODE, 1);
        assertTrue(c.events(EventCode.AUTH_EVENT).isEmpty(), "fresh token: nothing to renew");
        wallClock.addAndGet(lifetime * 2 / 3 + 1);
        c.send(OperationCode.RAISE_EVENT, ParameterCode.CODE, 1);
        List<EventData> auth = c.events(EventCode.AUTH_EVENT);
        assertEquals(1, auth.size());
        AuthToken renewed = codec.decode((String) auth.get(0).parameters().get(ParameterCode.TOKEN));
        assertEquals(wallClock.get() + lifetime, renewed.expiresAtMillis());
        assertEquals("r", renewed.grantedGameId());
        assertEquals("u", renewed.userId());
        c.send(OperationCode.RAISE_EVENT, ParameterCode.CODE, 1);
        assertEquals(1, c.events(EventCode.AUTH_EVENT).size(), "renewed once, not after every event");
    }

    @Test
    void noRenewalPastTheFinalExpiry() {
        TestClient c = client();
        long now = wallClock.get();
        String t = codec.encode(new AuthToken("u", "app", "1.0", "s", now, now + 1000, now + 1000, null, Map.of()));
        c.call(OperationCode.AUTHENTICATE, ParameterCode.TOKEN, t);
        c.call(OperationCode.CREATE_GAME, ParameterCode.GAME_ID, "r");
        c.send(OperationCode.RAISE_EVENT, ParameterCode.CODE, 1);
        assertTrue(c.events(EventCode.AUTH_EVENT).isEmpty());
    }

    @Test
    void stoppingTheServerSavesPersistentRoomsForTheNextStart() {
        inRoom("alice", "turns", OperationCode.CREATE_GAME, ParameterCode.PLAYER_TTL, -1,
                ParameterCode.GAME_PROPERTIES, PhotonHashtable.of("turn", 3));
        app.stop();
        fibers.runAll();
        assertEquals(1, store.size());
        app = start(GameServerSettings.DEFAULTS);
        TestClient back = inRoom("alice", "turns", OperationCode.JOIN_GAME, ParameterCode.JOIN_MODE,
                JoinMode.REJOIN_ONLY);
        OperationResponse r = back.lastResponse(OperationCode.JOIN_GAME);
        assertEquals(1, r.parameters().get(ParameterCode.ACTOR_NR));
        assertEquals(3, ((PhotonHashtable) r.parameters().get(ParameterCode.GAME_PROPERTIES)).get("turn"));
        assertNotNull(app.rooms().find("app", "turns").orElse(null));
    }

    @Test
    void rpcIsForwardedInAndOutOfARoomAndLimitedPerRoomPerSecond() {
        List<String> paths = new java.util.concurrent.CopyOnWriteArrayList<>();
        app.setWebRpc(new org.photonee.core.webrpc.WebRpc(new org.photonee.core.webrpc.WebRpcSettings(
                new org.photonee.core.webrpc.WebServiceUrl("http://127.0.0.1:9/rpc"), 2, null), call -> {
                    paths.add(call.uri().getPath());
                    return java.util.concurrent.CompletableFuture.completedFuture(new org.photonee.core.http.HttpOutcome(
                            org.photonee.core.http.HttpStatus.SUCCESS, 200,
                            "{\"ResultCode\":0,\"Data\":{\"ok\":true}}".getBytes(), null, 1));
                }, ""));
        TestClient outside = authenticated("u0", null);
        OperationResponse r = outside.call(OperationCode.RPC, ParameterCode.URI_PATH, "hello");
        assertEquals(ReturnCode.OK, r.returnCode());
        assertEquals(Map.of("ok", true), r.parameters().get(ParameterCode.RPC_CALL_PARAMS));
        TestClient alice = inRoom("alice", "r", OperationCode.CREATE_GAME);
        TestClient bob = inRoom("bob", "r", OperationCode.JOIN_GAME);
        assertEquals(ReturnCode.OK, alice.call(OperationCode.RPC, ParameterCode.URI_PATH, "a").returnCode());
        assertEquals(ReturnCode.OK, bob.call(OperationCode.RPC, ParameterCode.URI_PATH, "b").returnCode());
        OperationResponse limited = alice.call(OperationCode.RPC, ParameterCode.URI_PATH, "c");
        assertEquals(ReturnCode.HTTP_LIMIT_REACHED, limited.returnCode());
        assertEquals(List.of("/rpc/hello", "/rpc/a", "/rpc/b"), paths);
        fibers.advance(1000);
        assertEquals(ReturnCode.OK, alice.call(OperationCode.RPC, ParameterCode.URI_PATH, "d").returnCode());
    }
}
