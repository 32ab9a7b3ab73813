package org.photonee.core.s2s;

import java.util.List;
import java.util.Objects;
import org.photonee.core.protocol.PhotonHashtable;

/**
 * A game server's full report of one room's lobby-visible state, sent to the master on create and on every change
 * that a lobby, matchmaking or FindFriends can see (UpdateGameState). A full snapshot rather than a delta: rooms
 * change rarely compared to their traffic, and a snapshot makes re-reporting after a master reconnect trivial.
 *
 * @param gameId              room name
 * @param appId               application id
 * @param appVersion          application version
 * @param lobbyName           lobby the room is listed in ("" = default lobby)
 * @param lobbyType           {@code LobbyType} code
 * @param activeCount         active actors
 * @param inactiveCount       inactive actors (they still hold their slot)
 * @param maxPlayers          0 = unlimited, else 1..255
 * @param isOpen              joinable
 * @param isVisible           listed in lobbies
 * @param lobbyProperties     the custom properties listed in the lobby (only the keys named by the room's
 *                            LobbyProperties), never null
 * @param lobbyPropertyKeys   the room's LobbyProperties key list
 * @param checkUserOnJoin     unique user ids in the room
 * @param persistent          room state survives the room being unloaded (PlayerTTL &lt; 0 or persistent flag)
 * @param activeUserIds       user ids of active actors
 * @param inactiveUserIds     user ids of inactive actors
 * @param expectedUsers       reserved slots (ExpectedUsers)
 * @param excludedUserIds     users that may not (re)join
 * @param playerTtl           PlayerTTL in ms
 * @param emptyRoomTtl        EmptyRoomTTL in ms
 */
public record GameStateReport(String gameId, String appId, String appVersion, String lobbyName, int lobbyType,
                              int activeCount, int inactiveCount, int maxPlayers, boolean isOpen, boolean isVisible,
                              PhotonHashtable lobbyProperties, List<String> lobbyPropertyKeys,
                              boolean checkUserOnJoin, boolean persistent, List<String> activeUserIds,
                              List<String> inactiveUserIds, List<String> expectedUsers, List<String> excludedUserIds,
                              int playerTtl, int emptyRoomTtl) {
    public GameStateReport {
        Objects.requireNonNull(gameId, "gameId");
        lobbyName = lobbyName == null ? "" : lobbyName;
        lobbyProperties = lobbyProperties == null ? new PhotonHashtable() : lobbyProperties;
        lobbyPropertyKeys = List.copyOf(lobbyPropertyKeys == null ? List.of() : lobbyPropertyKeys);
        activeUserIds = List.copyOf(activeUserIds == null ? List.of() : activeUserIds);
        inactiveUserIds = List.copyOf(inactiveUserIds == null ? List.of() : inactiveUserIds);
        expectedUsers = List.copyOf(expectedUsers == null ? List.of() : expectedUsers);
        excludedUserIds = List.copyOf(excludedUserIds == null ? List.of() : excludedUserIds);
    }
}
