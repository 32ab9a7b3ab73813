package org.photonee.client;

import java.lang.reflect.Array;
import java.net.URI;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executor;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.photonee.core.codes.ActorPropertyKey;
import org.photonee.core.codes.EventCode;
import org.photonee.core.codes.JoinMode;
import org.photonee.core.codes.OperationCode;
import org.photonee.core.codes.ParameterCode;
import org.photonee.core.codes.ReceiverGroup;
import org.photonee.core.codes.ReturnCode;
import org.photonee.core.peer.CloseCodes;
import org.photonee.core.peer.SendParameters;
import org.photonee.core.peer.SendResult;
import org.photonee.core.protocol.EventData;
import org.photonee.core.protocol.OperationRequest;
import org.photonee.core.protocol.OperationResponse;
import org.photonee.core.protocol.Parameters;
import org.photonee.core.protocol.PhotonHashtable;
import org.photonee.core.protocol.Values;

/**
 * A LoadBalancing client: name server → master → game server, lobbies, matchmaking and in-room operations.
 *
 * <p>Typical flow: {@link #connectToRegionMaster(URI, String)} (or {@link #connectToMaster(URI)} without a name
 * server), then {@link #createRoom}, {@link #joinRoom} or {@link #joinRandomRoom} — each switches to the game server
 * the master picked and completes with the joined {@link Room} — then {@link #raiseEvent}, properties, and
 * {@link #leaveRoom(boolean)}, which brings the client back to the master.
 *
 * <p><b>Threading.</b> Every method is thread-safe and non-blocking; operations return {@link CompletionStage}s that
 * fail with {@link PhotonException} (server error, with its return code) or {@link PhotonDisconnectedException}.
 * Incoming events, listener callbacks and the completion of those stages all run on one serial "event thread" per
 * client (borrowed from a shared pool), in the order things arrived. Never block that thread waiting for another of
 * the client's stages: chain with {@code thenCompose}, or wait from your own thread.
 */
public final class LoadBalancingClient implements AutoCloseable {
    private static final Logger LOG = Logger.getLogger(LoadBalancingClient.class.getName());

    /** Which server the current connection is to. */
    private enum Server { NAME_SERVER, MASTER, GAME }

    private final String appId;
    private final String appVersion;
    private final ConnectionSettings settings;
    private final SerialExecutor events;
    private final List<LoadBalancingListener> listeners = new CopyOnWriteArrayList<>();
    private final Object lock = new Object();

    // Guarded by lock.
    private ClientState state = ClientState.PeerCreated;
    private PhotonConnection connection;
    private Server server;
    private AuthValues auth = AuthValues.ANONYMOUS;
    private String userId;
    private String token;
    private String region;
    private URI masterUri;
    private URI gameUri;
    private String lastRoomName;
    private TypedLobby lobby;
    private Map<Object, Object> localProperties = new PhotonHashtable();
    // Written under lock, read anywhere.
    private volatile Room room;
    private volatile boolean encryptAuthentication;
    private volatile AuthMode authMode = AuthMode.Auth;
    /** AuthOnce's EncryptionData secret from the name server, guarded by lock; null in the Auth mode. */
    private byte[] encryptionSecret;
    /** Touched only on the event thread. */
    private final Map<String, RoomInfo> roomList = new LinkedHashMap<>();

    /**
     * @param appId      application id sent on authentication
     * @param appVersion application version; clients only meet others of the same version
     * @param settings   transport settings ({@link ConnectionSettings#defaults()})
     */
    public LoadBalancingClient(String appId, String appVersion, ConnectionSettings settings) {
        this(appId, appVersion, settings, ClientThreads.POOL);
    }

    /** Like the three-argument constructor, with callbacks run on the given executor (serialized per client). */
    public LoadBalancingClient(String appId, String appVersion, ConnectionSettings settings, Executor callbackPool) {
        this.appId = Objects.requireNonNull(appId, "appId");
        this.appVersion = Objects.requireNonNull(appVersion, "appVersion");
        this.settings = Objects.requireNonNull(settings, "settings");
        this.events = new SerialExecutor(callbackPool);
    }

    public LoadBalancingClient(String appId, String appVersion) {
        this(appId, appVersion, ConnectionSettings.defaults());
    }

    // ------------------------------------------------------------------ configuration and views

    public void addListener(LoadBalancingListener listener) {
        listeners.add(Objects.requireNonNull(listener, "listener"));
    }

    public void removeListener(LoadBalancingListener listener) {
        listeners.remove(listener);
    }

    /**
     * Sends Authenticate encrypted when there is no token, after the Diffie-Hellman exchange (InitEncryption), as
     * PUN 2 / Photon Realtime do by default. Off by default here; takes effect on the next authentication.
     */
    public void setEncryptAuthentication(boolean value) {
        encryptAuthentication = value;
    }

    /**
     * How to authenticate ({@link AuthMode}, default {@code Auth}); takes effect on the next name server
     * authentication.
     */
    public void setAuthMode(AuthMode mode) {
        authMode = Objects.requireNonNull(mode, "mode");
    }

    /** Sets who the client authenticates as; takes effect on the next authentication. */
    public void setAuthValues(AuthValues values) {
        synchronized (lock) {
            auth = Objects.requireNonNull(values, "values");
        }
    }

    /** Sets the nickname sent as actor property 255 when joining a room. */
    public void setNickname(String nickname) {
        synchronized (lock) {
            PhotonHashtable next = new PhotonHashtable(localProperties);
            next.put(ActorPropertyKey.NICKNAME, nickname);
            localProperties = next;
        }
    }

    /** Sets the actor properties sent when joining a room (the nickname is kept). In a room, use
     *  {@link #setPlayerProperties}. */
    public void setLocalPlayerProperties(Map<Object, Object> properties) {
        synchronized (lock) {
            PhotonHashtable next = new PhotonHashtable(properties);
            Object nick = localProperties.get(ActorPropertyKey.NICKNAME);
            if (nick != null && !next.containsKey(ActorPropertyKey.NICKNAME)) {
                next.put(ActorPropertyKey.NICKNAME, nick);
            }
            localProperties = next;
        }
    }

    public ClientState state() {
        synchronized (lock) {
            return state;
        }
    }

    /** The user id the server confirmed (or the one configured before authenticating), or null. */
    public String userId() {
        synchronized (lock) {
            return userId != null ? userId : auth.userId();
        }
    }

