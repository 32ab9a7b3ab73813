package org.photonee.core.codes;

/** RaiseEvent cache operations (param 247, LOADBALANCING.md §2.10). */
public final class EventCaching {
    public static final int DO_NOT_CACHE = 0;
    public static final int MERGE_CACHE = 1;
    public static final int REPLACE_CACHE = 2;
    public static final int REMOVE_CACHE = 3;
    public static final int ADD_TO_ROOM_CACHE = 4;
    public static final int ADD_TO_ROOM_CACHE_GLOBAL = 5;
    public static final int REMOVE_FROM_ROOM_CACHE = 6;
    public static final int REMOVE_FROM_CACHE_FOR_ACTORS_LEFT = 7;
    public static final int SLICE_INCREASE_INDEX = 10;
    public static final int SLICE_SET_INDEX = 11;
    public static final int SLICE_PURGE_INDEX = 12;
    public static final int SLICE_PURGE_UP_TO_INDEX = 13;

    private EventCaching() {
    }
}
