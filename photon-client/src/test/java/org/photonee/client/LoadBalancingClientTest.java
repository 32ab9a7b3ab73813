package org.photonee.client;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.photonee.core.codes.EventCode;
import org.photonee.core.codes.JoinMode;
import org.photonee.core.codes.OperationCode;
import org.photonee.core.codes.ParameterCode;
import org.photonee.core.codes.ReturnCode;
import org.photonee.core.codec.protocol16.GpBinaryV16Protocol;
import org.photonee.core.protocol.EventData;
import org.photonee.core.protocol.OperationRequest;
import org.photonee.core.protocol.Parameters;
import org.photonee.core.protocol.PhotonHashtable;
import org.photonee.core.protocol.ProtocolLimits;

class LoadBalancingClientTest {
    private FakeLoadBalancing fake;
    private LoadBalancingClient client;
    private Recorder recorder;

    /** Records callbacks as readable lines; tests wait for the line they expect. */
    static final class Recorder implements LoadBalancingListener {
        final BlockingQueue<String> lines = new LinkedBlockingQueue<>();
        final List<ClientState> states = new CopyOnWriteArrayList<>();

        @Override
        public void onStateChanged(ClientState previous, ClientState current) {
            states.add(current);
        }

        @Override
        public void onConnectedToMaster() {
            lines.add("connectedToMaster");
        }

        @Override
        public void onDisconnected(int closeCode, String reason) {
            lines.add("disconnected " + closeCode + " " + reason);
        }

        @Override
        public void onRoomListUpdate(List<RoomInfo> changed) {
            lines.add("rooms " + changed.stream().map(RoomInfo::name).sorted().toList());
        }

        @Override
        public void onJoinedRoom(Room room) {
            lines.add("joined " + room.name());
        }

        @Override
        public void onLeftRoom() {
            lines.add("left");
        }

        @Override
        public void onPlayerEnteredRoom(Player player) {
            lines.add("entered " + player.actorNr() + " " + player.nickname());
        }

        @Override
        public void onPlayerLeftRoom(Player player) {
            lines.add("playerLeft " + player.actorNr() + " inactive=" + player.isInactive());
        }

        @Override
        public void onRoomPropertiesChanged(Map<Object, Object> changed) {
            lines.add("roomProps " + changed);
        }

        @Override
        public void onPlayerPropertiesChanged(Player player, Map<Object, Object> changed) {
            lines.add("playerProps " + player.actorNr() + " " + changed);
        }

        @Override
        public void onMasterClientSwitched(Player newMaster) {
            lines.add("master " + newMaster.actorNr());
        }

        @Override
        public void onCustomEvent(int code, int senderActorNr, Object content) {
            lines.add("custom " + code + " from " + senderActorNr + " " + content);
        }

        @Override
        public void onError(PhotonException error) {
            lines.add("error " + error.operationCode() + " " + error.returnCode());
        }

        String await(String prefix) throws InterruptedException {
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
            while (System.nanoTime() < deadline) {
                String line = lines.poll(100, TimeUnit.MILLISECONDS);
                if (line != null && line.startsWith(prefix)) {
                    return line;
                }
            }
            throw new AssertionError("no callback starting with '" + prefix + "'");
        }
    }

    @BeforeEach
    void setUp() {
        fake = new FakeLoadBalancing();
        ConnectionSettings settings = ConnectionSettings.defaults().withConnector(fake.server)
                .withOperationTimeout(Duration.ofSeconds(5)).withPingInterval(Duration.ZERO);
        client = new LoadBalancingClient("app-1", "1.0", settings);
        client.setAuthValues(AuthValues.user("alice"));
        client.setNickname("Alice");
        recorder = new Recorder();
        client.addListener(recorder);
    }

    private static <T> T await(CompletionStage<T> stage) throws Exception {
        return stage.toCompletableFuture().get(5, TimeUnit.SECONDS);
    }

    private static Throwable failure(CompletionStage<?> stage) throws Exception {
        ExecutionException e = assertThrows(ExecutionException.class,
                () -> stage.toCompletableFuture().get(5, TimeUnit.SECONDS));
        return e.getCause();
    }

    private void connect() throws Exception {
        await(client.connectToRegionMaster(URI.create("ws://fake:9093/photon/ns"), "eu"));
    }

