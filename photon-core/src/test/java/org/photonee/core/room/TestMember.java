package org.photonee.core.room;

import org.photonee.core.testing.StubPeer;
import org.photonee.core.peer.Peer;

/** A room member that records the room's callbacks. */
final class TestMember implements RoomMember {
    final StubPeer peer;
    Actor actor;
    Short failedWith;
    boolean left;

    TestMember(StubPeer peer) {
        this.peer = peer;
    }

    @Override
    public Peer peer() {
        return peer;
    }

    @Override
    public void joined(Room room, Actor joined) {
        this.actor = joined;
    }

    @Override
    public void joinFailed(short returnCode) {
        failedWith = returnCode;
    }

    @Override
    public void left(Room room) {
        left = true;
    }

    int actorNr() {
        return actor.actorNr();
    }
}
