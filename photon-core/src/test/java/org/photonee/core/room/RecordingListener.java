package org.photonee.core.room;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.photonee.core.s2s.GameRemoveReason;
import org.photonee.core.s2s.GameStateListener;
import org.photonee.core.s2s.GameStateReport;

/** Records what rooms report to the master. */
final class RecordingListener implements GameStateListener {
    final List<GameStateReport> updates = new CopyOnWriteArrayList<>();
    final List<String> removed = new CopyOnWriteArrayList<>();

    @Override
    public void gameUpdated(GameStateReport report) {
        updates.add(report);
    }

    @Override
    public void gameRemoved(String appId, String appVersion, String gameId, GameRemoveReason reason) {
        removed.add(gameId + ":" + reason);
    }

    GameStateReport last() {
        return updates.get(updates.size() - 1);
    }
}
