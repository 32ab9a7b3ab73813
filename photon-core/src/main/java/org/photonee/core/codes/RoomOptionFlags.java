package org.photonee.core.codes;

/** Bits of the RoomOptionFlags bitfield (param 191). */
public final class RoomOptionFlags {
    public static final int CHECK_USER_ON_JOIN = 0x01;
    public static final int DELETE_CACHE_ON_LEAVE = 0x02;
    public static final int SUPPRESS_ROOM_EVENTS = 0x04;
    public static final int PUBLISH_USER_ID = 0x08;
    public static final int DELETE_NULL_PROPS = 0x10;
    public static final int BROADCAST_PROPS_CHANGE_TO_ALL = 0x20;

    private RoomOptionFlags() {
    }
}
