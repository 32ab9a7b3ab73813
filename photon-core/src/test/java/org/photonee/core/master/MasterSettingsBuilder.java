package org.photonee.core.master;

/** Test helper: the default settings with a few values changed, grouped the way the tests need them. */
final class MasterSettingsBuilder {
    private final MasterSettings.Builder b = MasterSettings.builder();

    MasterSettingsBuilder disconnectIfNoAuthMillis(long v) {
        b.disconnectIfNoAuthMillis(v);
        return this;
    }

    MasterSettingsBuilder limits(int limitGameListUpdate, int limitSqlFilterResults, int lobbiesCountLimit) {
        b.limitGameListUpdate(limitGameListUpdate).limitSqlFilterResults(limitSqlFilterResults)
                .lobbiesCountLimit(lobbiesCountLimit);
        return this;
    }

    MasterSettingsBuilder joinLimits(int concurrent, int total) {
        b.maxConcurrentJoinRequests(concurrent).maxTotalJoinRequests(total);
        return this;
    }

    MasterSettings build() {
        return b.build();
    }
}