    @Test
    void nameServerAuthenticationLeadsToMasterWithToken() throws Exception {
        connect();
        assertEquals(ClientState.ConnectedToMasterServer, client.state());
        recorder.await("connectedToMaster");

        OperationRequest nsAuth = fake.server.requests(FakeLoadBalancing.NS, OperationCode.AUTHENTICATE).get(0);
        assertEquals("app-1", nsAuth.parameters().get(ParameterCode.APPLICATION_ID));
        assertEquals("1.0", nsAuth.parameters().get(ParameterCode.APP_VERSION));
        assertEquals("eu", nsAuth.parameters().get(ParameterCode.REGION));
        assertEquals("alice", nsAuth.parameters().get(ParameterCode.USER_ID));

        OperationRequest masterAuth = fake.server.requests(FakeLoadBalancing.MASTER, OperationCode.AUTHENTICATE).get(0);
        assertEquals(Parameters.of(ParameterCode.TOKEN, "tok-ns"), masterAuth.parameters());
        assertEquals("alice", client.userId());

        // The master address came from the name server; the client added its identification query.
        URI masterUri = fake.server.lastConnection(FakeLoadBalancing.MASTER).uri;
        assertEquals("fake", masterUri.getHost());
        assertTrue(masterUri.getQuery().contains("app=app-1"), masterUri.toString());
        assertTrue(masterUri.getQuery().contains("libversion="), masterUri.toString());
        // The name server connection was closed on purpose and that is not reported as a disconnect.
        assertTrue(fake.server.lastConnection(FakeLoadBalancing.NS).awaitClosed());
        assertEquals(1000, fake.server.lastConnection(FakeLoadBalancing.NS).closeCode.get());
        assertEquals(List.of(ClientState.ConnectingToNameServer, ClientState.ConnectedToNameServer,
                ClientState.Authenticating, ClientState.ConnectingToMasterServer, ClientState.Authenticating,
                ClientState.ConnectedToMasterServer), waitStates(6));
    }

