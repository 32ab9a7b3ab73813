package org.photonee.core.room;

import static org.photonee.core.room.RequestValues.invalid;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import org.photonee.core.codes.GamePropertyKey;
import org.photonee.core.codes.ReturnCode;
import org.photonee.core.protocol.Values;

/**
 * The well-known game properties a SetProperties request changes, validated as a whole before any is applied, so
 * a request with one bad value changes nothing.
 */
final class GamePropertyChange {
    private Integer maxPlayers;
    private Boolean open;
    private Boolean visible;
    private Integer playerTtl;
    private Integer emptyRoomTtl;
    private List<Object> lobbyPropertyKeys;
    private List<String> expectedUsers;
    private Integer masterClientId;

    private GamePropertyChange() {
    }

    static GamePropertyChange validate(PropertyUpdate update, Room room) throws RoomException {
        GamePropertyChange c = new GamePropertyChange();
        for (Map.Entry<Object, Object> e : update.properties().entrySet()) {
            Object key = e.getKey();
            Object value = e.getValue();
            if (!WellKnownProperties.isWellKnownGameKey(key)) {
                continue;
            }
            if (GamePropertyKey.MAX_PLAYERS.equals(key)) {
                c.maxPlayers = WellKnownProperties.maxPlayers(value);
            } else if (GamePropertyKey.IS_OPEN.equals(key)) {
                c.open = WellKnownProperties.flag(value, "IsOpen");
                if (c.open && room.cacheLimitReached()) {
                    throw new RoomException(ReturnCode.GAME_CLOSED, Room.CACHE_LIMIT_MESSAGE);
                }
            } else if (GamePropertyKey.IS_VISIBLE.equals(key)) {
                c.visible = WellKnownProperties.flag(value, "IsVisible");
            } else if (GamePropertyKey.PLAYER_TTL.equals(key)) {
                c.playerTtl = WellKnownProperties.playerTtl(value);
            } else if (GamePropertyKey.EMPTY_ROOM_TTL.equals(key)) {
                c.emptyRoomTtl = WellKnownProperties.emptyRoomTtl(value, room.settings());
            } else if (GamePropertyKey.LOBBY_PROPERTIES.equals(key)) {
                c.lobbyPropertyKeys = WellKnownProperties.lobbyPropertyKeys(value);
            } else if (GamePropertyKey.MASTER_CLIENT_ID.equals(key)) {
                c.masterClientId = masterClient(value, room);
            } else if (GamePropertyKey.EXPECTED_USERS.equals(key)) {
                if (!update.isCas()) {
                    throw invalid("ExpectedUsers may be updated only in CAS mode");
                }
                c.expectedUsers = List.copyOf(new LinkedHashSet<>(WellKnownProperties.expectedUsers(value)));
            }
        }
        c.checkSlots(room);
        return c;
    }

    private static int masterClient(Object value, Room room) throws RoomException {
        int nr = Values.toInt(value, -1);
        Actor actor = room.actor(nr);
        if (actor == null || !actor.isActive()) {
            throw invalid("MasterClientId value '" + Values.toDebugString(value)
                    + "' is invalid: it must be the number of an active actor");
        }
        return nr;
    }

    /** Reserved slots must fit: actors plus expected users not yet in the room may not exceed MaxPlayers. */
    private void checkSlots(Room room) throws RoomException {
        int max = maxPlayers != null ? maxPlayers : room.maxPlayers();
        List<String> expected = expectedUsers != null ? expectedUsers : room.expectedUsers();
        long waiting = expected.stream().filter(u -> room.actors().stream().noneMatch(a -> a.userId().equals(u)))
                .count();
        if (expectedUsers != null && max > 0 && room.actors().size() + waiting > max) {
            throw new RoomException(ReturnCode.SLOT_ERROR, "ExpectedUsers need " + waiting
                    + " free slots, MaxPlayers " + max + " leaves " + (max - room.actors().size()));
        }
    }

    void applyTo(Room room) {
        if (maxPlayers != null) {
            room.setMaxPlayers(maxPlayers);
        }
        if (open != null) {
            room.setOpen(open);
        }
        if (visible != null) {
            room.setVisible(visible);
        }
        if (playerTtl != null) {
            room.setPlayerTtl(playerTtl);
        }
        if (emptyRoomTtl != null) {
            room.setEmptyRoomTtl(emptyRoomTtl);
        }
        if (lobbyPropertyKeys != null) {
            room.setLobbyPropertyKeys(lobbyPropertyKeys);
        }
        if (expectedUsers != null) {
            room.setExpectedUsers(expectedUsers);
        }
        if (masterClientId != null) {
            room.setMasterClientId(masterClientId);
        }
    }
}
