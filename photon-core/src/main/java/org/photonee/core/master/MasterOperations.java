package org.photonee.core.master;

import java.lang.reflect.Array;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Predicate;
import java.util.random.RandomGenerator;
import org.photonee.core.auth.TokenIssuer;
import org.photonee.core.codes.JoinMode;
import org.photonee.core.codes.LobbyType;
import org.photonee.core.codes.ParameterCode;
import org.photonee.core.codes.ReturnCode;
import org.photonee.core.master.sql.SqlFilter;
import org.photonee.core.master.sql.SqlFilterException;
import org.photonee.core.peer.SendParameters;
import org.photonee.core.protocol.OperationRequest;
import org.photonee.core.protocol.OperationResponse;
import org.photonee.core.protocol.Parameters;
import org.photonee.core.protocol.PhotonHashtable;
import org.photonee.core.protocol.Values;
import org.photonee.core.s2s.S2SMessages;

/**
 * The authenticated master client's operations (LOADBALANCING.md §2.7), each run on the master fiber and returning
 * its response. Matchmaking answers name a game server address for the client's own protocol, the game id and a
 * token that grants that game.
 */
final class MasterOperations {
    /** FindFriends options (param 2): only report rooms that the game server confirmed, that are visible, open. */
    static final int FIND_FRIENDS_CREATED_ON_GS = 0x01;
    static final int FIND_FRIENDS_VISIBLE = 0x02;
    static final int FIND_FRIENDS_OPEN = 0x04;
    /** Settings (218): key of the "receive lobby statistics" flag. */
    static final int SETTINGS_RECEIVE_LOBBY_STATS = 0;

    private final MasterServer master;
    private final MasterSettings settings;
    private final TokenIssuer tokens;
    private final RandomGenerator random;

    MasterOperations(MasterServer master, TokenIssuer tokens, RandomGenerator random) {
        this.master = master;
        this.settings = master.settings();
        this.tokens = tokens;
        this.random = random;
    }

    // ---- lobbies ----

    OperationResponse joinLobby(MasterClientPeer peer, OperationRequest request) {
        LobbyKey key;
        try {
            key = MatchRequests.lobby(request.parameters(), settings);
        } catch (InvalidRequestException e) {
            return error(request, e);
        }
        GameApplication app = peer.application();
        AppLobby lobby = app.lobby(key, settings.lobbiesCountLimit());
        if (lobby == null) {
            return OperationResponse.error(request.code(), ReturnCode.OPERATION_INVALID,
                    "Lobby limit of " + settings.lobbiesCountLimit() + " reached");
        }
        leaveCurrentLobby(peer);
        peer.setLobby(lobby);
        // The response first, then the list: clients expect the GameList after JoinLobby succeeded.
        peer.sendOperationResponse(OperationResponse.ok(request.code()), SendParameters.DEFAULT);
        lobby.join(peer, settings.limitGameList());
        return null;
    }

    OperationResponse leaveLobby(MasterClientPeer peer, OperationRequest request) {
        leaveCurrentLobby(peer);
        return OperationResponse.ok(request.code());
    }

    private void leaveCurrentLobby(MasterClientPeer peer) {
        AppLobby current = peer.lobby();
        if (current != null) {
            current.leave(peer);
            peer.setLobby(null);
            peer.application().dropIfUnused(current);
        }
    }

    OperationResponse lobbyStats(MasterClientPeer peer, OperationRequest request) {
        Parameters p = request.parameters();
        GameApplication app = peer.application();
        Object names = p.get(ParameterCode.LOBBY_NAME);
        Object types = p.get(ParameterCode.LOBBY_TYPE);
        if (names == null && types == null) {
            return OperationResponse.ok(request.code(), LobbyStats.of(app.lobbies(), settings.lobbyStatsLimit()));
        }
        List<String> nameList;
        List<Integer> typeList;
        try {
            nameList = S2SMessages.toStringList(names, "LobbyName (213)");
            typeList = intList(types, "LobbyType (212)");
        } catch (IllegalArgumentException e) {
            return OperationResponse.error(request.code(), ReturnCode.OPERATION_INVALID, e.getMessage());
        }
        if (nameList.size() != typeList.size()) {
            return OperationResponse.error(request.code(), ReturnCode.ARGUMENT_OUT_OF_RANGE,
                    "LobbyName and LobbyType must have the same length");
        }
        List<LobbyKey> keys = new ArrayList<>();
        List<AppLobby> lobbies = new ArrayList<>();
        for (int i = 0; i < nameList.size(); i++) {
            LobbyKey key = new LobbyKey(nameList.get(i), typeList.get(i));
            keys.add(key);
            lobbies.add(app.existingLobby(key));
        }
        return OperationResponse.ok(request.code(), LobbyStats.build(keys, lobbies));
    }