    /** The room this client is in (or was in, until it joins another), or null. */
    public Room currentRoom() {
        return room;
    }

    /** The lobby the client is in, or null. */
    public TypedLobby currentLobby() {
        synchronized (lock) {
            return state == ClientState.JoinedLobby ? lobby : null;
        }
    }

    /** The rooms of the current lobby as last listed. A snapshot. */
    public CompletionStage<List<RoomInfo>> roomList() {
        return CompletableFuture.supplyAsync(() -> List.copyOf(roomList.values()), events);
    }

    /** The current connection, for advanced use (the load generator sends pre-encoded frames on it), or null. */
    public PhotonConnection connection() {
        synchronized (lock) {
            return connection;
        }
    }

    // ------------------------------------------------------------------ connecting

    /** Opens a connection to a name server. Completes in state {@code ConnectedToNameServer}. */
    public CompletionStage<Void> connectToNameServer(URI nameServer) {
        synchronized (lock) {
            if (!(state == ClientState.PeerCreated || state == ClientState.Disconnected)) {
                return illegalState("connectToNameServer");
            }
            setState(ClientState.ConnectingToNameServer);
        }
        return open(ServerAddress.withQuery(nameServer, appId), Server.NAME_SERVER)
                .thenRunAsync(() -> {
                    synchronized (lock) {
                        setState(ClientState.ConnectedToNameServer);
                    }
                }, events);
    }

    /**
     * Authenticates on the connected name server for a region, then connects and authenticates to that region's
     * master. Completes in state {@code ConnectedToMasterServer}.
     */
    public CompletionStage<Void> authenticate(String regionCode) {
        Parameters p = new Parameters();
        PhotonConnection ns;
        synchronized (lock) {
            if (state != ClientState.ConnectedToNameServer) {
                return illegalState("authenticate");
            }
            region = regionCode;
            ns = connection;
            p.put(ParameterCode.APPLICATION_ID, appId);
            p.put(ParameterCode.APP_VERSION, appVersion);
            if (regionCode != null) {
                p.put(ParameterCode.REGION, regionCode);
            }
            writeAuthValues(p, auth);
            setState(ClientState.Authenticating);
        }
        AuthMode mode = authMode;
        CompletionStage<OperationResponse> answered = mode == AuthMode.Auth
                ? authenticateOn(ns, new OperationRequest(OperationCode.AUTHENTICATE, p), false)
                : AuthOnceClient.authenticate(ns, p, mode);
        return answered
                .thenComposeAsync(response -> {
                    if (!response.isOk()) {
                        synchronized (lock) {
                            setState(ClientState.ConnectedToNameServer);
                        }
                        throw PhotonException.of(response);
                    }
                    String address = Values.toStringOrNull(response.parameters().get(ParameterCode.ADDRESS));
                    if (address == null) {
                        throw badResponse(response, "no master address");
                    }
                    synchronized (lock) {
                        acceptAuthResponse(response);
                        encryptionSecret = mode == AuthMode.Auth ? null : AuthOnceClient.secretOf(response);
                        masterUri = ServerAddress.resolve(address, appId);
                        retireConnection(ClientState.ConnectingToMasterServer);
                    }
                    return connectAndAuthenticateMaster();
                }, events);
    }

    /** {@link #connectToNameServer} then {@link #authenticate}: the usual way in. */
    public CompletionStage<Void> connectToRegionMaster(URI nameServer, String regionCode) {
        return connectToNameServer(nameServer).thenCompose(v -> authenticate(regionCode));
    }

    /**
     * Connects straight to a master, authenticating with app id, version and the auth values (no name server).
     * Completes in state {@code ConnectedToMasterServer}.
     */
    public CompletionStage<Void> connectToMaster(URI master) {
        synchronized (lock) {
            if (!(state == ClientState.PeerCreated || state == ClientState.Disconnected)) {
                return illegalState("connectToMaster");
            }
            token = null;
            masterUri = ServerAddress.withQuery(master, appId);
            setState(ClientState.ConnectingToMasterServer);
        }
        return connectAndAuthenticateMaster();
    }

    /** After a disconnect: back to the last master, authenticating with the token the client holds. */
    public CompletionStage<Void> reconnectToMaster() {
        synchronized (lock) {
            if (state != ClientState.Disconnected || masterUri == null) {
                return illegalState("reconnectToMaster");
            }
            setState(ClientState.ConnectingToMasterServer);
        }
        return connectAndAuthenticateMaster();
    }

    /** Asks the connected name server for regions; completes with region code → master address. */
    public CompletionStage<Map<String, String>> getRegions() {
        PhotonConnection ns;
        synchronized (lock) {
            if (state != ClientState.ConnectedToNameServer) {
                return illegalState("getRegions");
            }
            ns = connection;
        }
        Parameters p = Parameters.of(ParameterCode.APPLICATION_ID, appId);
        return ns.request(new OperationRequest(OperationCode.GET_REGIONS, p)).thenApplyAsync(r -> {
            requireOk(r);
            String[] codes = stringArray(r.parameters().get(ParameterCode.REGION));
            String[] addresses = stringArray(r.parameters().get(ParameterCode.ADDRESS));
            Map<String, String> result = new LinkedHashMap<>();
            for (int i = 0; i < Math.min(codes.length, addresses.length); i++) {
                result.put(codes[i], addresses[i]);
            }
            return result;
        }, events);
    }

    private CompletionStage<Void> connectAndAuthenticateMaster() {
        URI uri;
        synchronized (lock) {
            uri = masterUri;
        }
        AuthOnceInit tokenInit = tokenInit();
        CompletionStage<OperationResponse> answered = tokenInit != null
                ? open(uri, Server.MASTER, tokenInit).thenComposeAsync(pc -> {
                    synchronized (lock) {
                        setState(ClientState.Authenticating);
                    }
                    return tokenInit.answer(settings.operationTimeout().toMillis());
                }, events)
                : open(uri, Server.MASTER).thenComposeAsync(pc -> {
            Parameters p = new Parameters();
            boolean withToken;
            synchronized (lock) {
                withToken = token != null;
                if (token != null) {
                    // With a token the master needs nothing else (PROTOCOL.md client flow, step 2).
                    p.put(ParameterCode.TOKEN, token);
                } else {
                    p.put(ParameterCode.APPLICATION_ID, appId);
                    p.put(ParameterCode.APP_VERSION, appVersion);
                    writeAuthValues(p, auth);
                }
                setState(ClientState.Authenticating);
            }
            return authenticateOn(pc, new OperationRequest(OperationCode.AUTHENTICATE, p), withToken);
        }, events);
        return answered.thenApplyAsync(response -> {
            if (!response.isOk()) {
                synchronized (lock) {
                    retireConnection(ClientState.Disconnected);
                }
                throw PhotonException.of(response);
            }
            synchronized (lock) {
                acceptAuthResponse(response);
                lobby = null;
                setState(ClientState.ConnectedToMasterServer);
            }
            notifyListeners(LoadBalancingListener::onConnectedToMaster);
            return null;
        }, events);
    }

