package org.photonee.core.s2s;

import java.lang.reflect.Array;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.photonee.core.codes.ServerState;
import org.photonee.core.protocol.EventData;
import org.photonee.core.protocol.OperationRequest;
import org.photonee.core.protocol.Parameters;
import org.photonee.core.protocol.PhotonHashtable;
import org.photonee.core.protocol.Values;

/**
 * Converts the S2S contract's records to and from messages, so neither side touches parameter codes. Writers
 * produce types every wire protocol carries (String, int, boolean, String[], Hashtable); readers accept what any
 * protocol decodes them into (a Json link turns String[] into Object[], bytes into ints) and throw
 * {@link IllegalArgumentException} naming the offending parameter when a message is malformed.
 */
public final class S2SMessages {
    private S2SMessages() {
    }

    // ---- registration ----

    public static OperationRequest registerGameServer(GameServerRegistration registration) {
        PhotonHashtable addresses = new PhotonHashtable(registration.publicAddresses());
        Parameters p = Parameters.of(
                S2SParameterCode.SERVER_ID, registration.serverId(),
                S2SParameterCode.PUBLIC_ADDRESSES, addresses,
                S2SParameterCode.SERVER_STATE, registration.state().code(),
                S2SParameterCode.LOAD_INDEX, registration.loadLevel(),
                S2SParameterCode.LOAD_BALANCER_PRIORITY, registration.loadBalancerPriority());
        putIfNotNull(p, S2SParameterCode.CREDENTIAL, registration.credential());
        return new OperationRequest(S2SOperationCode.REGISTER_GAME_SERVER, p);
    }

    public static GameServerRegistration readRegistration(OperationRequest request) {
        Parameters p = request.parameters();
        String serverId = requireString(p, S2SParameterCode.SERVER_ID, "ServerId");
        Object rawAddresses = p.get(S2SParameterCode.PUBLIC_ADDRESSES);
        if (!(rawAddresses instanceof Map<?, ?> map) || map.isEmpty()) {
            throw new IllegalArgumentException("PublicAddresses (4) must be a non-empty table of subprotocol → URL");
        }
        Map<String, String> addresses = new LinkedHashMap<>();
        for (Map.Entry<?, ?> e : map.entrySet()) {
            if (!(e.getKey() instanceof String key) || !(e.getValue() instanceof String url) || url.isBlank()) {
                throw new IllegalArgumentException("PublicAddresses (4) entries must be string → non-blank URL");
            }
            addresses.put(key, url);
        }
        return new GameServerRegistration(serverId, addresses, readState(p, S2SParameterCode.SERVER_STATE),
                optionalInt(p, S2SParameterCode.LOAD_INDEX, 0),
                optionalInt(p, S2SParameterCode.LOAD_BALANCER_PRIORITY, 0),
                Values.toStringOrNull(p.get(S2SParameterCode.CREDENTIAL)));
    }

    // ---- load and stats ----

    public static EventData updateServer(ServerLoadUpdate update) {
        return new EventData(S2SEventCode.UPDATE_SERVER, Parameters.of(
                S2SParameterCode.UPDATE_LOAD_INDEX, update.loadLevel(),
                S2SParameterCode.PEER_COUNT, update.peerCount(),
                S2SParameterCode.UPDATE_SERVER_STATE, update.state().code(),
                S2SParameterCode.GAME_COUNT, update.gameCount(),
                S2SParameterCode.LOAD_LEVELS_COUNT, update.loadLevelCount()));
    }

    public static ServerLoadUpdate readServerUpdate(EventData event) {
        Parameters p = event.parameters();
        return new ServerLoadUpdate(requireInt(p, S2SParameterCode.UPDATE_LOAD_INDEX, "LoadIndex"),
                optionalInt(p, S2SParameterCode.PEER_COUNT, 0),
                readState(p, S2SParameterCode.UPDATE_SERVER_STATE),
                optionalInt(p, S2SParameterCode.GAME_COUNT, 0),
                optionalInt(p, S2SParameterCode.LOAD_LEVELS_COUNT, 0));
    }

    public static EventData updateAppStats(AppStatsUpdate stats) {
        return new EventData(S2SEventCode.UPDATE_APP_STATS, Parameters.of(
                S2SParameterCode.APP_GAME_COUNT, stats.gameCount(),
                S2SParameterCode.APP_PLAYER_COUNT, stats.playerCount()));
    }

