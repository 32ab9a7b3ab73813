package org.photonee.client;

import java.util.Map;
import org.photonee.core.codes.GamePropertyKey;
import org.photonee.core.codes.ParameterCode;
import org.photonee.core.codes.RoomOptionFlags;
import org.photonee.core.protocol.Parameters;
import org.photonee.core.protocol.PhotonHashtable;

/**
 * How a room is created. Immutable; build with the {@code with...} methods from {@link #defaults()}.
 *
 * @param maxPlayers         0 = unlimited, else 1..255
 * @param isOpen             whether others may join
 * @param isVisible          whether the room is listed in lobbies and found by join-random
 * @param customProperties   initial custom room properties (string keys), never null
 * @param lobbyProperties    keys of custom properties shown in the lobby list and usable for matchmaking
 * @param playerTtlMillis    how long a player who left inactive (or dropped) may rejoin; 0 = no rejoin, -1 = forever
 * @param emptyRoomTtlMillis how long an empty room survives
 * @param flags              {@link RoomOptionFlags} bits (check user on join, cleanup cache on leave, ...)
 * @param expectedUsers      user ids with a reserved slot, or null
 * @param plugins            plugin names the room must run, or null
 * @param lobby              lobby to list the room in; null = the lobby the client is in (default lobby)
 */
public record RoomOptions(int maxPlayers, boolean isOpen, boolean isVisible, Map<Object, Object> customProperties,
        String[] lobbyProperties, int playerTtlMillis, int emptyRoomTtlMillis, int flags, String[] expectedUsers,
        String[] plugins, TypedLobby lobby) {

    public RoomOptions {
        if (maxPlayers < 0 || maxPlayers > 255) {
            throw new IllegalArgumentException("maxPlayers must be 0..255");
        }
        customProperties = customProperties == null ? Map.of() : customProperties;
    }

    /** Unlimited players, open, visible, no custom properties, no TTLs, no flags. */
    public static RoomOptions defaults() {
        return new RoomOptions(0, true, true, Map.of(), null, 0, 0, 0, null, null, null);
    }

    public RoomOptions withMaxPlayers(int value) {
        return new RoomOptions(value, isOpen, isVisible, customProperties, lobbyProperties, playerTtlMillis,
                emptyRoomTtlMillis, flags, expectedUsers, plugins, lobby);
    }

    public RoomOptions withOpen(boolean value) {
        return new RoomOptions(maxPlayers, value, isVisible, customProperties, lobbyProperties, playerTtlMillis,
                emptyRoomTtlMillis, flags, expectedUsers, plugins, lobby);
    }

    public RoomOptions withVisible(boolean value) {
        return new RoomOptions(maxPlayers, isOpen, value, customProperties, lobbyProperties, playerTtlMillis,
                emptyRoomTtlMillis, flags, expectedUsers, plugins, lobby);
    }

    public RoomOptions withCustomProperties(Map<Object, Object> value) {
        return new RoomOptions(maxPlayers, isOpen, isVisible, value, lobbyProperties, playerTtlMillis,
                emptyRoomTtlMillis, flags, expectedUsers, plugins, lobby);
    }

    public RoomOptions withLobbyProperties(String... keys) {
        return new RoomOptions(maxPlayers, isOpen, isVisible, customProperties, keys, playerTtlMillis,
                emptyRoomTtlMillis, flags, expectedUsers, plugins, lobby);
    }

    public RoomOptions withPlayerTtl(int millis) {
        return new RoomOptions(maxPlayers, isOpen, isVisible, customProperties, lobbyProperties, millis,
                emptyRoomTtlMillis, flags, expectedUsers, plugins, lobby);
    }

    public RoomOptions withEmptyRoomTtl(int millis) {
        return new RoomOptions(maxPlayers, isOpen, isVisible, customProperties, lobbyProperties, playerTtlMillis,
                millis, flags, expectedUsers, plugins, lobby);
    }

    /** Sets {@link RoomOptionFlags} bits (replaces the whole bitfield). */
    public RoomOptions withFlags(int value) {
        return new RoomOptions(maxPlayers, isOpen, isVisible, customProperties, lobbyProperties, playerTtlMillis,
                emptyRoomTtlMillis, value, expectedUsers, plugins, lobby);
    }

    public RoomOptions withExpectedUsers(String... userIds) {
        return new RoomOptions(maxPlayers, isOpen, isVisible, customProperties, lobbyProperties, playerTtlMillis,
                emptyRoomTtlMillis, flags, userIds, plugins, lobby);
    }

    public RoomOptions withPlugins(String... names) {
        return new RoomOptions(maxPlayers, isOpen, isVisible, customProperties, lobbyProperties, playerTtlMillis,
                emptyRoomTtlMillis, flags, expectedUsers, names, lobby);
    }

    public RoomOptions withLobby(TypedLobby value) {
        return new RoomOptions(maxPlayers, isOpen, isVisible, customProperties, lobbyProperties, playerTtlMillis,
                emptyRoomTtlMillis, flags, expectedUsers, plugins, value);
    }

    /** The room property table sent on create: custom properties plus the well-known byte keys. */
    PhotonHashtable gameProperties() {
        PhotonHashtable t = new PhotonHashtable(customProperties);
        t.put(GamePropertyKey.MAX_PLAYERS, (byte) maxPlayers);
        if (!isOpen) {
            t.put(GamePropertyKey.IS_OPEN, false);
        }
        if (!isVisible) {
            t.put(GamePropertyKey.IS_VISIBLE, false);
        }
        if (lobbyProperties != null) {
            t.put(GamePropertyKey.LOBBY_PROPERTIES, lobbyProperties);
        }
        return t;
    }

    /**
     * Adds the create parameters to a CreateGame / JoinGame(create-if-not-exists) request. The flags go both as the
     * bitfield (191) and as the legacy booleans, so servers reading either see the same options.
     */
    void writeCreateParameters(Parameters p) {
        p.put(ParameterCode.GAME_PROPERTIES, gameProperties());
        p.put(ParameterCode.BROADCAST, true);
        if ((flags & RoomOptionFlags.DELETE_CACHE_ON_LEAVE) != 0) {
            p.put(ParameterCode.DELETE_CACHE_ON_LEAVE, true);
        }
        if ((flags & RoomOptionFlags.CHECK_USER_ON_JOIN) != 0) {
            p.put(ParameterCode.CHECK_USER_ON_JOIN, true);
        }
        if ((flags & RoomOptionFlags.PUBLISH_USER_ID) != 0) {
            p.put(ParameterCode.PUBLISH_USER_ID, true);
        }
        if ((flags & RoomOptionFlags.SUPPRESS_ROOM_EVENTS) != 0) {
            p.put(ParameterCode.SUPPRESS_ROOM_EVENTS, true);
        }
        p.put(ParameterCode.ROOM_OPTION_FLAGS, flags);
        if (playerTtlMillis != 0) {
            p.put(ParameterCode.PLAYER_TTL, playerTtlMillis);
        }
        if (emptyRoomTtlMillis != 0) {
            p.put(ParameterCode.EMPTY_ROOM_TTL, emptyRoomTtlMillis);
        }
        if (expectedUsers != null && expectedUsers.length > 0) {
            p.put(ParameterCode.ADD_USERS, expectedUsers.clone());
        }
        if (plugins != null) {
            p.put(ParameterCode.PLUGINS, plugins);
        }
        if (lobby != null && !lobby.isDefault()) {
            p.put(ParameterCode.LOBBY_NAME, lobby.name());
            p.put(ParameterCode.LOBBY_TYPE, (byte) lobby.type());
        }
    }
}