    /**
     * Sends Authenticate, encrypted after the key exchange when {@link #setEncryptAuthentication} is on and no
     * token stands in for the secret values (PUN 2's rule, NATIVE-PROTOCOLS.md §1.13).
     */
    private CompletionStage<OperationResponse> authenticateOn(PhotonConnection pc, OperationRequest authenticate,
            boolean withToken) {
        if (!encryptAuthentication || withToken) {
            return pc.request(authenticate);
        }
        return pc.establishEncryption().thenCompose(v -> pc.request(authenticate,
                SendParameters.DEFAULT.withEncrypted(true)));
    }

    private static void writeAuthValues(Parameters p, AuthValues a) {
        if (a.userId() != null) {
            p.put(ParameterCode.USER_ID, a.userId());
        }
        if (a.authType() >= 0) {
            p.put(ParameterCode.CLIENT_AUTHENTICATION_TYPE, (byte) a.authType());
            if (a.authParams() != null) {
                p.put(ParameterCode.CLIENT_AUTHENTICATION_PARAMS, a.authParams());
            }
            if (a.authData() != null) {
                p.put(ParameterCode.CLIENT_AUTHENTICATION_DATA, a.authData());
            }
        }
    }

    /** Keeps token and user id from an Authenticate answer (a master may hand out a fresh token). */
    private void acceptAuthResponse(OperationResponse response) {
        String t = Values.toStringOrNull(response.parameters().get(ParameterCode.TOKEN));
        if (t != null) {
            token = t;
        }
        String u = Values.toStringOrNull(response.parameters().get(ParameterCode.USER_ID));
        if (u != null) {
            userId = u;
        }
    }

    /** Disconnects. Completes in state {@code Disconnected}; listeners get {@code onDisconnected(1000, ...)}. */
    public CompletionStage<Void> disconnect() {
        PhotonConnection pc;
        synchronized (lock) {
            pc = connection;
            connection = null;
            if (pc == null) {
                if (state != ClientState.Disconnected && state != ClientState.PeerCreated) {
                    setState(ClientState.Disconnected);
                }
                return CompletableFuture.completedFuture(null);
            }
            setState(ClientState.Disconnecting);
        }
        pc.close(CloseCodes.NORMAL, "client disconnect");
        return pc.closed().thenAcceptAsync(code -> {
            synchronized (lock) {
                setState(ClientState.Disconnected);
            }
            notifyListeners(l -> l.onDisconnected(pc.closeCode(), pc.closeReason()));
        }, events);
    }

    /** Same as {@link #disconnect()}, without waiting. */
    @Override
    public void close() {
        disconnect();
    }

    // ------------------------------------------------------------------ lobby and master operations

    /** Joins a lobby ({@code null} = default). Room list callbacks follow. Completes in {@code JoinedLobby}. */
    public CompletionStage<Void> joinLobby(TypedLobby typedLobby) {
        TypedLobby target = typedLobby == null ? TypedLobby.DEFAULT : typedLobby;
        PhotonConnection master;
        synchronized (lock) {
            if (!state.isOnMaster()) {
                return illegalState("joinLobby");
            }
            master = connection;
            setState(ClientState.JoiningLobby);
        }
        Parameters p = new Parameters();
        writeLobby(p, target);
        return master.request(new OperationRequest(OperationCode.JOIN_LOBBY, p)).thenApplyAsync(r -> {
            synchronized (lock) {
                if (!r.isOk()) {
                    setState(ClientState.ConnectedToMasterServer);
                    throw PhotonException.of(r);
                }
                lobby = target;
                setState(ClientState.JoinedLobby);
            }
            return null;
        }, events);
    }

    /** Leaves the lobby; room list callbacks stop. Completes in {@code ConnectedToMasterServer}. */
    public CompletionStage<Void> leaveLobby() {
        PhotonConnection master;
        synchronized (lock) {
            if (state != ClientState.JoinedLobby) {
                return illegalState("leaveLobby");
            }
            master = connection;
        }
        return master.request(new OperationRequest(OperationCode.LEAVE_LOBBY)).thenApplyAsync(r -> {
            requireOk(r);
            synchronized (lock) {
                lobby = null;
                setState(ClientState.ConnectedToMasterServer);
            }
            roomList.clear();
            return null;
        }, events);
    }

    /**
     * Asks the master which of these users are online and in which room.
     *
     * @return one {@link FriendInfo} per user id, in the same order
     */
    public CompletionStage<List<FriendInfo>> findFriends(String... userIds) {
        PhotonConnection master = masterConnection("findFriends");
        if (master == null) {
            return illegalState("findFriends");
        }
        Parameters p = Parameters.of(ParameterCode.FIND_FRIENDS_USER_LIST, userIds.clone());
        return master.request(new OperationRequest(OperationCode.FIND_FRIENDS, p)).thenApplyAsync(r -> {
            requireOk(r);
            Object online = r.parameters().get(ParameterCode.FIND_FRIENDS_IS_ONLINE);
            Object rooms = r.parameters().get(ParameterCode.FIND_FRIENDS_USER_STATES);
            List<FriendInfo> result = new ArrayList<>(userIds.length);
            for (int i = 0; i < userIds.length; i++) {
                boolean on = Values.toBoolean(element(online, i), false);
                String roomName = Values.toStringOrNull(element(rooms, i));
                result.add(new FriendInfo(userIds[i], on, roomName == null || roomName.isEmpty() ? null : roomName));
            }
            return result;
        }, events);
    }