    OperationResponse settings(MasterClientPeer peer, OperationRequest request) {
        Object flag = request.parameters().get(SETTINGS_RECEIVE_LOBBY_STATS);
        if (flag instanceof Boolean b) {
            peer.setLobbyStatsSubscriber(b);
        }
        return OperationResponse.ok(request.code());
    }

    // ---- matchmaking ----

    OperationResponse createGame(MasterClientPeer peer, OperationRequest request) {
        MatchRequests.CreateGame create;
        try {
            create = MatchRequests.createGame(request.parameters(), settings);
        } catch (InvalidRequestException e) {
            return error(request, e);
        }
        String gameId = create.gameId() != null ? create.gameId() : UUID.randomUUID().toString();
        return answer(peer, request, master.createGame(peer.application(), gameId, create.lobby()));
    }

    OperationResponse joinGame(MasterClientPeer peer, OperationRequest request) {
        MatchRequests.JoinGame join;
        try {
            join = MatchRequests.joinGame(request.parameters(), settings);
        } catch (InvalidRequestException e) {
            return error(request, e);
        }
        GameApplication app = peer.application();
        GameState game = app.game(join.gameId());
        if (game == null) {
            if (join.joinMode() == JoinMode.CREATE_IF_NOT_EXISTS) {
                return answer(peer, request, master.createGame(app, join.gameId(), join.lobby()));
            }
            if (join.joinMode() == JoinMode.REJOIN_ONLY || join.joinMode() == JoinMode.REJOIN_OR_JOIN) {
                // Not in memory, but it may be a saved persistent game (turn-based, PlayerTTL < 0): a game server
                // restores it if it was saved, and answers GameIdNotExists if not.
                return answer(peer, request, master.createGame(app, join.gameId(), join.lobby()));
            }
            return OperationResponse.error(request.code(), ReturnCode.GAME_ID_NOT_EXISTS, "Game does not exist");
        }
        if (!game.server().isConnected()) {
            return OperationResponse.error(request.code(), ReturnCode.GAME_CLOSED,
                    "The game's server is unavailable");
        }
        JoinDecision decision = JoinRules.check(game, peer.userId(), join.joinMode(),
                join.addUsers().size());
        if (!decision.isAllowed()) {
            return OperationResponse.error(request.code(), decision.returnCode(), decision.message());
        }
        return answer(peer, request, MatchOutcome.found(game));
    }

    OperationResponse joinRandomGame(MasterClientPeer peer, OperationRequest request) {
        MatchRequests.JoinRandom join;
        try {
            join = MatchRequests.joinRandom(request.parameters(), settings);
        } catch (InvalidRequestException e) {
            return error(request, e);
        }
        GameApplication app = peer.application();
        SqlFilter filter = null;
        if (join.lobby().type() == LobbyType.SQL && join.sqlFilter() != null && !join.sqlFilter().isBlank()) {
            try {
                filter = compile(join.sqlFilter());
            } catch (SqlFilterException e) {
                return OperationResponse.error(request.code(), ReturnCode.OPERATION_INVALID,
                        "Invalid SQL filter: " + e.getMessage());
            }
        }
        AppLobby lobby = app.existingLobby(join.lobby());
        if (lobby != null) {
            Predicate<GameState> eligible = randomCandidate(peer.userId(), join, filter);
            Optional<GameState> match = RandomMatcher.find(lobby, eligible, join.mode(), random);
            if (match.isPresent()) {
                return answer(peer, request, MatchOutcome.found(match.get()));
            }
        }
        if (join.createIfNotExists()) {
            String gameId = join.createGameId() != null ? join.createGameId() : UUID.randomUUID().toString();
            return answer(peer, request, master.createGame(app, gameId, join.lobby()));
        }
        return OperationResponse.error(request.code(), ReturnCode.NO_MATCH_FOUND, "No match found");
    }

    /** Confirmed, reachable, visible, open games the user may join that match the expectations. */
    private static Predicate<GameState> randomCandidate(String userId, MatchRequests.JoinRandom join,
                                                        SqlFilter filter) {
        return game -> game.isListed() && game.isOpen() && game.server().isConnected()
                && ExpectedProperties.match(join.expected(), game)
                && (filter == null || filter.matches(game.lobbyProperties()))
                && JoinRules.check(game, userId, JoinMode.JOIN_ONLY, join.addUsers().size()).isAllowed();
    }

