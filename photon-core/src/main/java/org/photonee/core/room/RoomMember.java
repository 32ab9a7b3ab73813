package org.photonee.core.room;

import org.photonee.core.peer.Peer;

/**
 * A peer's side of its membership in a room: the room calls it on the room fiber when the membership starts and
 * ends, so the peer's session can switch its operation handler before the client sees the response. One instance
 * per join attempt; the room ignores operations from a member whose actor has been taken over by another.
 */
public interface RoomMember {
    Peer peer();

    /** The join succeeded; called before the join response is sent. */
    default void joined(Room room, Actor actor) {
    }

    /** The join was refused; called before the error response is sent. */
    default void joinFailed(short returnCode) {
    }

    /** The actor is no longer driven by this member: it left, was taken over by a rejoin, or the room closed. */
    default void left(Room room) {
    }
}