    /** Statistics of the given lobbies, or of all lobbies when none are given. */
    public CompletionStage<List<LobbyStats>> getLobbyStats(TypedLobby... lobbies) {
        PhotonConnection master = masterConnection("getLobbyStats");
        if (master == null) {
            return illegalState("getLobbyStats");
        }
        Parameters p = new Parameters();
        if (lobbies.length > 0) {
            String[] names = new String[lobbies.length];
            byte[] types = new byte[lobbies.length];
            for (int i = 0; i < lobbies.length; i++) {
                names[i] = lobbies[i].name();
                types[i] = (byte) lobbies[i].type();
            }
            p.put(ParameterCode.LOBBY_NAME, names);
            p.put(ParameterCode.LOBBY_TYPE, types);
        }
        return master.request(new OperationRequest(OperationCode.LOBBY_STATS, p)).thenApplyAsync(r -> {
            requireOk(r);
            return parseLobbyStats(r.parameters());
        }, events);
    }

    private PhotonConnection masterConnection(String operation) {
        synchronized (lock) {
            return state.isOnMaster() ? connection : null;
        }
    }

    // ------------------------------------------------------------------ matchmaking (master → game server)

    /**
     * Creates a room ({@code name} null = the server picks a unique name) and enters it: CreateGame on the master,
     * then on the game server it names. Completes with the joined room, state {@code Joined}. On failure the
     * stage fails with the server's {@link PhotonException} (e.g. {@code GameIdAlreadyExists}) and the client is
     * back on the master.
     */
    public CompletionStage<Room> createRoom(String name, RoomOptions options) {
        RoomOptions o = options == null ? RoomOptions.defaults() : options;
        Parameters p = new Parameters();
        if (name != null) {
            p.put(ParameterCode.GAME_ID, name);
        }
        o.writeCreateParameters(p);
        return matchmake(OperationCode.CREATE_GAME, p, OperationCode.CREATE_GAME, name, o);
    }

    /** Joins an existing room by name (JoinMode JoinOnly). */
    public CompletionStage<Room> joinRoom(String name) {
        return joinRoom(name, JoinMode.JOIN_ONLY, null);
    }

    /**
     * Joins a room by name.
     *
     * @param joinMode a {@link JoinMode}: JoinOnly, CreateIfNotExists (then {@code createOptions} apply),
     *                 RejoinOrJoin, RejoinOnly (come back as the inactive actor this user left behind)
     * @param createOptions options for the room if it gets created, or null
     */
    public CompletionStage<Room> joinRoom(String name, int joinMode, RoomOptions createOptions) {
        Objects.requireNonNull(name, "name");
        Parameters p = Parameters.of(ParameterCode.GAME_ID, name);
        if (joinMode != JoinMode.JOIN_ONLY) {
            p.put(ParameterCode.JOIN_MODE, (byte) joinMode);
        }
        if (joinMode == JoinMode.CREATE_IF_NOT_EXISTS) {
            (createOptions == null ? RoomOptions.defaults() : createOptions).writeCreateParameters(p);
        } else if (createOptions != null && createOptions.expectedUsers() != null) {
            p.put(ParameterCode.ADD_USERS, createOptions.expectedUsers());
        }
        return matchmake(OperationCode.JOIN_GAME, p, OperationCode.JOIN_GAME, name, createOptions);
    }

    /**
     * Joins a random open room matching the criteria. Fails with {@code NoMatchFound} (32760) when there is none.
     */
    public CompletionStage<Room> joinRandomRoom(JoinRandomRoomOptions options) {
        JoinRandomRoomOptions o = options == null ? JoinRandomRoomOptions.ANY : options;
        Parameters p = new Parameters();
        PhotonHashtable expected = new PhotonHashtable(o.expectedProperties());
        if (o.maxPlayers() > 0) {
            expected.put(org.photonee.core.codes.GamePropertyKey.MAX_PLAYERS, (byte) o.maxPlayers());
        }
        if (!expected.isEmpty()) {
            p.put(ParameterCode.GAME_PROPERTIES, expected);
        }
        if (o.matchmakingMode() != 0) {
            p.put(ParameterCode.MATCHMAKING_TYPE, (byte) o.matchmakingMode());
        }
        if (o.lobby() != null) {
            writeLobby(p, o.lobby());
        }
        if (o.sqlFilter() != null) {
            p.put(ParameterCode.DATA, o.sqlFilter());
        }
        if (o.expectedUsers() != null) {
            p.put(ParameterCode.ADD_USERS, o.expectedUsers());
        }
        // On the game server a random match is entered with a plain JoinGame of the room the master picked.
        return matchmake(OperationCode.JOIN_RANDOM_GAME, p, OperationCode.JOIN_GAME, null, null);
    }

    /**
     * After the connection dropped while in a room: reconnects to that room's game server with the token and
     * rejoins as the same actor (JoinMode RejoinOnly). Needs a room created with a PlayerTTL (and normally
     * CheckUserOnJoin).
     */
    public CompletionStage<Room> reconnectAndRejoin() {
        URI uri;
        String name;
        synchronized (lock) {
            if (state != ClientState.Disconnected || gameUri == null || lastRoomName == null || token == null) {
                return illegalState("reconnectAndRejoin");
            }
            uri = gameUri;
            name = lastRoomName;
            setState(ClientState.ConnectingToGameServer);
        }
        Parameters p = Parameters.of(ParameterCode.GAME_ID, name, ParameterCode.JOIN_MODE, (byte) JoinMode.REJOIN_ONLY);
        return enterGameServer(uri, OperationCode.JOIN_GAME, p, name, false);
    }

