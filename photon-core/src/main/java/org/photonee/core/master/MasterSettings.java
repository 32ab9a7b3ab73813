package org.photonee.core.master;

import java.util.List;

/**
 * The master's tunables, defaults from LOADBALANCING.md §2.12 unless noted.
 *
 * @param appStatsPublishIntervalMillis   AppStats (226) period ({@code AppStatsPublishInterval})
 * @param gameChangesPublishIntervalMillis GameListUpdate (229) batching period ({@code GameChangesPublishInterval})
 * @param lobbyStatsPublishIntervalMillis LobbyStats (224) period for subscribers ({@code LobbyStatsPublishInterval})
 * @param lobbyStatsLimit                 lobbies per LobbyStats answer/event; 0 = all ({@code LobbyStatsLimit})
 * @param limitGameList                   games in one GameList (230) ({@code LimitGameList})
 * @param limitGameListUpdate             entries in one GameListUpdate (229) ({@code LimitGameListUpdate})
 * @param limitSqlFilterResults           games in a GetGameList answer ({@code LimitSqlFilterResults})
 * @param lobbiesCountLimit               lobbies per application ({@code LobbiesCountLimit})
 * @param gsContextTtlMillis              how long a disconnected game server's games stay listed, waiting for it to
 *                                        reconnect and re-report them ({@code GSContextTTL})
 * @param gameCreationTimeoutMillis       a game the master assigned but no game server confirmed within this time is
 *                                        dropped (our choice: the client never went to the game server)
 * @param gameExpiryCheckPeriodMillis     how often unconfirmed games are checked ({@code GameExpiryCheckPeriod}, 1 min)
 * @param disconnectIfNoAuthMillis        unauthenticated client peers are disconnected after this
 *                                        ({@code DisconnectIfNoAuthInterval})
 * @param maxConcurrentJoinRequests       join requests one peer may have in progress
 *                                        ({@code MaxConcurrentJoinRequests})
 * @param maxTotalJoinRequests            game server addresses one peer connection may be handed
 *                                        ({@code MaxTotalJoinRequests}; a client leaves the master after joining, so
 *                                        more is a loop or abuse)
 * @param maxSqlFilterLength              characters in a SQL lobby filter (our limit)
 * @param wrongWordsForQueryData          words refused in SQL lobby filters ({@code WrongWordsForQueryData})
 * @param maxGameIdLength                 characters in a game name (our limit; Photon recommends ≤ 36)
 * @param maxLobbyNameLength              characters in a lobby name (our limit)
 */
