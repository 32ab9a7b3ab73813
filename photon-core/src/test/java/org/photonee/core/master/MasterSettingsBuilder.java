package org.photonee.core.master;

/** Test helper: the default settings with a few values changed. */
final class MasterSettingsBuilder {
    private MasterSettings s = MasterSettings.DEFAULTS;

    MasterSettingsBuilder disconnectIfNoAuthMillis(long v) {
        s = new MasterSettings(s.appStatsPublishIntervalMillis(), s.gameChangesPublishIntervalMillis(),
                s.lobbyStatsPublishIntervalMillis(), s.lobbyStatsLimit(), s.limitGameList(), s.limitGameListUpdate(),
                s.limitSqlFilterResults(), s.lobbiesCountLimit(), s.gsContextTtlMillis(),
                s.gameCreationTimeoutMillis(), s.gameExpiryCheckPeriodMillis(), v, s.maxConcurrentJoinRequests(),
                s.maxTotalJoinRequests(), s.maxSqlFilterLength(), s.wrongWordsForQueryData(), s.maxGameIdLength(),
                s.maxLobbyNameLength());
        return this;
    }

    MasterSettingsBuilder limits(int limitGameListUpdate, int limitSqlFilterResults, int lobbiesCountLimit) {
        s = new MasterSettings(s.appStatsPublishIntervalMillis(), s.gameChangesPublishIntervalMillis(),
                s.lobbyStatsPublishIntervalMillis(), s.lobbyStatsLimit(), s.limitGameList(), limitGameListUpdate,
                limitSqlFilterResults, lobbiesCountLimit, s.gsContextTtlMillis(), s.gameCreationTimeoutMillis(),
                s.gameExpiryCheckPeriodMillis(), s.disconnectIfNoAuthMillis(), s.maxConcurrentJoinRequests(),
                s.maxTotalJoinRequests(), s.maxSqlFilterLength(), s.wrongWordsForQueryData(), s.maxGameIdLength(),
                s.maxLobbyNameLength());
        return this;
    }

    MasterSettingsBuilder joinLimits(int concurrent, int total) {
        s = new MasterSettings(s.appStatsPublishIntervalMillis(), s.gameChangesPublishIntervalMillis(),
                s.lobbyStatsPublishIntervalMillis(), s.lobbyStatsLimit(), s.limitGameList(), s.limitGameListUpdate(),
                s.limitSqlFilterResults(), s.lobbiesCountLimit(), s.gsContextTtlMillis(),
                s.gameCreationTimeoutMillis(), s.gameExpiryCheckPeriodMillis(), s.disconnectIfNoAuthMillis(),
                concurrent, total, s.maxSqlFilterLength(), s.wrongWordsForQueryData(), s.maxGameIdLength(),
                s.maxLobbyNameLength());
        return this;
    }

    MasterSettings build() {
        return s;
    }
}