    /** Master step of create/join/join-random, then the game server step. */
    private CompletionStage<Room> matchmake(int masterOp, Parameters masterParams, int gameOp, String name,
            RoomOptions options) {
        PhotonConnection master;
        synchronized (lock) {
            if (!state.isOnMaster()) {
                return illegalState("create/join room");
            }
            master = connection;
        }
        return master.request(new OperationRequest(masterOp, masterParams)).thenComposeAsync(r -> {
            requireOk(r);
            String address = Values.toStringOrNull(r.parameters().get(ParameterCode.ADDRESS));
            String roomName = Values.toStringOrNull(r.parameters().get(ParameterCode.GAME_ID));
            if (roomName == null) {
                roomName = name;
            }
            if (address == null || roomName == null) {
                throw badResponse(r, "no game server address or room name");
            }
            URI uri = ServerAddress.resolve(address, appId);
            Parameters gameParams = masterParams.copy();
            gameParams.put(ParameterCode.GAME_ID, roomName);
            gameParams.remove(ParameterCode.MATCHMAKING_TYPE);
            if (masterOp == OperationCode.JOIN_RANDOM_GAME) {
                // Filters were for the master's search; the game server only joins.
                gameParams.remove(ParameterCode.GAME_PROPERTIES);
                gameParams.remove(ParameterCode.DATA);
            }
            synchronized (lock) {
                acceptAuthResponse(r);
                retireConnection(ClientState.ConnectingToGameServer);
            }
            return enterGameServer(uri, gameOp, gameParams, roomName, true);
        }, events);
    }

    /** Connects to a game server, authenticates with the token, creates/joins there. */
    private CompletionStage<Room> enterGameServer(URI uri, int op, Parameters params, String roomName,
            boolean sendActorProperties) {
        synchronized (lock) {
            gameUri = uri;
            lastRoomName = roomName;
        }
        AuthOnceInit tokenInit = tokenInit();
        CompletionStage<Room> attempt = open(uri, Server.GAME, tokenInit).thenComposeAsync(pc -> {
            Parameters p = new Parameters();
            synchronized (lock) {
                p.put(ParameterCode.APPLICATION_ID, appId);
                p.put(ParameterCode.APP_VERSION, appVersion);
                p.put(ParameterCode.TOKEN, token);
                String u = userId != null ? userId : auth.userId();
                if (u != null) {
                    p.put(ParameterCode.USER_ID, u);
                }
                setState(ClientState.Authenticating);
            }
            CompletionStage<OperationResponse> answered = tokenInit != null
                    ? tokenInit.answer(settings.operationTimeout().toMillis())
                    : pc.request(new OperationRequest(OperationCode.AUTHENTICATE, p));
            return answered.thenComposeAsync(r -> {
                requireOk(r);
                synchronized (lock) {
                    acceptAuthResponse(r);
                    if (sendActorProperties && !localProperties.isEmpty()) {
                        params.put(ParameterCode.ACTOR_PROPERTIES, new PhotonHashtable(localProperties));
                    }
                    setState(ClientState.Joining);
                }
                return pc.request(new OperationRequest(op, params));
            }, events);
        }, events).thenApplyAsync(r -> {
            requireOk(r);
            Room joined = buildRoom(roomName, r.parameters());
            synchronized (lock) {
                room = joined;
                setState(ClientState.Joined);
            }
            notifyListeners(l -> l.onJoinedRoom(joined));
            return joined;
        }, events);
        return attempt.exceptionallyComposeAsync(error -> {
            // Whatever failed on the game server, a client that still holds a token goes back to the master,
            // like Photon's clients do, and the caller sees the original failure.
            Throwable cause = unwrap(error);
            boolean back;
            synchronized (lock) {
                back = token != null && masterUri != null && state != ClientState.Disconnected;
                retireConnection(back ? ClientState.ConnectingToMasterServer : ClientState.Disconnected);
            }
            if (!back) {
                return CompletableFuture.failedFuture(cause);
            }
            return connectAndAuthenticateMaster().<Room>handle((v, e2) -> {
                throw new CompletionException(cause);
            });
        }, events);
    }

    private Room buildRoom(String name, Parameters p) {
        int actorNr = Values.toInt(p.get(ParameterCode.ACTOR_NR), 0);
        int flags = Values.toInt(p.get(ParameterCode.ROOM_OPTION_FLAGS), 0);
        Room r = new Room(name, actorNr, flags);
        Object gameProps = p.get(ParameterCode.GAME_PROPERTIES);
        if (gameProps instanceof Map<?, ?> m) {
            r.setProperties(m);
        }
        Object master = p.get(ParameterCode.MASTER_CLIENT_ID);
        if (master != null && Values.isIntegral(master)) {
            r.setMasterClientId(Values.toInt(master));
        }
        Object actors = p.get(ParameterCode.ACTORS);
        int n = actors == null || !actors.getClass().isArray() ? 0 : Array.getLength(actors);
        for (int i = 0; i < n; i++) {
            r.addOrGetPlayer(Values.toInt(Array.get(actors, i), 0));
        }
        Object actorProps = p.get(ParameterCode.ACTOR_PROPERTIES);
        if (actorProps instanceof Map<?, ?> all) {
            for (Map.Entry<?, ?> e : all.entrySet()) {
                int nr = actorNumber(e.getKey());
                if (nr > 0 && e.getValue() instanceof Map<?, ?> props) {
                    r.addOrGetPlayer(nr).setProperties(props);
                }
            }
        }
        Player local = r.addOrGetPlayer(actorNr);
        if (local.properties().isEmpty()) {
            synchronized (lock) {
                local.setProperties(localProperties);
            }
        }
        return r;
    }

    // ------------------------------------------------------------------ in-room operations

    /**
     * Raises a custom event in the room. Fire-and-forget: the server answers only when it refuses (reported to
     * {@link LoadBalancingListener#onError}).
     *
     * @param code    event code 0..240
     * @param content the event data (any Protocol16 value), or null
     * @return true when the event was queued for sending
     */
    public boolean raiseEvent(int code, Object content, RaiseEventOptions options) {
        return raiseEvent(code, content, options, SendParameters.DEFAULT);
    }

    /**
     * As {@link #raiseEvent(int, Object, RaiseEventOptions)}, sent on a channel and with a reliability: over UDP
     * the server relays the event to the others the same way (unreliable events may be lost or dropped when late).
     */
    public boolean raiseEvent(int code, Object content, RaiseEventOptions options, SendParameters sendParameters) {
        if (code < 0 || code > EventCode.MAX_CUSTOM_EVENT_CODE) {
            throw new IllegalArgumentException("custom event codes are 0.." + EventCode.MAX_CUSTOM_EVENT_CODE);
        }
        RaiseEventOptions o = options == null ? RaiseEventOptions.DEFAULT : options;
        Parameters p = new Parameters(6);
        p.put(ParameterCode.CODE, (byte) code);
        if (content != null) {
            p.put(ParameterCode.DATA, content);
        }
        if (o.targetActors() != null) {
            p.put(ParameterCode.ACTORS, o.targetActors().clone());
        }
        if (o.receivers() != ReceiverGroup.OTHERS) {
            p.put(ParameterCode.RECEIVER_GROUP, (byte) o.receivers());
        }
        if (o.interestGroup() != 0) {
            p.put(ParameterCode.GROUP, (byte) o.interestGroup());
        }
        if (o.caching() != 0) {
            p.put(ParameterCode.CACHE, (byte) o.caching());
        }
        if (o.flush()) {
            p.put(ParameterCode.FLUSH, true);
        }
        PhotonConnection game = gameConnection();
        return game != null && game.send(new OperationRequest(OperationCode.RAISE_EVENT, p), sendParameters)
                == SendResult.OK;
    }

