package org.photonee.core.room;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.IntPredicate;
import java.util.function.Predicate;
import org.photonee.core.protocol.PhotonHashtable;
import org.photonee.core.protocol.Values;

/**
 * A room's cached events, replayed in order to every joiner: first the legacy per-actor caches (MergeCache,
 * ReplaceCache; one entry per actor and event code), then the room cache (AddToRoomCache[Global]) slice by slice
 * in ascending slice order, each slice in the order events were added. Counts against the room's limits are
 * reported back so the room can close itself when the cache grows past them.
 */
final class EventCache {
    private final RoomSettings settings;
    /** Slice index to the events of that slice; the current slice always has an entry. */
    private final TreeMap<Integer, List<CachedEvent>> slices = new TreeMap<>();
    /** Legacy cache: actor number to (event code to data), in insertion order. */
    private final Map<Integer, LinkedHashMap<Integer, Object>> actorCaches = new LinkedHashMap<>();
    private int currentSlice;
    private int roomEventCount;

    EventCache(RoomSettings settings) {
        this.settings = settings;
        slices.put(0, new ArrayList<>());
    }

    int currentSlice() {
        return currentSlice;
    }

    int roomEventCount() {
        return roomEventCount;
    }

    int sliceCount() {
        return slices.size();
    }

    /** True when the room cache, a slice count or an actor's legacy cache is over its limit. */
    boolean isOverLimit() {
        if (roomEventCount > settings.eventCacheEventsLimit() || slices.size() > settings.eventCacheSlicesLimit()) {
            return true;
        }
        for (Map<Integer, Object> cache : actorCaches.values()) {
            if (cache.size() > settings.actorEventCacheEventsLimit()) {
                return true;
            }
        }
        return false;
    }

    // ---- room cache ----

    void add(int ownerActorNr, int senderActorNr, int code, Object data) {
        slices.get(currentSlice).add(new CachedEvent(ownerActorNr, senderActorNr, code, data, currentSlice));
        roomEventCount++;
    }

    /**
     * Removes room-cache events matching every given filter: code (0 = any code), owners (null = any), and a data
     * table whose entries must all be present in the event's data table (null = any data).
     */
    int remove(int code, int[] owners, Map<?, ?> dataFilter) {
        return removeIf(e -> (code == 0 || e.code() == code) && (owners == null || contains(owners, e.ownerActorNr()))
                && (dataFilter == null || containsAll(e.data(), dataFilter)));
    }

    /** Removes the events of actors that are gone; global events (owner 0) stay. */
    int removeOwnersNotIn(IntPredicate inRoom) {
        return removeIf(e -> e.ownerActorNr() != 0 && !inRoom.test(e.ownerActorNr()));
    }

    /** Removes everything an actor owns: its room-cache events and its legacy cache (DeleteCacheOnLeave). */
    void removeActor(int actorNr) {
        removeIf(e -> e.ownerActorNr() == actorNr);
        actorCaches.remove(actorNr);
    }

    private int removeIf(Predicate<CachedEvent> match) {
        int removed = 0;
        for (List<CachedEvent> events : slices.values()) {
            Iterator<CachedEvent> it = events.iterator();
            while (it.hasNext()) {
                if (match.test(it.next())) {
                    it.remove();
                    removed++;
                }
            }
        }
        roomEventCount -= removed;
        return removed;
    }

    // ---- slices ----

    int increaseSlice() {
        return setSlice(currentSlice + 1);
    }

    int setSlice(int index) {
        currentSlice = index;
        slices.computeIfAbsent(index, i -> new ArrayList<>());
        return currentSlice;
    }

    /** Deletes one slice's events; the current slice stays (empty). */
    void purgeSlice(int index) {
        List<CachedEvent> events = slices.remove(index);
        if (events != null) {
            roomEventCount -= events.size();
        }
        slices.computeIfAbsent(currentSlice, i -> new ArrayList<>());
    }

    /** Deletes every slice below the index. */
    void purgeSlicesBelow(int index) {
        Iterator<Map.Entry<Integer, List<CachedEvent>>> it = slices.headMap(index, false).entrySet().iterator();
        while (it.hasNext()) {
            roomEventCount -= it.next().getValue().size();
            it.remove();
        }
        slices.computeIfAbsent(currentSlice, i -> new ArrayList<>());
    }

    // ---- legacy per-actor cache ----

    /** MergeCache: a table is merged into the cached table of the same actor and code; anything else replaces. */
    void merge(int actorNr, int code, Object data) {
        LinkedHashMap<Integer, Object> cache = actorCaches.computeIfAbsent(actorNr, n -> new LinkedHashMap<>());
        Object old = cache.get(code);
        if (old instanceof Map<?, ?> oldTable && data instanceof Map<?, ?> newTable) {
            PhotonHashtable merged = new PhotonHashtable(oldTable);
            merged.putAll(newTable);
            cache.put(code, merged);
        } else {
            cache.put(code, data);
        }
    }

    void replace(int actorNr, int code, Object data) {
        actorCaches.computeIfAbsent(actorNr, n -> new LinkedHashMap<>()).put(code, data);
    }

    void removeActorEvent(int actorNr, int code) {
        Map<Integer, Object> cache = actorCaches.get(actorNr);
        if (cache != null) {
            cache.remove(code);
            if (cache.isEmpty()) {
                actorCaches.remove(actorNr);
            }
        }
    }

    // ---- replay, reset, persistence ----

    /** Every cached event in replay order. */
    List<CachedEvent> inReplayOrder() {
        List<CachedEvent> out = new ArrayList<>(roomEventCount + actorCaches.size());
        actorCaches.forEach((actorNr, cache) -> cache.forEach(
                (code, data) -> out.add(new CachedEvent(actorNr, actorNr, code, data, -1))));
        slices.values().forEach(out::addAll);
        return out;
    }

    /** Room-cache events only, in replay order (what persistence stores besides the legacy caches). */
    List<CachedEvent> roomEvents() {
        List<CachedEvent> out = new ArrayList<>(roomEventCount);
        slices.values().forEach(out::addAll);
        return out;
    }

    Map<Integer, Map<Integer, Object>> actorCaches() {
        Map<Integer, Map<Integer, Object>> out = new LinkedHashMap<>();
        actorCaches.forEach((nr, cache) -> out.put(nr, new LinkedHashMap<>(cache)));
        return out;
    }

    void clear() {
        slices.clear();
        actorCaches.clear();
        roomEventCount = 0;
        currentSlice = 0;
        slices.put(0, new ArrayList<>());
    }

    void restore(int slice, List<CachedEvent> events, Map<Integer, Map<Integer, Object>> legacy) {
        clear();
        for (CachedEvent e : events) {
            slices.computeIfAbsent(e.slice(), i -> new ArrayList<>()).add(e);
            roomEventCount++;
        }
        setSlice(slice);
        legacy.forEach((nr, cache) -> actorCaches.put(nr, new LinkedHashMap<>(cache)));
    }

    private static boolean contains(int[] values, int value) {
        for (int v : values) {
            if (v == value) {
                return true;
            }
        }
        return false;
    }

    private static boolean containsAll(Object data, Map<?, ?> filter) {
        if (!(data instanceof Map<?, ?> table)) {
            return false;
        }
        for (Map.Entry<?, ?> e : filter.entrySet()) {
            if (!table.containsKey(e.getKey()) || !Values.deepEquals(table.get(e.getKey()), e.getValue())) {
                return false;
            }
        }
        return true;
    }
}