    public static AppStatsUpdate readAppStats(EventData event) {
        Parameters p = event.parameters();
        return new AppStatsUpdate(optionalInt(p, S2SParameterCode.APP_GAME_COUNT, 0),
                optionalInt(p, S2SParameterCode.APP_PLAYER_COUNT, 0));
    }

    public static EventData gameServerLeave() {
        return new EventData(S2SEventCode.GAME_SERVER_LEAVE);
    }

    // ---- rooms ----

    public static EventData updateGameState(GameStateReport r) {
        Parameters p = new Parameters(24);
        p.put(S2SParameterCode.GAME_ID, r.gameId());
        putIfNotNull(p, S2SParameterCode.APPLICATION_ID, r.appId());
        putIfNotNull(p, S2SParameterCode.APP_VERSION, r.appVersion());
        p.put(S2SParameterCode.LOBBY_NAME, r.lobbyName());
        p.put(S2SParameterCode.LOBBY_TYPE, r.lobbyType());
        p.put(S2SParameterCode.ACTOR_COUNT, r.activeCount());
        p.put(S2SParameterCode.INACTIVE_COUNT, r.inactiveCount());
        p.put(S2SParameterCode.MAX_PLAYERS, r.maxPlayers());
        p.put(S2SParameterCode.IS_OPEN, r.isOpen());
        p.put(S2SParameterCode.IS_VISIBLE, r.isVisible());
        p.put(S2SParameterCode.GAME_PROPERTIES, new PhotonHashtable(r.lobbyProperties()));
        p.put(S2SParameterCode.PROPERTY_FILTER, r.lobbyPropertyKeys().toArray(String[]::new));
        p.put(S2SParameterCode.CHECK_USER_ON_JOIN, r.checkUserOnJoin());
        p.put(S2SParameterCode.IS_PERSISTENT, r.persistent());
        p.put(S2SParameterCode.ACTIVE_USERS, r.activeUserIds().toArray(String[]::new));
        p.put(S2SParameterCode.INACTIVE_USERS, r.inactiveUserIds().toArray(String[]::new));
        p.put(S2SParameterCode.EXPECTED_USERS, r.expectedUsers().toArray(String[]::new));
        p.put(S2SParameterCode.EXCLUDED_USERS, r.excludedUserIds().toArray(String[]::new));
        p.put(S2SParameterCode.PLAYER_TTL, r.playerTtl());
        p.put(S2SParameterCode.EMPTY_ROOM_TTL, r.emptyRoomTtl());
        return new EventData(S2SEventCode.UPDATE_GAME_STATE, p);
    }

    public static GameStateReport readGameState(EventData event) {
        Parameters p = event.parameters();
        Object props = p.get(S2SParameterCode.GAME_PROPERTIES);
        if (props != null && !(props instanceof Map<?, ?>)) {
            throw new IllegalArgumentException("GameProperties (248) must be a table, got " + Values.typeName(props));
        }
        return new GameStateReport(requireString(p, S2SParameterCode.GAME_ID, "GameId"),
                Values.toStringOrNull(p.get(S2SParameterCode.APPLICATION_ID)),
                Values.toStringOrNull(p.get(S2SParameterCode.APP_VERSION)),
                Values.toStringOrNull(p.get(S2SParameterCode.LOBBY_NAME)),
                optionalInt(p, S2SParameterCode.LOBBY_TYPE, 0),
                optionalInt(p, S2SParameterCode.ACTOR_COUNT, 0),
                optionalInt(p, S2SParameterCode.INACTIVE_COUNT, 0),
                optionalInt(p, S2SParameterCode.MAX_PLAYERS, 0),
                Values.toBoolean(p.get(S2SParameterCode.IS_OPEN), true),
                Values.toBoolean(p.get(S2SParameterCode.IS_VISIBLE), true),
                props == null ? new PhotonHashtable() : new PhotonHashtable((Map<?, ?>) props),
                stringList(p, S2SParameterCode.PROPERTY_FILTER, "PropertyFilter"),
                Values.toBoolean(p.get(S2SParameterCode.CHECK_USER_ON_JOIN), false),
                Values.toBoolean(p.get(S2SParameterCode.IS_PERSISTENT), false),
                stringList(p, S2SParameterCode.ACTIVE_USERS, "ActiveUsers"),
                stringList(p, S2SParameterCode.INACTIVE_USERS, "InactiveUsers"),
                stringList(p, S2SParameterCode.EXPECTED_USERS, "ExpectedUsers"),
                stringList(p, S2SParameterCode.EXCLUDED_USERS, "ExcludedUsers"),
                optionalInt(p, S2SParameterCode.PLAYER_TTL, 0),
                optionalInt(p, S2SParameterCode.EMPTY_ROOM_TTL, 0));
    }