    /**
     * Sets room properties. With {@code expected} non-empty the change is a compare-and-set: it only happens if
     * those keys currently hold those values, else the stage fails with {@code OperationInvalid}.
     */
    public CompletionStage<Void> setRoomProperties(Map<Object, Object> properties, Map<Object, Object> expected) {
        return setProperties(0, properties, expected);
    }

    /** Sets a player's properties (normally the local player's), optionally as compare-and-set. */
    public CompletionStage<Void> setPlayerProperties(int actorNr, Map<Object, Object> properties,
            Map<Object, Object> expected) {
        if (actorNr <= 0) {
            throw new IllegalArgumentException("actorNr must be positive");
        }
        return setProperties(actorNr, properties, expected);
    }

    private CompletionStage<Void> setProperties(int actorNr, Map<Object, Object> properties,
            Map<Object, Object> expected) {
        if (properties == null || properties.isEmpty()) {
            throw new IllegalArgumentException("properties must not be empty");
        }
        PhotonConnection game = gameConnection();
        if (game == null) {
            return illegalState("setProperties");
        }
        PhotonHashtable props = new PhotonHashtable(properties);
        Parameters p = Parameters.of(ParameterCode.PROPERTIES, props, ParameterCode.BROADCAST, true);
        if (actorNr > 0) {
            p.put(ParameterCode.ACTOR_NR, actorNr);
        }
        if (expected != null && !expected.isEmpty()) {
            p.put(ParameterCode.EXPECTED_VALUES, new PhotonHashtable(expected));
        }
        Room target = room;
        return game.request(new OperationRequest(OperationCode.SET_PROPERTIES, p)).thenApplyAsync(r -> {
            requireOk(r);
            // Accepted means set: update our view now, the server may not echo the change back to the sender.
            if (target != null) {
                if (actorNr == 0) {
                    target.mergeProperties(props);
                } else {
                    target.addOrGetPlayer(actorNr).mergeProperties(props, target.deletesNullProperties());
                }
            }
            return null;
        }, events);
    }

    /** Fetches all room and player properties from the server and refreshes the room view. */
    public CompletionStage<Room> getProperties() {
        PhotonConnection game = gameConnection();
        Room target = room;
        if (game == null || target == null) {
            return illegalState("getProperties");
        }
        Parameters p = Parameters.of(ParameterCode.PROPERTY_TYPE, (byte) 3);
        return game.request(new OperationRequest(OperationCode.GET_PROPERTIES, p)).thenApplyAsync(r -> {
            requireOk(r);
            if (r.parameters().get(ParameterCode.GAME_PROPERTIES) instanceof Map<?, ?> gp) {
                target.setProperties(gp);
            }
            if (r.parameters().get(ParameterCode.ACTOR_PROPERTIES) instanceof Map<?, ?> all) {
                for (Map.Entry<?, ?> e : all.entrySet()) {
                    int nr = actorNumber(e.getKey());
                    if (nr > 0 && e.getValue() instanceof Map<?, ?> props) {
                        target.addOrGetPlayer(nr).setProperties(props);
                    }
                }
            }
            return target;
        }, events);
    }

    /**
     * Changes interest groups. {@code remove}: null = none, empty = all; {@code add}: null = none, empty = all
     * existing groups. Fire-and-forget like RaiseEvent.
     */
    public boolean changeGroups(byte[] remove, byte[] add) {
        Parameters p = new Parameters();
        if (remove != null) {
            p.put(ParameterCode.GROUPS_FOR_REMOVE, remove.clone());
        }
        if (add != null) {
            p.put(ParameterCode.GROUPS_FOR_ADD, add.clone());
        }
        PhotonConnection game = gameConnection();
        return game != null && game.send(new OperationRequest(OperationCode.CHANGE_GROUPS, p)) == SendResult.OK;
    }

    /**
     * Leaves the room and returns to the master. With {@code becomeInactive} the actor stays in the room as
     * inactive for the room's PlayerTTL and may come back with {@link #joinRoom(String, int, RoomOptions)} in
     * RejoinOnly mode. Completes in {@code ConnectedToMasterServer}.
     */
    public CompletionStage<Void> leaveRoom(boolean becomeInactive) {
        PhotonConnection game;
        synchronized (lock) {
            if (state != ClientState.Joined) {
                return illegalState("leaveRoom");
            }
            game = connection;
            setState(ClientState.Leaving);
        }
        Parameters p = becomeInactive ? Parameters.of(ParameterCode.IS_INACTIVE, true) : new Parameters();
        return game.request(new OperationRequest(OperationCode.LEAVE, p))
                .handleAsync((r, e) -> {
                    if (r != null && !r.isOk()) {
                        LOG.fine(() -> "leave answered " + r.returnCode() + ": " + r.debugMessage());
                    }
                    synchronized (lock) {
                        if (!becomeInactive) {
                            lastRoomName = null;
                        }
                        retireConnection(ClientState.ConnectingToMasterServer);
                    }
                    notifyListeners(LoadBalancingListener::onLeftRoom);
                    return null;
                }, events)
                .thenCompose(v -> connectAndAuthenticateMaster());
    }

    private PhotonConnection gameConnection() {
        synchronized (lock) {
            return state == ClientState.Joined ? connection : null;
        }
    }

    // ------------------------------------------------------------------ connections and events

    /**
     * The token init for the next master or game server connection: in the AuthOnce modes over UDP, once the name
     * server gave a token and secret; null otherwise (then the client sends Authenticate).
     */
    private AuthOnceInit tokenInit() {
        synchronized (lock) {
            if (authMode == AuthMode.Auth || token == null || encryptionSecret == null
                    || !(settings.connector() instanceof UdpConnector)) {
                return null;
            }
            return new AuthOnceInit(token, encryptionSecret);
        }
    }

