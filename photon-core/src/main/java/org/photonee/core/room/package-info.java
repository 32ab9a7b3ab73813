/**
 * The game server's domain: rooms with Photon's "Hive" semantics (LOADBALANCING.md §2.10). A {@link
 * org.photonee.core.room.Room} holds actors, properties, interest groups and the event cache, and is touched only on
 * its own fiber; the {@link org.photonee.core.room.RoomHost} creates, finds, restores and unloads rooms and is the
 * only thread-safe entry point. Rooms talk to peers through {@link org.photonee.core.room.RoomMember} and report
 * lobby-visible state to a {@code GameStateListener}; persistent rooms outlive their last actor through a {@link
 * org.photonee.core.room.RoomStateStore}. Plain Java, no container.
 */
package org.photonee.core.room;