public record MasterSettings(long appStatsPublishIntervalMillis, long gameChangesPublishIntervalMillis,
                             long lobbyStatsPublishIntervalMillis, int lobbyStatsLimit, int limitGameList,
                             int limitGameListUpdate, int limitSqlFilterResults, int lobbiesCountLimit,
                             long gsContextTtlMillis, long gameCreationTimeoutMillis, long gameExpiryCheckPeriodMillis,
                             long disconnectIfNoAuthMillis, int maxConcurrentJoinRequests, int maxTotalJoinRequests,
                             int maxSqlFilterLength, List<String> wrongWordsForQueryData, int maxGameIdLength,
                             int maxLobbyNameLength) {
    public static final List<String> DEFAULT_WRONG_WORDS = List.of("ALTER", "CREATE", "DELETE", "DROP", "EXEC",
            "EXECUTE", "INSERT", "INSERT INTO", "MERGE", "SELECT", "UPDATE", "UNION", "UNION ALL");

    public static final MasterSettings DEFAULTS = new MasterSettings(5_000, 1_000, 120_000, 0, 500, 500, 100, 10_000,
            20_000, 30_000, 60_000, 1_200_000, 3, 4, 2_048, DEFAULT_WRONG_WORDS, 128, 128);

    public MasterSettings {
        wrongWordsForQueryData = List.copyOf(wrongWordsForQueryData);
        if (appStatsPublishIntervalMillis <= 0 || gameChangesPublishIntervalMillis <= 0
                || lobbyStatsPublishIntervalMillis <= 0 || gameExpiryCheckPeriodMillis <= 0) {
            throw new IllegalArgumentException("publish and check intervals must be positive");
        }
    }

    /** A builder starting from these settings. */
    public Builder toBuilder() {
        return new Builder(this);
    }

    /** Builds settings from the defaults, changing only what configuration sets. */
    public static Builder builder() {
        return new Builder(DEFAULTS);
    }

    /** Mutable copy of the settings, one setter per field. */
    public static final class Builder {
        private long appStatsPublishIntervalMillis;
        private long gameChangesPublishIntervalMillis;
        private long lobbyStatsPublishIntervalMillis;
        private int lobbyStatsLimit;
        private int limitGameList;
        private int limitGameListUpdate;
        private int limitSqlFilterResults;
        private int lobbiesCountLimit;
        private long gsContextTtlMillis;
        private long gameCreationTimeoutMillis;
        private long gameExpiryCheckPeriodMillis;
        private long disconnectIfNoAuthMillis;
        private int maxConcurrentJoinRequests;
        private int maxTotalJoinRequests;
        private int maxSqlFilterLength;
        private List<String> wrongWordsForQueryData;
        private int maxGameIdLength;
        private int maxLobbyNameLength;

        private Builder(MasterSettings s) {
            appStatsPublishIntervalMillis = s.appStatsPublishIntervalMillis();
            gameChangesPublishIntervalMillis = s.gameChangesPublishIntervalMillis();
            lobbyStatsPublishIntervalMillis = s.lobbyStatsPublishIntervalMillis();
            lobbyStatsLimit = s.lobbyStatsLimit();
            limitGameList = s.limitGameList();
            limitGameListUpdate = s.limitGameListUpdate();
            limitSqlFilterResults = s.limitSqlFilterResults();
            lobbiesCountLimit = s.lobbiesCountLimit();
            gsContextTtlMillis = s.gsContextTtlMillis();
            gameCreationTimeoutMillis = s.gameCreationTimeoutMillis();
            gameExpiryCheckPeriodMillis = s.gameExpiryCheckPeriodMillis();
            disconnectIfNoAuthMillis = s.disconnectIfNoAuthMillis();
            maxConcurrentJoinRequests = s.maxConcurrentJoinRequests();
            maxTotalJoinRequests = s.maxTotalJoinRequests();
            maxSqlFilterLength = s.maxSqlFilterLength();
            wrongWordsForQueryData = s.wrongWordsForQueryData();
            maxGameIdLength = s.maxGameIdLength();
            maxLobbyNameLength = s.maxLobbyNameLength();
        }

        public Builder appStatsPublishIntervalMillis(long value) {
            appStatsPublishIntervalMillis = value;
            return this;
        }

        public Builder gameChangesPublishIntervalMillis(long value) {
            gameChangesPublishIntervalMillis = value;
            return this;
        }

        public Builder lobbyStatsPublishIntervalMillis(long value) {
            lobbyStatsPublishIntervalMillis = value;
            return this;
        }

        public Builder lobbyStatsLimit(int value) {
            lobbyStatsLimit = value;
            return this;
        }

        public Builder limitGameList(int value) {
            limitGameList = value;
            return this;
        }

        public Builder limitGameListUpdate(int value) {
            limitGameListUpdate = value;
            return this;
        }

        public Builder limitSqlFilterResults(int value) {
            limitSqlFilterResults = value;
            return this;
        }

        public Builder lobbiesCountLimit(int value) {
            lobbiesCountLimit = value;
            return this;
        }

        public Builder gsContextTtlMillis(long value) {
            gsContextTtlMillis = value;
            return this;
        }

        public Builder gameCreationTimeoutMillis(long value) {
            gameCreationTimeoutMillis = value;
            return this;
        }

        public Builder gameExpiryCheckPeriodMillis(long value) {
            gameExpiryCheckPeriodMillis = value;
            return this;
        }

        public Builder disconnectIfNoAuthMillis(long value) {
            disconnectIfNoAuthMillis = value;
            return this;
        }

        public Builder maxConcurrentJoinRequests(int value) {
            maxConcurrentJoinRequests = value;
            return this;
        }

        public Builder maxTotalJoinRequests(int value) {
            maxTotalJoinRequests = value;
            return this;
        }

        public Builder maxSqlFilterLength(int value) {
            maxSqlFilterLength = value;
            return this;
        }

        public Builder wrongWordsForQueryData(List<String> value) {
            wrongWordsForQueryData = value;
            return this;
        }

        public Builder maxGameIdLength(int value) {
            maxGameIdLength = value;
            return this;
        }

        public Builder maxLobbyNameLength(int value) {
            maxLobbyNameLength = value;
            return this;
        }

        public MasterSettings build() {
            return new MasterSettings(appStatsPublishIntervalMillis, gameChangesPublishIntervalMillis,
                    lobbyStatsPublishIntervalMillis, lobbyStatsLimit, limitGameList, limitGameListUpdate,
                    limitSqlFilterResults, lobbiesCountLimit, gsContextTtlMillis, gameCreationTimeoutMillis,
                    gameExpiryCheckPeriodMillis, disconnectIfNoAuthMillis, maxConcurrentJoinRequests,
                    maxTotalJoinRequests, maxSqlFilterLength, wrongWordsForQueryData, maxGameIdLength,
                    maxLobbyNameLength);
        }
    }
}