    private CompletionStage<PhotonConnection> open(URI uri, Server target) {
        return open(uri, target, null);
    }

    private CompletionStage<PhotonConnection> open(URI uri, Server target, AuthOnceInit tokenInit) {
        ConnectionListener listener = new ConnectionListener();
        CompletableFuture<PhotonConnection> opening = tokenInit == null ? PhotonConnection.open(uri, settings, listener)
                : PhotonConnection.openWithToken(uri, settings, listener, tokenInit);
        return opening.thenApplyAsync(pc -> {
            synchronized (lock) {
                if (connection != null) {
                    // Someone else connected meanwhile (API misuse); do not leak this one.
                    pc.close();
                    throw new IllegalStateException("client already has a connection");
                }
                listener.connection = pc;
                connection = pc;
                server = target;
            }
            return pc;
        }, events).whenCompleteAsync((pc, e) -> {
            if (e != null) {
                synchronized (lock) {
                    if (connection == null && state != ClientState.Disconnected) {
                        setState(ClientState.Disconnected);
                    }
                }
            }
        }, events);
    }

    /** Receives from one connection; knows which one, to tell closes of the current connection from old ones. */
    private final class ConnectionListener implements PhotonConnection.Listener {
        private volatile PhotonConnection connection;

        @Override
        public void onEvent(EventData event) {
            events.execute(() -> handleEvent(event));
        }

        @Override
        public void onUnexpectedResponse(OperationResponse response) {
            if (!response.isOk()) {
                PhotonException error = PhotonException.of(response);
                notifyListeners(l -> l.onError(error));
            }
        }

        @Override
        public void onClosed(int code, String reason) {
            events.execute(() -> connectionClosed(connection, code, reason));
        }
    }

    /** Closes the current connection on purpose; its close will not be reported as a disconnect. */
    private void retireConnection(ClientState next) {
        PhotonConnection pc = connection;
        connection = null;
        server = null;
        setState(next);
        if (pc != null) {
            pc.close(CloseCodes.NORMAL, "switching server");
        }
    }

    private void connectionClosed(PhotonConnection pc, int code, String reason) {
        boolean report;
        synchronized (lock) {
            report = pc != null && pc == connection;
            if (report) {
                connection = null;
                server = null;
                setState(ClientState.Disconnected);
            }
        }
        if (report) {
            notifyListeners(l -> l.onDisconnected(code, reason));
        }
    }

    /** Runs on the event thread: updates views, then tells listeners. */
    private void handleEvent(EventData event) {
        Parameters p = event.parameters();
        Room r = room;
        switch (event.code()) {
            case EventCode.GAME_LIST -> {
                roomList.clear();
                notifyRoomList(p, true);
            }
            case EventCode.GAME_LIST_UPDATE -> notifyRoomList(p, false);
            case EventCode.APP_STATS -> notifyListeners(l -> l.onAppStats(
                    Values.toInt(p.get(ParameterCode.MASTER_PEER_COUNT), 0),
                    Values.toInt(p.get(ParameterCode.PEER_COUNT), 0),
                    Values.toInt(p.get(ParameterCode.GAME_COUNT), 0)));
            case EventCode.LOBBY_STATS -> {
                List<LobbyStats> stats = parseLobbyStats(p);
                notifyListeners(l -> l.onLobbyStatistics(stats));
            }
            case EventCode.AUTH_EVENT -> {
                String t = Values.toStringOrNull(p.get(ParameterCode.TOKEN));
                if (t != null) {
                    synchronized (lock) {
                        token = t;
                    }
                }
            }
            case EventCode.ERROR_INFO -> {
                PhotonException error = new PhotonException(-1, ReturnCode.OK,
                        Values.toStringOrNull(p.get(ParameterCode.INFO)), "ErrorInfo event: " + p.get(ParameterCode.INFO));
                notifyListeners(l -> l.onError(error));
            }
            case EventCode.JOIN -> {
                if (r != null) {
                    onJoinEvent(r, p);
                }
            }
            case EventCode.LEAVE -> {
                if (r != null) {
                    onLeaveEvent(r, p);
                }
            }
            case EventCode.PROPERTIES_CHANGED -> {
                if (r != null) {
                    onPropertiesChanged(r, p);
                }
            }
            default -> {
                if (event.code() <= EventCode.MAX_CUSTOM_EVENT_CODE) {
                    int sender = Values.toInt(p.get(ParameterCode.ACTOR_NR), 0);
                    Object content = p.get(ParameterCode.DATA);
                    notifyListeners(l -> l.onCustomEvent(event.code(), sender, content));
                }
            }
        }
        notifyListeners(l -> l.onEvent(event));
    }

    private void notifyRoomList(Parameters p, boolean full) {
        Object list = p.get(ParameterCode.GAME_LIST);
        List<RoomInfo> changed = new ArrayList<>();
        if (list instanceof Map<?, ?> games) {
            for (Map.Entry<?, ?> e : games.entrySet()) {
                String name = String.valueOf(e.getKey());
                Map<?, ?> props = e.getValue() instanceof Map<?, ?> m ? m : Map.of();
                RoomInfo info = new RoomInfo(name, Properties.snapshot(props));
                if (info.isRemoved()) {
                    roomList.remove(name);
                } else {
                    roomList.put(name, info);
                }
                changed.add(info);
            }
        }
        List<RoomInfo> report = full ? List.copyOf(roomList.values()) : List.copyOf(changed);
        notifyListeners(l -> l.onRoomListUpdate(report));
    }

    private void onJoinEvent(Room r, Parameters p) {
        int nr = Values.toInt(p.get(ParameterCode.ACTOR_NR), 0);
        if (nr <= 0) {
            return;
        }
        boolean known = r.player(nr) != null;
        Player player = r.addOrGetPlayer(nr);
        boolean wasInactive = player.isInactive();
        player.setInactive(false);
        if (p.get(ParameterCode.ACTOR_PROPERTIES) instanceof Map<?, ?> props && !props.isEmpty()) {
            player.setProperties(props);
        }
        Object actors = p.get(ParameterCode.ACTORS);
        int n = actors == null || !actors.getClass().isArray() ? 0 : Array.getLength(actors);
        for (int i = 0; i < n; i++) {
            int other = Values.toInt(Array.get(actors, i), 0);
            if (other > 0) {
                r.addOrGetPlayer(other);
            }
        }
        if (!player.isLocal() && (!known || wasInactive)) {
            notifyListeners(l -> l.onPlayerEnteredRoom(player));
        }
    }