    public static EventData removeGameState(GameRemoval removal) {
        Parameters p = new Parameters(4);
        p.put(S2SParameterCode.GAME_ID, removal.gameId());
        putIfNotNull(p, S2SParameterCode.APPLICATION_ID, removal.appId());
        putIfNotNull(p, S2SParameterCode.APP_VERSION, removal.appVersion());
        p.put(S2SParameterCode.GAME_REMOVE_REASON, removal.reason().code());
        return new EventData(S2SEventCode.REMOVE_GAME_STATE, p);
    }

    public static GameRemoval readGameRemoval(EventData event) {
        Parameters p = event.parameters();
        int code = optionalInt(p, S2SParameterCode.GAME_REMOVE_REASON, GameRemoveReason.CLOSE.code());
        GameRemoveReason reason = GameRemoveReason.CLOSE;
        for (GameRemoveReason r : GameRemoveReason.values()) {
            if (r.code() == code) {
                reason = r;
            }
        }
        return new GameRemoval(Values.toStringOrNull(p.get(S2SParameterCode.APPLICATION_ID)),
                Values.toStringOrNull(p.get(S2SParameterCode.APP_VERSION)),
                requireString(p, S2SParameterCode.GAME_ID, "GameId"), reason);
    }

    // ---- readers ----

    private static void putIfNotNull(Parameters p, int code, Object value) {
        if (value != null) {
            p.put(code, value);
        }
    }

    private static ServerState readState(Parameters p, int code) {
        int value = optionalInt(p, code, ServerState.NORMAL.code());
        try {
            return ServerState.fromCode(value);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("ServerState (" + code + ") unknown: " + value);
        }
    }

    private static String requireString(Parameters p, int code, String name) {
        Object v = p.get(code);
        if (!(v instanceof String s) || s.isEmpty()) {
            throw new IllegalArgumentException(name + " (" + code + ") must be a non-empty string, got "
                    + Values.typeName(v));
        }
        return s;
    }

    private static int requireInt(Parameters p, int code, String name) {
        Object v = p.get(code);
        if (v == null || !Values.isIntegral(v)) {
            throw new IllegalArgumentException(name + " (" + code + ") must be a whole number, got "
                    + Values.typeName(v));
        }
        return Values.toInt(v);
    }

    private static int optionalInt(Parameters p, int code, int fallback) {
        Object v = p.get(code);
        if (v == null) {
            return fallback;
        }
        if (!Values.isIntegral(v)) {
            throw new IllegalArgumentException("parameter " + code + " must be a whole number, got "
                    + Values.typeName(v));
        }
        return Values.toInt(v);
    }

    private static List<String> stringList(Parameters p, int code, String name) {
        Object v = p.get(code);
        return v == null ? List.of() : toStringList(v, name + " (" + code + ")");
    }

    /**
     * Reads a list of strings from any array or collection form; null or non-string elements are rejected.
     * Shared with the master's client operations, which receive string arrays in the same varying shapes.
     */
    public static List<String> toStringList(Object value, String what) {
        List<String> out = new ArrayList<>();
        if (value instanceof Collection<?> c) {
            for (Object o : c) {
                out.add(stringElement(o, what));
            }
        } else if (value != null && value.getClass().isArray() && !value.getClass().getComponentType().isPrimitive()) {
            int n = Array.getLength(value);
            for (int i = 0; i < n; i++) {
                out.add(stringElement(Array.get(value, i), what));
            }
        } else {
            throw new IllegalArgumentException(what + " must be an array of strings, got " + Values.typeName(value));
        }
        return out;
    }

    private static String stringElement(Object o, String what) {
        if (!(o instanceof String s)) {
            throw new IllegalArgumentException(what + " must contain only strings, found " + Values.typeName(o));
        }
        return s;
    }
}
