package org.photonee.core.room;

import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/** Keeps room states in a map: survives unloading a room, not a restart. For tests and single-process runs. */
public final class InMemoryRoomStateStore implements RoomStateStore {
    private final Map<String, RoomState> states = new ConcurrentHashMap<>();

    @Override
    public void save(RoomState state) {
        states.put(key(state.appId(), state.gameId()), state);
    }

    @Override
    public Optional<RoomState> load(String appId, String gameId) {
        return Optional.ofNullable(states.get(key(appId, gameId)));
    }

    @Override
    public void delete(String appId, String gameId) {
        states.remove(key(appId, gameId));
    }

    public int size() {
        return states.size();
    }

    private static String key(String appId, String gameId) {
        return appId + "\u0000" + gameId;
    }
}