    private void onLeaveEvent(Room r, Parameters p) {
        int nr = Values.toInt(p.get(ParameterCode.ACTOR_NR), 0);
        int masterBefore = r.masterClientId();
        Player player = r.player(nr);
        boolean inactive = Values.toBoolean(p.get(ParameterCode.IS_INACTIVE), false);
        if (player != null) {
            if (inactive) {
                player.setInactive(true);
            } else {
                r.removePlayer(nr);
            }
        }
        Object newMaster = p.get(ParameterCode.MASTER_CLIENT_ID);
        if (newMaster != null && Values.isIntegral(newMaster)) {
            r.setMasterClientId(Values.toInt(newMaster));
        } else if (nr == masterBefore) {
            r.setMasterClientId(0); // fall back to lowest active actor
        }
        if (player != null) {
            notifyListeners(l -> l.onPlayerLeftRoom(player));
        }
        reportMasterSwitch(r, masterBefore);
    }

    private void onPropertiesChanged(Room r, Parameters p) {
        if (!(p.get(ParameterCode.PROPERTIES) instanceof Map<?, ?> changes)) {
            return;
        }
        Map<Object, Object> changed = Properties.snapshot(changes);
        int target = Values.toInt(p.get(ParameterCode.TARGET_ACTOR_NR), 0);
        if (target == 0) {
            int masterBefore = r.masterClientId();
            r.mergeProperties(changes);
            notifyListeners(l -> l.onRoomPropertiesChanged(changed));
            reportMasterSwitch(r, masterBefore);
        } else {
            Player player = r.addOrGetPlayer(target);
            player.mergeProperties(changes, r.deletesNullProperties());
            notifyListeners(l -> l.onPlayerPropertiesChanged(player, changed));
        }
    }

    private void reportMasterSwitch(Room r, int masterBefore) {
        int masterNow = r.masterClientId();
        if (masterNow != masterBefore && masterNow > 0) {
            Player m = r.player(masterNow);
            if (m != null) {
                notifyListeners(l -> l.onMasterClientSwitched(m));
            }
        }
    }

    private static List<LobbyStats> parseLobbyStats(Parameters p) {
        Object names = p.get(ParameterCode.LOBBY_NAME);
        Object types = p.get(ParameterCode.LOBBY_TYPE);
        Object peers = p.get(ParameterCode.PEER_COUNT);
        Object games = p.get(ParameterCode.GAME_COUNT);
        List<LobbyStats> result = new ArrayList<>();
        if (names instanceof String single) {
            result.add(new LobbyStats(new TypedLobby(single, Values.toInt(types, 0)), Values.toInt(peers, 0),
                    Values.toInt(games, 0)));
            return result;
        }
        int n = names == null || !names.getClass().isArray() ? 0 : Array.getLength(names);
        for (int i = 0; i < n; i++) {
            String name = String.valueOf(Array.get(names, i));
            result.add(new LobbyStats(new TypedLobby(name, Values.toInt(element(types, i), 0)),
                    Values.toInt(element(peers, i), 0), Values.toInt(element(games, i), 0)));
        }
        return result;
    }

    // ------------------------------------------------------------------ helpers

    /** Must hold lock. Changes state and tells listeners (asynchronously, in order). */
    private void setState(ClientState next) {
        ClientState previous = state;
        if (previous == next) {
            return;
        }
        state = next;
        notifyListeners(l -> l.onStateChanged(previous, next));
    }

    private void notifyListeners(java.util.function.Consumer<LoadBalancingListener> call) {
        if (listeners.isEmpty()) {
            return;
        }
        events.execute(() -> {
            for (LoadBalancingListener l : listeners) {
                try {
                    call.accept(l);
                } catch (RuntimeException e) {
                    LOG.log(Level.WARNING, "listener failed", e);
                }
            }
        });
    }

    private static void writeLobby(Parameters p, TypedLobby l) {
        if (!l.isDefault()) {
            p.put(ParameterCode.LOBBY_NAME, l.name());
            p.put(ParameterCode.LOBBY_TYPE, (byte) l.type());
        }
    }

    private static void requireOk(OperationResponse r) {
        if (!r.isOk()) {
            throw PhotonException.of(r);
        }
    }

    private static PhotonException badResponse(OperationResponse r, String what) {
        return new PhotonException(r.code(), ReturnCode.INTERNAL_SERVER_ERROR, what,
                "unusable answer to operation " + r.code() + ": " + what + " in " + r.parameters());
    }

    private <T> CompletionStage<T> illegalState(String operation) {
        ClientState s;
        synchronized (lock) {
            s = state;
        }
        return CompletableFuture.failedFuture(new IllegalStateException(operation + " not allowed in state " + s));
    }

    private static Object element(Object array, int i) {
        if (array == null || !array.getClass().isArray() || i >= Array.getLength(array)) {
            return null;
        }
        return Array.get(array, i);
    }

    private static String[] stringArray(Object v) {
        if (v instanceof String[] s) {
            return s;
        }
        int n = v == null || !v.getClass().isArray() ? 0 : Array.getLength(v);
        String[] out = new String[n];
        for (int i = 0; i < n; i++) {
            out[i] = String.valueOf(Array.get(v, i));
        }
        return out;
    }

    /** Actor numbers arrive as Integer keys from binary peers, as strings when a JSON client set them. */
    private static int actorNumber(Object key) {
        if (key instanceof String s) {
            try {
                return Integer.parseInt(s);
            } catch (NumberFormatException e) {
                return 0;
            }
        }
        return Values.toInt(key, 0);
    }

    static Throwable unwrap(Throwable t) {
        Throwable c = t;
        while ((c instanceof CompletionException || c instanceof java.util.concurrent.ExecutionException)
                && c.getCause() != null) {
            c = c.getCause();
        }
        return c;
    }

    @Override
    public String toString() {
        return "LoadBalancingClient[" + appId + ", " + state() + (room == null ? "" : ", " + room.name()) + "]";
    }

}
