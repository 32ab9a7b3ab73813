package org.photonee.core.master;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import org.photonee.core.codes.GamePropertyKey;
import org.photonee.core.codes.JoinMode;
import org.photonee.core.codes.LobbyType;
import org.photonee.core.codes.MatchmakingMode;
import org.photonee.core.codes.ParameterCode;
import org.photonee.core.codes.ReturnCode;
import org.photonee.core.protocol.Parameters;
import org.photonee.core.protocol.PhotonHashtable;
import org.photonee.core.protocol.Values;
import org.photonee.core.s2s.S2SMessages;

/**
 * The master's matchmaking requests, parsed and validated from client parameters. Validation failures are
 * {@code OperationInvalid} with a message naming the parameter (LOADBALANCING.md §2.11).
 */
final class MatchRequests {
    private MatchRequests() {
    }

    /**
     * @param gameId   requested name, or null to generate one
     * @param lobby    target lobby
     * @param addUsers expected users to reserve slots for
     */
    record CreateGame(String gameId, LobbyKey lobby, List<String> addUsers) {
    }

    record JoinGame(String gameId, LobbyKey lobby, int joinMode, boolean forceRejoin, List<String> addUsers) {
    }

    /**
     * @param expected          expected properties (exact match), never null
     * @param mode              {@link MatchmakingMode} code
     * @param sqlFilter         SQL lobby filter, or null
     * @param createIfNotExists join-random-or-create
     * @param createGameId      name for a created game, or null
     */
    record JoinRandom(LobbyKey lobby, PhotonHashtable expected, int mode, String sqlFilter, List<String> addUsers,
                      boolean createIfNotExists, String createGameId) {
    }

    static CreateGame createGame(Parameters p, MasterSettings settings) throws InvalidRequestException {
        String gameId = optionalString(p, ParameterCode.GAME_ID, "GameId", settings.maxGameIdLength());
        validateGameProperties(p.get(ParameterCode.GAME_PROPERTIES));
        return new CreateGame(gameId == null || gameId.isEmpty() ? null : gameId, lobby(p, settings), addUsers(p));
    }

    static JoinGame joinGame(Parameters p, MasterSettings settings) throws InvalidRequestException {
        String gameId = optionalString(p, ParameterCode.GAME_ID, "GameId", settings.maxGameIdLength());
        if (gameId == null || gameId.isEmpty()) {
            throw invalid("GameId (255) is required");
        }
        validateGameProperties(p.get(ParameterCode.GAME_PROPERTIES));
        return new JoinGame(gameId, lobby(p, settings), joinMode(p),
                Values.toBoolean(p.get(ParameterCode.FORCE_REJOIN), false), addUsers(p));
    }

    static JoinRandom joinRandom(Parameters p, MasterSettings settings) throws InvalidRequestException {
        Object expected = p.get(ParameterCode.GAME_PROPERTIES);
        if (expected != null && !(expected instanceof Map<?, ?>)) {
            throw invalid("GameProperties (248) must be a table of expected properties");
        }
        int mode = optionalInt(p, ParameterCode.MATCHMAKING_TYPE, MatchmakingMode.FILL_ROOM, "MatchmakingType");
        if (mode < MatchmakingMode.FILL_ROOM || mode > MatchmakingMode.RANDOM_MATCHING) {
            throw invalid("Unknown MatchmakingType (223): " + mode);
        }
        Object filter = p.get(ParameterCode.DATA);
        if (filter != null && !(filter instanceof String)) {
            throw invalid("Data (245) must be a SQL filter string");
        }
        String createGameId = optionalString(p, ParameterCode.GAME_ID, "GameId", settings.maxGameIdLength());
        return new JoinRandom(lobby(p, settings),
                expected == null ? new PhotonHashtable() : new PhotonHashtable((Map<?, ?>) expected), mode,
                (String) filter, addUsers(p), joinMode(p) == JoinMode.CREATE_IF_NOT_EXISTS,
                createGameId == null || createGameId.isEmpty() ? null : createGameId);
    }

    /** The lobby of a request: LobbyName (213) and LobbyType (212), the default lobby when absent. */
    static LobbyKey lobby(Parameters p, MasterSettings settings) throws InvalidRequestException {
        String name = optionalString(p, ParameterCode.LOBBY_NAME, "LobbyName", settings.maxLobbyNameLength());
        int type = optionalInt(p, ParameterCode.LOBBY_TYPE, LobbyType.DEFAULT, "LobbyType");
        if (type != LobbyType.DEFAULT && type != LobbyType.SQL && type != LobbyType.ASYNC_RANDOM) {
            throw invalid("Unsupported LobbyType (212): " + type);
        }
        return new LobbyKey(name == null ? "" : name, type);
    }