    OperationResponse getGameList(MasterClientPeer peer, OperationRequest request) {
        LobbyKey key;
        try {
            key = MatchRequests.lobby(request.parameters(), settings);
        } catch (InvalidRequestException e) {
            return error(request, e);
        }
        if (key.type() != LobbyType.SQL) {
            return OperationResponse.error(request.code(), ReturnCode.OPERATION_INVALID,
                    "GetGameList is only supported in SQL lobbies (LobbyType 2)");
        }
        Object query = request.parameters().get(ParameterCode.DATA);
        if (!(query instanceof String text) || text.isBlank()) {
            return OperationResponse.error(request.code(), ReturnCode.OPERATION_INVALID,
                    "GetGameList needs a SQL filter in Data (245)");
        }
        SqlFilter filter;
        try {
            filter = compile(text);
        } catch (SqlFilterException e) {
            return OperationResponse.error(request.code(), ReturnCode.OPERATION_INVALID,
                    "Invalid SQL filter: " + e.getMessage());
        }
        PhotonHashtable list = new PhotonHashtable();
        AppLobby lobby = peer.application().existingLobby(key);
        if (lobby != null) {
            for (GameState game : lobby.games()) {
                if (list.size() >= settings.limitSqlFilterResults()) {
                    break;
                }
                if (game.isListed() && filter.matches(game.lobbyProperties())) {
                    list.put(game.gameId(), game.lobbyListEntry());
                }
            }
        }
        return OperationResponse.ok(request.code(), Parameters.of(ParameterCode.GAME_LIST, list));
    }

    private SqlFilter compile(String filter) throws SqlFilterException {
        return SqlFilter.compile(filter, settings.maxSqlFilterLength(), settings.wrongWordsForQueryData());
    }

    /** Success: the game server address for the client's protocol, the game id, a token granting the game. */
    private OperationResponse answer(MasterClientPeer peer, OperationRequest request, MatchOutcome outcome) {
        if (!outcome.isFound()) {
            return OperationResponse.error(request.code(), outcome.returnCode(), outcome.message());
        }
        GameState game = outcome.game();
        String address = game.server().addressFor(peer.initRequest().connection().transport(),
                peer.protocol().subprotocol());
        String token = tokens.encode(tokens.grantGame(peer.token(), game.gameId()));
        return OperationResponse.ok(request.code(), Parameters.of(ParameterCode.ADDRESS, address,
                ParameterCode.GAME_ID, game.gameId(), ParameterCode.TOKEN, token));
    }

    // ---- friends ----

    OperationResponse findFriends(MasterClientPeer peer, OperationRequest request) {
        Parameters p = request.parameters();
        List<String> users;
        try {
            users = S2SMessages.toStringList(p.get(ParameterCode.FIND_FRIENDS_USER_LIST), "UserList (1)");
        } catch (IllegalArgumentException e) {
            return OperationResponse.error(request.code(), ReturnCode.OPERATION_INVALID, e.getMessage());
        }
        int options = Values.toInt(p.get(ParameterCode.FIND_FRIENDS_OPTIONS), 0);
        GameApplication app = peer.application();
        boolean[] online = new boolean[users.size()];
        String[] rooms = new String[users.size()];
        for (int i = 0; i < users.size(); i++) {
            String user = users.get(i);
            GameState game = app.gameOf(user);
            online[i] = game != null || app.isOnMaster(user);
            // Protocol16 string arrays cannot carry null: "" means "in no room", as Photon's clients expect.
            rooms[i] = game != null && reportable(game, options) ? game.gameId() : "";
        }
        return OperationResponse.ok(request.code(), Parameters.of(ParameterCode.FIND_FRIENDS_IS_ONLINE, online,
                ParameterCode.FIND_FRIENDS_USER_STATES, rooms));
    }

    private static boolean reportable(GameState game, int options) {
        return ((options & FIND_FRIENDS_CREATED_ON_GS) == 0 || game.isConfirmed())
                && ((options & FIND_FRIENDS_VISIBLE) == 0 || game.isListed())
                && ((options & FIND_FRIENDS_OPEN) == 0 || game.isOpen());
    }

    // ---- helpers ----

    private static OperationResponse error(OperationRequest request, InvalidRequestException e) {
        return OperationResponse.error(request.code(), e.returnCode(), e.getMessage());
    }

    /** Ints from any array form: byte[] (unsigned), int[], or an array/list of numbers. */
    private static List<Integer> intList(Object value, String what) {
        List<Integer> out = new ArrayList<>();
        if (value instanceof byte[] bytes) {
            for (byte b : bytes) {
                out.add(b & 0xFF);
            }
        } else if (value instanceof int[] ints) {
            for (int i : ints) {
                out.add(i);
            }
        } else if (value instanceof List<?> list) {
            for (Object o : list) {
                out.add(toIntElement(o, what));
            }
        } else if (value != null && value.getClass().isArray() && !value.getClass().getComponentType().isPrimitive()) {
            for (int i = 0; i < Array.getLength(value); i++) {
                out.add(toIntElement(Array.get(value, i), what));
            }
        } else {
            throw new IllegalArgumentException(what + " must be an array of numbers, got " + Values.typeName(value));
        }
        return out;
    }

    private static int toIntElement(Object o, String what) {
        if (!Values.isIntegral(o)) {
            throw new IllegalArgumentException(what + " must contain only whole numbers");
        }
        return Values.toInt(o);
    }
}
