package org.photonee.core.room;

/**
 * Limits every room of a game server obeys (LOADBALANCING.md §2.10, §5). Defaults are those of a shipped Photon
 * Server configuration: the SDK config caps the event cache at 10000 events, not the 50000 of the code default.
 *
 * @param maxEmptyRoomTtlMillis           highest EmptyRoomTTL a client may ask for ({@code MaxEmptyRoomTTL})
 * @param eventCacheEventsLimit           room cache events before the room is closed
 *                                        ({@code EventCacheEventsCountLimit})
 * @param eventCacheSlicesLimit           cache slices before the room is closed ({@code EventCacheSlicesCountLimit})
 * @param actorEventCacheEventsLimit      legacy per-actor cache entries of one actor before the room is closed
 *                                        ({@code ActorEventCacheEventsCountLimit})
 * @param persistAllRooms                 keep the state of every room when it is unloaded, not only of rooms with
 *                                        PlayerTTL &lt; 0
 */
public record RoomSettings(int maxEmptyRoomTtlMillis, int eventCacheEventsLimit, int eventCacheSlicesLimit,
                           int actorEventCacheEventsLimit, boolean persistAllRooms) {
    public static final int DEFAULT_MAX_EMPTY_ROOM_TTL_MILLIS = 60_000;
    public static final int DEFAULT_EVENT_CACHE_EVENTS_LIMIT = 10_000;
    public static final int DEFAULT_EVENT_CACHE_SLICES_LIMIT = 1_000;
    public static final int DEFAULT_ACTOR_EVENT_CACHE_EVENTS_LIMIT = 10_000;

    public static final RoomSettings DEFAULTS = new RoomSettings(DEFAULT_MAX_EMPTY_ROOM_TTL_MILLIS,
            DEFAULT_EVENT_CACHE_EVENTS_LIMIT, DEFAULT_EVENT_CACHE_SLICES_LIMIT, DEFAULT_ACTOR_EVENT_CACHE_EVENTS_LIMIT,
            false);

    public RoomSettings {
        if (maxEmptyRoomTtlMillis < 0 || eventCacheEventsLimit < 1 || eventCacheSlicesLimit < 1
                || actorEventCacheEventsLimit < 1) {
            throw new IllegalArgumentException("invalid room settings");
        }
    }
}