    /** JoinMode (215): an int, or the legacy boolean CreateIfNotExists. */
    private static int joinMode(Parameters p) throws InvalidRequestException {
        Object v = p.get(ParameterCode.JOIN_MODE);
        if (v == null) {
            return JoinMode.JOIN_ONLY;
        }
        if (v instanceof Boolean b) {
            return b ? JoinMode.CREATE_IF_NOT_EXISTS : JoinMode.JOIN_ONLY;
        }
        int mode = optionalInt(p, ParameterCode.JOIN_MODE, JoinMode.JOIN_ONLY, "JoinMode");
        if (mode < JoinMode.JOIN_ONLY || mode > JoinMode.REJOIN_ONLY) {
            throw invalid("Unknown JoinMode (215): " + mode);
        }
        return mode;
    }

    private static List<String> addUsers(Parameters p) throws InvalidRequestException {
        Object v = p.get(ParameterCode.ADD_USERS);
        if (v == null) {
            return List.of();
        }
        try {
            List<String> users = S2SMessages.toStringList(v, "AddUsers (238)");
            return new ArrayList<>(new LinkedHashSet<>(users));
        } catch (IllegalArgumentException e) {
            throw invalid(e.getMessage());
        }
    }

    /** Type checks of the well-known properties a client may set on create/join. */
    private static void validateGameProperties(Object value) throws InvalidRequestException {
        if (value == null) {
            return;
        }
        if (!(value instanceof Map<?, ?> props)) {
            throw invalid("GameProperties (248) must be a table");
        }
        Object max = props.get(GamePropertyKey.MAX_PLAYERS);
        if (max != null && (!Values.isIntegral(max) || Values.toLong(max) < 0 || Values.toLong(max) > 255)) {
            throw invalid("MaxPlayers must be a whole number 0..255");
        }
        for (Byte key : new Byte[] {GamePropertyKey.IS_OPEN, GamePropertyKey.IS_VISIBLE}) {
            Object v = props.get(key);
            if (v != null && !(v instanceof Boolean)) {
                throw invalid("Game property " + (key & 0xFF) + " must be a boolean");
            }
        }
        for (Byte key : new Byte[] {GamePropertyKey.PLAYER_TTL, GamePropertyKey.EMPTY_ROOM_TTL}) {
            Object v = props.get(key);
            if (v != null && (!Values.isIntegral(v) || Values.toInt(v, Integer.MIN_VALUE) == Integer.MIN_VALUE)) {
                throw invalid("Game property " + (key & 0xFF) + " must be an int");
            }
        }
        for (Byte key : new Byte[] {GamePropertyKey.LOBBY_PROPERTIES, GamePropertyKey.EXPECTED_USERS}) {
            Object v = props.get(key);
            if (v != null) {
                try {
                    S2SMessages.toStringList(v, "Game property " + (key & 0xFF));
                } catch (IllegalArgumentException e) {
                    throw invalid(e.getMessage());
                }
            }
        }
        if (props.containsKey(GamePropertyKey.MASTER_CLIENT_ID)) {
            throw invalid("It is not allowed to set MasterClientId through Create/Join Game request");
        }
    }

    static String optionalString(Parameters p, int code, String name, int maxLength) throws InvalidRequestException {
        Object v = p.get(code);
        if (v == null) {
            return null;
        }
        if (!(v instanceof String s)) {
            throw invalid(name + " (" + code + ") must be a string, got " + Values.typeName(v));
        }
        if (s.length() > maxLength) {
            throw invalid(name + " (" + code + ") is longer than " + maxLength + " characters");
        }
        return s;
    }

    static int optionalInt(Parameters p, int code, int fallback, String name) throws InvalidRequestException {
        Object v = p.get(code);
        if (v == null) {
            return fallback;
        }
        if (!Values.isIntegral(v) || Values.toInt(v, Integer.MIN_VALUE) == Integer.MIN_VALUE) {
            throw invalid(name + " (" + code + ") must be a whole number, got " + Values.typeName(v));
        }
        return Values.toInt(v);
    }

    static InvalidRequestException invalid(String message) {
        return new InvalidRequestException(ReturnCode.OPERATION_INVALID, message);
    }
}
