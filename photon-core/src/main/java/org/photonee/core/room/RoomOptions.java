package org.photonee.core.room;

import static org.photonee.core.room.RequestValues.invalid;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import org.photonee.core.codes.GamePropertyKey;
import org.photonee.core.codes.LobbyType;
import org.photonee.core.codes.ParameterCode;
import org.photonee.core.codes.ReturnCode;
import org.photonee.core.codes.RoomOptionFlags;
import org.photonee.core.protocol.Parameters;
import org.photonee.core.protocol.PhotonHashtable;

/**
 * How a room was created: the options of the CreateGame (or JoinGame-with-create) request, validated. Flags come
 * from RoomOptionFlags (191) or the legacy single parameters, OR-ed, because SDKs send either or both.
 *
 * @param flags             {@link RoomOptionFlags} bits
 * @param maxPlayers        0 = unlimited, else 1..255
 * @param open              joinable
 * @param visible           listed in lobbies
 * @param playerTtlMillis   how long a disconnected actor keeps its slot: 0 = no rejoin, &lt; 0 or
 *                          {@link Integer#MAX_VALUE} = forever
 * @param emptyRoomTtlMillis how long the room stays loaded with no active actor
 * @param lobbyPropertyKeys custom property keys listed in the lobby
 * @param expectedUsers     user ids holding a reserved slot
 * @param customProperties  initial custom (non well-known) game properties
 * @param lobbyName         lobby the room is listed in ("" = default)
 * @param lobbyType         {@link LobbyType} code
 */
public record RoomOptions(int flags, int maxPlayers, boolean open, boolean visible, int playerTtlMillis,
                          int emptyRoomTtlMillis, List<Object> lobbyPropertyKeys, List<String> expectedUsers,
                          PhotonHashtable customProperties, String lobbyName, int lobbyType) {
    public RoomOptions {
        lobbyPropertyKeys = List.copyOf(lobbyPropertyKeys == null ? List.of() : lobbyPropertyKeys);
        expectedUsers = List.copyOf(expectedUsers == null ? List.of() : expectedUsers);
        customProperties = customProperties == null ? new PhotonHashtable() : customProperties;
        lobbyName = lobbyName == null ? "" : lobbyName;
    }

    /** Options of a room created with nothing specified: open, visible, unlimited, no TTLs. */
    public static RoomOptions defaults() {
        return new RoomOptions(0, 0, true, true, 0, 0, List.of(), List.of(), new PhotonHashtable(), "",
                LobbyType.DEFAULT);
    }

    public boolean hasFlag(int flag) {
        return (flags & flag) != 0;
    }

    /** Parses and validates the create options of a CreateGame/JoinGame request. */
    public static RoomOptions fromRequest(Parameters request, RoomSettings settings) throws RoomException {
        PhotonHashtable gameProperties = RequestValues.optionalTable(request.get(ParameterCode.GAME_PROPERTIES),
                "GameProperties");
        if (gameProperties == null) {
            gameProperties = new PhotonHashtable();
        }
        if (gameProperties.containsKey(GamePropertyKey.MASTER_CLIENT_ID)) {
            throw invalid("It is not allowed to set MasterClientId through Create/Join Game request");
        }
        int maxPlayers = 0;
        boolean open = true;
        boolean visible = true;
        int playerTtl = 0;
        int emptyRoomTtl = 0;
        List<Object> lobbyKeys = List.of();
        LinkedHashSet<String> expected = new LinkedHashSet<>();
        PhotonHashtable custom = new PhotonHashtable();
        for (Map.Entry<Object, Object> e : gameProperties.entrySet()) {
            Object key = e.getKey();
            Object value = e.getValue();
            if (!WellKnownProperties.isWellKnownGameKey(key)) {
                if (value != null) {
                    custom.put(key, value);
                }
            } else if (GamePropertyKey.MAX_PLAYERS.equals(key)) {
                maxPlayers = WellKnownProperties.maxPlayers(value);
            } else if (GamePropertyKey.IS_OPEN.equals(key)) {
                open = WellKnownProperties.flag(value, "IsOpen");
            } else if (GamePropertyKey.IS_VISIBLE.equals(key)) {
                visible = WellKnownProperties.flag(value, "IsVisible");
            } else if (GamePropertyKey.LOBBY_PROPERTIES.equals(key)) {
                lobbyKeys = WellKnownProperties.lobbyPropertyKeys(value);
            } else if (GamePropertyKey.EXPECTED_USERS.equals(key)) {
                expected.addAll(WellKnownProperties.expectedUsers(value));
            } else if (GamePropertyKey.PLAYER_TTL.equals(key)) {
                playerTtl = WellKnownProperties.playerTtl(value);
            } else if (GamePropertyKey.EMPTY_ROOM_TTL.equals(key)) {
                emptyRoomTtl = WellKnownProperties.emptyRoomTtl(value, settings);
            }
        }
        Parameters p = request;
        if (p.get(ParameterCode.PLAYER_TTL) != null) {
            playerTtl = WellKnownProperties.playerTtl(p.get(ParameterCode.PLAYER_TTL));
        }
        if (p.get(ParameterCode.EMPTY_ROOM_TTL) != null) {
            emptyRoomTtl = WellKnownProperties.emptyRoomTtl(p.get(ParameterCode.EMPTY_ROOM_TTL), settings);
        }
        expected.addAll(WellKnownProperties.expectedUsers(p.get(ParameterCode.ADD_USERS)));
        int flags = RequestValues.optionalInt(p.get(ParameterCode.ROOM_OPTION_FLAGS), 0, "RoomOptionFlags");
        flags |= legacyFlag(p, ParameterCode.CHECK_USER_ON_JOIN, "CheckUserOnJoin", RoomOptionFlags.CHECK_USER_ON_JOIN);
        flags |= legacyFlag(p, ParameterCode.DELETE_CACHE_ON_LEAVE, "DeleteCacheOnLeave",
                RoomOptionFlags.DELETE_CACHE_ON_LEAVE);
        flags |= legacyFlag(p, ParameterCode.SUPPRESS_ROOM_EVENTS, "SuppressRoomEvents",
                RoomOptionFlags.SUPPRESS_ROOM_EVENTS);
        flags |= legacyFlag(p, ParameterCode.PUBLISH_USER_ID, "PublishUserId", RoomOptionFlags.PUBLISH_USER_ID);
        String lobbyName = RequestValues.optionalString(p.get(ParameterCode.LOBBY_NAME), "LobbyName");
        int lobbyType = RequestValues.optionalInt(p.get(ParameterCode.LOBBY_TYPE), LobbyType.DEFAULT, "LobbyType");
        if (maxPlayers > 0 && expected.size() > maxPlayers) {
            throw new RoomException(ReturnCode.SLOT_ERROR,
                    "More expected users (" + expected.size() + ") than MaxPlayers (" + maxPlayers + ")");
        }
        return new RoomOptions(flags, maxPlayers, open, visible, playerTtl, emptyRoomTtl, lobbyKeys,
                new ArrayList<>(expected), custom, lobbyName, lobbyType);
    }

    private static int legacyFlag(Parameters p, int code, String name, int flag) throws RoomException {
        return RequestValues.optionalBoolean(p.get(code), false, name) ? flag : 0;
    }
}
