package org.photonee.client;

import java.util.Map;
import org.photonee.core.codes.MatchmakingMode;

/**
 * Matchmaking criteria for {@link LoadBalancingClient#joinRandomRoom}.
 *
 * @param expectedProperties lobby-visible room properties that must match exactly, or empty
 * @param maxPlayers         required MaxPlayers, or 0 for any
 * @param matchmakingMode    a {@link MatchmakingMode} value (FillRoom, SerialMatching, RandomMatching)
 * @param lobby              lobby to search, or null for the default lobby
 * @param sqlFilter          WHERE clause over C0..C9 for SQL lobbies, or null
 * @param expectedUsers      user ids to reserve slots for, or null
 */
public record JoinRandomRoomOptions(Map<Object, Object> expectedProperties, int maxPlayers, int matchmakingMode,
        TypedLobby lobby, String sqlFilter, String[] expectedUsers) {
    public static final JoinRandomRoomOptions ANY =
            new JoinRandomRoomOptions(Map.of(), 0, MatchmakingMode.FILL_ROOM, null, null, null);

    public JoinRandomRoomOptions {
        expectedProperties = expectedProperties == null ? Map.of() : expectedProperties;
    }

    public JoinRandomRoomOptions withExpectedProperties(Map<Object, Object> value) {
        return new JoinRandomRoomOptions(value, maxPlayers, matchmakingMode, lobby, sqlFilter, expectedUsers);
    }

    public JoinRandomRoomOptions withMaxPlayers(int value) {
        return new JoinRandomRoomOptions(expectedProperties, value, matchmakingMode, lobby, sqlFilter, expectedUsers);
    }

    public JoinRandomRoomOptions withMatchmakingMode(int value) {
        return new JoinRandomRoomOptions(expectedProperties, maxPlayers, value, lobby, sqlFilter, expectedUsers);
    }

    public JoinRandomRoomOptions withLobby(TypedLobby value) {
        return new JoinRandomRoomOptions(expectedProperties, maxPlayers, matchmakingMode, value, sqlFilter,
                expectedUsers);
    }

    public JoinRandomRoomOptions withSqlFilter(String value) {
        return new JoinRandomRoomOptions(expectedProperties, maxPlayers, matchmakingMode, lobby, value, expectedUsers);
    }

    public JoinRandomRoomOptions withExpectedUsers(String... value) {
        return new JoinRandomRoomOptions(expectedProperties, maxPlayers, matchmakingMode, lobby, sqlFilter, value);
    }
}
