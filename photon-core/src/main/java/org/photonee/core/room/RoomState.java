package org.photonee.core.room;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.photonee.core.protocol.PhotonHashtable;

/**
 * What survives of a persistent room while it is not loaded: options as they are now, the actor counter, the
 * (then inactive) actors and the event cache. A plain value; a {@link RoomStateStore} decides how to keep it.
 *
 * @param gameId            room name
 * @param appId             application id
 * @param appVersion        application version
 * @param options           the room's current options and custom properties
 * @param actorCounter      last actor number handed out (numbers are never reused)
 * @param masterClientId    master client when the room was unloaded
 * @param actors            the actors, all inactive by then
 * @param excludedUsers     users that may not join
 * @param cacheLimitReached the room was closed for its cache size and stays so
 * @param cacheSlice        current cache slice
 * @param cachedEvents      room-cache events in replay order
 * @param actorCaches       legacy per-actor caches: actor number to (event code to data)
 */
public record RoomState(String gameId, String appId, String appVersion, RoomOptions options, int actorCounter,
                        int masterClientId, List<ActorState> actors, List<String> excludedUsers,
                        boolean cacheLimitReached, int cacheSlice, List<CachedEvent> cachedEvents,
                        Map<Integer, Map<Integer, Object>> actorCaches) {
    public RoomState {
        actors = List.copyOf(actors);
        excludedUsers = List.copyOf(excludedUsers);
        cachedEvents = List.copyOf(cachedEvents);
        actorCaches = Map.copyOf(actorCaches);
    }

    /** One saved actor. */
    public record ActorState(int actorNr, String userId, String nickname, PhotonHashtable properties, int[] groups) {
    }

    static RoomState of(Room room) {
        List<ActorState> actors = new ArrayList<>();
        for (Actor a : room.actors()) {
            actors.add(new ActorState(a.actorNr(), a.userId(), a.nickname(), new PhotonHashtable(a.properties()),
                    a.groups().stream().toArray()));
        }
        EventCache cache = room.cache();
        return new RoomState(room.gameId(), room.appId(), room.appVersion(), room.currentOptions(),
                room.actorCounter(), room.masterClientId(), actors, room.excludedUsers(), room.cacheLimitReached(),
                cache.currentSlice(), cache.roomEvents(), cache.actorCaches());
    }
}