    private List<ClientState> waitStates(int n) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
        while (recorder.states.size() < n && System.nanoTime() < deadline) {
            Thread.sleep(10);
        }
        return List.copyOf(recorder.states);
    }

    @Test
    void aJsonClientReadsTheSessionGreetingThenPlaysLikeABinaryOne() throws Exception {
        // A Json server greets every connection with a framed session id (no ~j~) before anything else; the client
        // used to decode it as a message and drop the connection ("missing ~j~").
        fake.relay = true;
        LoadBalancingClient json = new LoadBalancingClient("app-1", "1.0", ConnectionSettings.defaults()
                .withConnector(fake.server).withProtocol(new org.photonee.core.codec.json.JsonProtocol())
                .withOperationTimeout(Duration.ofSeconds(5)).withPingInterval(Duration.ZERO));
        json.setAuthValues(AuthValues.user("jason"));
        Recorder jsonEvents = new Recorder();
        json.addListener(jsonEvents);
        await(json.connectToRegionMaster(URI.create("ws://fake:9093/photon/ns"), "eu"));
        assertEquals(ClientState.ConnectedToMasterServer, json.state());
        assertEquals("jason", json.userId());
        Room room = await(json.createRoom("json-room", RoomOptions.defaults().withMaxPlayers(4)));
        assertEquals(1, room.localActorNr());
        assertEquals(4, room.maxPlayers());
        assertTrue(json.raiseEvent(7, "over json", RaiseEventOptions.DEFAULT));
        jsonEvents.await("custom 7 from 1 over json");
        json.close();
    }

    @Test
    void createRoomSwitchesToGameServerAndAuthenticatesWithGameToken() throws Exception {
        connect();
        Room room = await(client.createRoom("room1", RoomOptions.defaults().withMaxPlayers(4)
                .withCustomProperties(Map.of("map", "dust")).withLobbyProperties("map")));
        assertEquals(ClientState.Joined, client.state());
        assertEquals("room1", room.name());
        assertEquals(1, room.localActorNr());
        assertEquals(4, room.maxPlayers());
        assertEquals("dust", room.property("map"));
        assertTrue(room.isLocalMasterClient());
        assertEquals("Alice", room.localPlayer().nickname());
        recorder.await("joined room1");

        OperationRequest masterCreate = fake.server.requests(FakeLoadBalancing.MASTER, OperationCode.CREATE_GAME).get(0);
        assertEquals("room1", masterCreate.parameters().get(ParameterCode.GAME_ID));
        PhotonHashtable gameProps = (PhotonHashtable) masterCreate.parameters().get(ParameterCode.GAME_PROPERTIES);
        assertEquals((byte) 4, gameProps.get((byte) 255));
        assertEquals("dust", gameProps.get("map"));

        OperationRequest gameAuth = fake.server.requests(FakeLoadBalancing.GAME, OperationCode.AUTHENTICATE).get(0);
        assertEquals("tok-g", gameAuth.parameters().get(ParameterCode.TOKEN));
        assertEquals("app-1", gameAuth.parameters().get(ParameterCode.APPLICATION_ID));
        assertEquals("alice", gameAuth.parameters().get(ParameterCode.USER_ID));

        OperationRequest gameCreate = fake.server.requests(FakeLoadBalancing.GAME, OperationCode.CREATE_GAME).get(0);
        assertEquals("room1", gameCreate.parameters().get(ParameterCode.GAME_ID));
        assertEquals(PhotonHashtable.of((byte) 255, "Alice"), gameCreate.parameters().get(ParameterCode.ACTOR_PROPERTIES));
        assertTrue(fake.server.lastConnection(FakeLoadBalancing.MASTER).awaitClosed());
    }

    @Test
    void masterErrorBecomesPhotonExceptionAndClientStaysOnMaster() throws Exception {
        connect();
        fake.fail(FakeLoadBalancing.MASTER, OperationCode.CREATE_GAME, ReturnCode.GAME_ID_ALREADY_EXISTS, "taken");
        Throwable t = failure(client.createRoom("room1", null));
        PhotonException e = assertInstanceOf(PhotonException.class, t);
        assertEquals(ReturnCode.GAME_ID_ALREADY_EXISTS, e.returnCode());
        assertEquals(OperationCode.CREATE_GAME, e.operationCode());
        assertEquals("taken", e.debugMessage());
        assertEquals(ClientState.ConnectedToMasterServer, client.state());
    }

    @Test
    void gameServerErrorReturnsToMasterAndFailsWithServerCode() throws Exception {
        connect();
        fake.fail(FakeLoadBalancing.GAME, OperationCode.JOIN_GAME, ReturnCode.GAME_FULL, "full");
        Throwable t = failure(client.joinRoom("room1"));
        assertEquals(ReturnCode.GAME_FULL, assertInstanceOf(PhotonException.class, t).returnCode());
        assertEquals(ClientState.ConnectedToMasterServer, client.state());
        // Back on the master with the token it got last (the game token).
        List<OperationRequest> auths = fake.server.requests(FakeLoadBalancing.MASTER, OperationCode.AUTHENTICATE);
        assertEquals(2, auths.size());
        assertEquals("tok-g", auths.get(1).parameters().get(ParameterCode.TOKEN));
    }

    @Test
    void joinRandomSendsFiltersToMasterAndPlainJoinToGameServer() throws Exception {
        connect();
        Room room = await(client.joinRandomRoom(JoinRandomRoomOptions.ANY.withMaxPlayers(4)
                .withExpectedProperties(Map.of("map", "dust")).withMatchmakingMode(2)));
        assertEquals("random-room", room.name());
        OperationRequest random = fake.server.requests(FakeLoadBalancing.MASTER, OperationCode.JOIN_RANDOM_GAME).get(0);
        assertEquals(PhotonHashtable.of("map", "dust", (byte) 255, (byte) 4),
                random.parameters().get(ParameterCode.GAME_PROPERTIES));
        assertEquals((byte) 2, random.parameters().get(ParameterCode.MATCHMAKING_TYPE));
        OperationRequest join = fake.server.requests(FakeLoadBalancing.GAME, OperationCode.JOIN_GAME).get(0);
        assertEquals("random-room", join.parameters().get(ParameterCode.GAME_ID));
        assertNull(join.parameters().get(ParameterCode.GAME_PROPERTIES));
    }

    @Test
    void noMatchFoundIsReportedWithItsCode() throws Exception {
        connect();
        fake.fail(FakeLoadBalancing.MASTER, OperationCode.JOIN_RANDOM_GAME, ReturnCode.NO_MATCH_FOUND, "none");
        Throwable t = failure(client.joinRandomRoom(null));
        assertEquals(ReturnCode.NO_MATCH_FOUND, ((PhotonException) t).returnCode());
    }

    @Test
    void roomEventsUpdateViewsAndReachListeners() throws Exception {
        connect();
        Room room = await(client.createRoom("room1", null));
        FakeServer.FakeConnection game = fake.server.lastConnection(FakeLoadBalancing.GAME);

        game.push(new EventData(EventCode.JOIN, Parameters.of(ParameterCode.ACTOR_NR, 2,
                ParameterCode.ACTORS, new int[] {1, 2}, ParameterCode.ACTOR_PROPERTIES,
                PhotonHashtable.of((byte) 255, "Bob"))));
        assertEquals("entered 2 Bob", recorder.await("entered"));
        assertEquals(2, room.playerCount());

        game.push(new EventData(7, Parameters.of(ParameterCode.ACTOR_NR, 2, ParameterCode.DATA, "hello")));
        assertEquals("custom 7 from 2 hello", recorder.await("custom"));

        game.push(new EventData(EventCode.PROPERTIES_CHANGED, Parameters.of(ParameterCode.ACTOR_NR, 2,
                ParameterCode.TARGET_ACTOR_NR, 2, ParameterCode.PROPERTIES, PhotonHashtable.of("score", 5))));
        recorder.await("playerProps 2");
        assertEquals(5, room.player(2).property("score"));

        game.push(new EventData(EventCode.PROPERTIES_CHANGED, Parameters.of(ParameterCode.ACTOR_NR, 2,
                ParameterCode.TARGET_ACTOR_NR, 0, ParameterCode.PROPERTIES, PhotonHashtable.of("map", "nuke"))));
        recorder.await("roomProps");
        assertEquals("nuke", room.property("map"));

        // The master client (actor 1, us) goes inactive is not possible here; the other way round: 2 becomes master.
        game.push(new EventData(EventCode.LEAVE, Parameters.of(ParameterCode.ACTOR_NR, 1,
                ParameterCode.IS_INACTIVE, true, ParameterCode.MASTER_CLIENT_ID, 2)));
        assertEquals("playerLeft 1 inactive=true", recorder.await("playerLeft"));
        assertEquals("master 2", recorder.await("master"));
        assertEquals(2, room.masterClientId());

        game.push(new EventData(EventCode.LEAVE, Parameters.of(ParameterCode.ACTOR_NR, 2)));
        assertEquals("playerLeft 2 inactive=false", recorder.await("playerLeft"));
        assertNull(room.player(2));
    }

    @Test
    void raiseEventSendsOptionsAndRefusalReachesOnError() throws Exception {
        connect();
        await(client.createRoom("room1", null));
        assertTrue(client.raiseEvent(5, new byte[] {1, 2}, RaiseEventOptions.toAll().withInterestGroup(3)
                .withCaching(4).withTargetActors(1, 2)));
        recorder.await("custom 5 from 1");
        OperationRequest raise = fake.server.requests(FakeLoadBalancing.GAME, OperationCode.RAISE_EVENT).get(0);
        Parameters p = raise.parameters();
        assertEquals((byte) 5, p.get(ParameterCode.CODE));
        assertEquals((byte) 1, p.get(ParameterCode.RECEIVER_GROUP));
        assertEquals((byte) 3, p.get(ParameterCode.GROUP));
        assertEquals((byte) 4, p.get(ParameterCode.CACHE));
        assertTrue(java.util.Arrays.equals(new int[] {1, 2}, (int[]) p.get(ParameterCode.ACTORS)));

        assertTrue(client.raiseEvent(99, null, null));
        assertEquals("error 253 -2", recorder.await("error"));
        assertThrows(IllegalArgumentException.class, () -> client.raiseEvent(241, null, null));
    }

    @Test
    void setPropertiesSendsExpectedValuesAndUpdatesView() throws Exception {
        connect();
        Room room = await(client.createRoom("room1", null));
        await(client.setRoomProperties(Map.of("round", 2), Map.of("round", 1)));
        assertEquals(2, room.property("round"));
        OperationRequest set = fake.server.requests(FakeLoadBalancing.GAME, OperationCode.SET_PROPERTIES).get(0);
        assertEquals(PhotonHashtable.of("round", 1), set.parameters().get(ParameterCode.EXPECTED_VALUES));
        assertNull(set.parameters().get(ParameterCode.ACTOR_NR));

        await(client.setPlayerProperties(room.localActorNr(), Map.of("ready", true), null));
        assertEquals(true, room.localPlayer().property("ready"));

        fake.fail(FakeLoadBalancing.GAME, OperationCode.SET_PROPERTIES, ReturnCode.OPERATION_INVALID, "CAS failed");
        Throwable t = failure(client.setRoomProperties(Map.of("round", 3), Map.of("round", 1)));
        assertEquals(ReturnCode.OPERATION_INVALID, ((PhotonException) t).returnCode());
        assertEquals(2, room.property("round"));

        Room refreshed = await(client.getProperties());
        assertEquals("mirage", refreshed.property("map"));
        assertEquals(7, refreshed.localPlayer().property("score"));
    }

    @Test
    void changeGroupsIsSentWithoutWaiting() throws Exception {
        connect();
        await(client.createRoom("room1", null));
        assertTrue(client.changeGroups(new byte[0], new byte[] {1, 2}));
        waitFor(() -> !fake.server.requests(FakeLoadBalancing.GAME, OperationCode.CHANGE_GROUPS).isEmpty());
        Parameters p = fake.server.requests(FakeLoadBalancing.GAME, OperationCode.CHANGE_GROUPS).get(0).parameters();
        assertEquals(0, ((byte[]) p.get(ParameterCode.GROUPS_FOR_REMOVE)).length);
        assertEquals(2, ((byte[]) p.get(ParameterCode.GROUPS_FOR_ADD)).length);
    }

    @Test
    void leaveRoomReturnsToMaster() throws Exception {
        connect();
        await(client.createRoom("room1", null));
        await(client.leaveRoom(true));
        assertEquals(ClientState.ConnectedToMasterServer, client.state());
        recorder.await("left");
        assertEquals(true, fake.server.requests(FakeLoadBalancing.GAME, OperationCode.LEAVE).get(0).parameters()
                .get(ParameterCode.IS_INACTIVE));
        assertTrue(fake.server.lastConnection(FakeLoadBalancing.GAME).awaitClosed());
        // No spurious disconnect callback for the deliberate game server close.
        assertFalse(recorder.lines.stream().anyMatch(l -> l.startsWith("disconnected")));
    }

    @Test
    void droppedGameConnectionIsReportedAndRejoinUsesTokenAndRejoinOnly() throws Exception {
        connect();
        await(client.createRoom("room1", RoomOptions.defaults().withPlayerTtl(10_000)));
        fake.server.lastConnection(FakeLoadBalancing.GAME).drop(1008, "kicked");
        assertEquals("disconnected 1008 kicked", recorder.await("disconnected"));
        waitFor(() -> client.state() == ClientState.Disconnected);

        Room room = await(client.reconnectAndRejoin());
        assertEquals("room1", room.name());
        assertEquals(ClientState.Joined, client.state());
        List<OperationRequest> auths = fake.server.requests(FakeLoadBalancing.GAME, OperationCode.AUTHENTICATE);
        assertEquals("tok-g", auths.get(1).parameters().get(ParameterCode.TOKEN));
        OperationRequest rejoin = fake.server.requests(FakeLoadBalancing.GAME, OperationCode.JOIN_GAME).get(0);
        assertEquals((byte) JoinMode.REJOIN_ONLY, rejoin.parameters().get(ParameterCode.JOIN_MODE));
        assertEquals("room1", rejoin.parameters().get(ParameterCode.GAME_ID));
    }

    @Test
    void pendingOperationFailsWithCloseCodeWhenServerCloses() throws Exception {
        connect();
        await(client.createRoom("room1", null));
        fake.server.script(FakeLoadBalancing.GAME, (c, r) -> List.of()); // server stops answering
        CompletionStage<Room> pending = client.getProperties();
        fake.server.lastConnection(FakeLoadBalancing.GAME).drop(1011, "server error");
        PhotonDisconnectedException e = assertInstanceOf(PhotonDisconnectedException.class, failure(pending));
        assertEquals(1011, e.closeCode());
        assertEquals("server error", e.closeReason());
        assertEquals(OperationCode.GET_PROPERTIES, e.operationCode());
    }

    @Test
    void lobbyDeliversRoomList() throws Exception {
        connect();
        await(client.joinLobby(null));
        assertEquals(ClientState.JoinedLobby, client.state());
        assertEquals("rooms [r1, r2]", recorder.await("rooms"));
        List<RoomInfo> rooms = await(client.roomList());
        RoomInfo r1 = rooms.stream().filter(r -> r.name().equals("r1")).findFirst().orElseThrow();
        assertEquals(2, r1.playerCount());
        assertEquals(4, r1.maxPlayers());

        FakeServer.FakeConnection master = fake.server.lastConnection(FakeLoadBalancing.MASTER);
        master.push(new EventData(EventCode.GAME_LIST_UPDATE, Parameters.of(ParameterCode.GAME_LIST,
                PhotonHashtable.of("r2", PhotonHashtable.of((byte) 251, true)))));
        assertEquals("rooms [r2]", recorder.await("rooms"));
        assertEquals(List.of("r1"), await(client.roomList()).stream().map(RoomInfo::name).toList());

        await(client.leaveLobby());
        assertEquals(ClientState.ConnectedToMasterServer, client.state());
    }

    @Test
    void findFriendsAndLobbyStats() throws Exception {
        connect();
        List<FriendInfo> friends = await(client.findFriends("bob", "carol"));
        assertEquals(new FriendInfo("bob", true, "r1"), friends.get(0));
        assertEquals(new FriendInfo("carol", false, null), friends.get(1));
        String[] asked = (String[]) fake.server.requests(FakeLoadBalancing.MASTER, OperationCode.FIND_FRIENDS).get(0)
                .parameters().get(ParameterCode.FIND_FRIENDS_USER_LIST);
        assertEquals(List.of("bob", "carol"), List.of(asked));

        List<LobbyStats> stats = await(client.getLobbyStats());
        assertEquals(new LobbyStats(new TypedLobby("sql", 2), 7, 3), stats.get(1));
    }

    @Test
    void operationsInWrongStateFailFast() throws Exception {
        assertInstanceOf(IllegalStateException.class, failure(client.createRoom("x", null)));
        assertFalse(client.raiseEvent(1, null, null));
        connect();
        assertInstanceOf(IllegalStateException.class, failure(client.leaveRoom(false)));
    }

    @Test
    void unreachableServerFailsConnectAndEndsDisconnected() throws Exception {
        fake.server.refuse(FakeLoadBalancing.NS);
        Throwable t = failure(client.connectToRegionMaster(URI.create("ws://fake/photon/ns"), "eu"));
        assertEquals(1006, assertInstanceOf(PhotonDisconnectedException.class, t).closeCode());
        waitFor(() -> client.state() == ClientState.Disconnected);
    }

    @Test
    void authenticationFailureOnNameServerCarriesCode() throws Exception {
        fake.fail(FakeLoadBalancing.NS, OperationCode.AUTHENTICATE, ReturnCode.INVALID_AUTHENTICATION, "bad app");
        Throwable t = failure(client.connectToRegionMaster(URI.create("ws://fake/photon/ns"), "eu"));
        assertEquals(ReturnCode.INVALID_AUTHENTICATION, assertInstanceOf(PhotonException.class, t).returnCode());
        assertEquals(ClientState.ConnectedToNameServer, client.state());
        assertEquals(Map.of("eu", FakeLoadBalancing.MASTER_ADDRESS, "us", "ws://us/photon/master"),
                await(client.getRegions()));
    }

    @Test
    void directMasterConnectionAuthenticatesWithAppIdAndDisconnectIsReported() throws Exception {
        await(client.connectToMaster(URI.create("ws://fake:9090/photon/master")));
        OperationRequest auth = fake.server.requests(FakeLoadBalancing.MASTER, OperationCode.AUTHENTICATE).get(0);
        assertEquals("app-1", auth.parameters().get(ParameterCode.APPLICATION_ID));
        assertEquals("alice", auth.parameters().get(ParameterCode.USER_ID));
        assertNull(auth.parameters().get(ParameterCode.TOKEN));
        await(client.disconnect());
        assertEquals(ClientState.Disconnected, client.state());
        assertNotNull(recorder.await("disconnected 1000"));
    }

    @Test
    void clientFramesAreProtocol16() throws Exception {
        // Sanity check of the seam: what the fake decoded is exactly what the codec round-trips.
        GpBinaryV16Protocol p16 = new GpBinaryV16Protocol();
        OperationRequest r = new OperationRequest(OperationCode.AUTHENTICATE, Parameters.of(ParameterCode.TOKEN, "t"));
        assertEquals(r, p16.decode(p16.encode(r), ProtocolLimits.DEFAULTS));
    }

    static void waitFor(java.util.function.BooleanSupplier condition) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("condition not reached");
            }
            Thread.sleep(10);
        }
    }
}
