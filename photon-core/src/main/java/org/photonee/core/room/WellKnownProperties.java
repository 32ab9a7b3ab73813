package org.photonee.core.room;

import static org.photonee.core.room.RequestValues.invalid;

import java.util.List;
import org.photonee.core.codes.ActorPropertyKey;
import org.photonee.core.codes.GamePropertyKey;
import org.photonee.core.protocol.Values;

/**
 * Type rules of the well-known (byte-keyed) game and actor properties, shared by CreateGame/JoinGame and
 * SetProperties so both refuse the same values with the same messages.
 */
final class WellKnownProperties {
    /** MaxPlayers travels as a byte. */
    static final int MAX_PLAYERS_LIMIT = 255;

    private WellKnownProperties() {
    }

    static boolean isWellKnownGameKey(Object key) {
        return key instanceof Byte b && (b.equals(GamePropertyKey.MAX_PLAYERS) || b.equals(GamePropertyKey.IS_OPEN)
                || b.equals(GamePropertyKey.IS_VISIBLE) || b.equals(GamePropertyKey.LOBBY_PROPERTIES)
                || b.equals(GamePropertyKey.MASTER_CLIENT_ID) || b.equals(GamePropertyKey.EXPECTED_USERS)
                || b.equals(GamePropertyKey.PLAYER_TTL) || b.equals(GamePropertyKey.EMPTY_ROOM_TTL));
    }

    static int maxPlayers(Object value) throws RoomException {
        if (!Values.isIntegral(value) || Values.toLong(value) < 0 || Values.toLong(value) > MAX_PLAYERS_LIMIT) {
            throw invalid("MaxPlayers must be a byte (0.." + MAX_PLAYERS_LIMIT + "), got "
                    + Values.toDebugString(value));
        }
        return (int) Values.toLong(value);
    }

    static boolean flag(Object value, String name) throws RoomException {
        if (value instanceof Boolean b) {
            return b;
        }
        throw invalid(name + " must be a boolean, got " + Values.typeName(value));
    }

    static int playerTtl(Object value) throws RoomException {
        return RequestValues.optionalInt(requireValue(value, "PlayerTTL"), 0, "PlayerTTL");
    }

    static int emptyRoomTtl(Object value, RoomSettings settings) throws RoomException {
        int ttl = RequestValues.optionalInt(requireValue(value, "EmptyRoomTTL"), 0, "EmptyRoomTTL");
        if (ttl > settings.maxEmptyRoomTtlMillis()) {
            throw invalid("Can not create game with EmptyRoomTtl=" + ttl + " max allowed is "
                    + settings.maxEmptyRoomTtlMillis() + ".");
        }
        if (ttl < 0) {
            throw invalid("EmptyRoomTTL must not be negative, got " + ttl);
        }
        return ttl;
    }

    static List<Object> lobbyPropertyKeys(Object value) throws RoomException {
        List<Object> keys = RequestValues.optionalList(requireValue(value, "LobbyProperties"), "LobbyProperties");
        return List.copyOf(keys.stream().filter(k -> k != null).toList());
    }

    static List<String> expectedUsers(Object value) throws RoomException {
        List<String> users = RequestValues.optionalStringList(value, "ExpectedUsers");
        return users == null ? List.of() : List.copyOf(users);
    }

    static String nickname(Object value) throws RoomException {
        if (value == null || value instanceof String) {
            return (String) value;
        }
        throw invalid("Nickname must be a string, got " + Values.typeName(value));
    }

    /** Keys of actor properties that only the server sets. */
    static boolean isServerOwnedActorKey(Object key) {
        return ActorPropertyKey.IS_INACTIVE.equals(key) || ActorPropertyKey.USER_ID.equals(key);
    }

    private static Object requireValue(Object value, String name) throws RoomException {
        if (value == null) {
            throw invalid(name + " must not be null");
        }
        return value;
    }
}
