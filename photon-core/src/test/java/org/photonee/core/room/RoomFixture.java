package org.photonee.core.room;

import org.photonee.core.testing.StubPeer;
import org.photonee.core.testing.MessageProtocol;
import java.util.List;
import org.photonee.core.codes.JoinMode;
import org.photonee.core.codes.OperationCode;
import org.photonee.core.fiber.ManualFiber;
import org.photonee.core.peer.SendParameters;
import org.photonee.core.protocol.Parameters;
import org.photonee.core.protocol.PhotonHashtable;

/** One room on a manual fiber with helpers to join, send operations and read what actors received. */
final class RoomFixture {
    final ManualFiber fiber = new ManualFiber();
    final MessageProtocol protocol = new MessageProtocol("Test");
    final RecordingListener listener = new RecordingListener();
    final Room room;
    int emptyExpired;
    private int peers;

    RoomFixture(Object... createParameters) {
        this(RoomSettings.DEFAULTS, createParameters);
    }

    RoomFixture(RoomSettings settings, Object... createParameters) {
        try {
            room = new Room("room1", "app", "1.0", RoomOptions.fromRequest(Parameters.of(createParameters), settings),
                    settings, fiber, listener, r -> emptyExpired++);
        } catch (RoomException e) {
            throw new AssertionError(e);
        }
    }

    TestMember newMember() {
        return new TestMember(new StubPeer("p" + (++peers), protocol));
    }

    TestMember join(String userId) {
        return join(userId, JoinMode.JOIN_ONLY, null);
    }

    TestMember join(String userId, int joinMode, PhotonHashtable actorProperties) {
        TestMember m = newMember();
        join(m, userId, joinMode, actorProperties, false, "session-" + userId + "-" + peers, List.of());
        return m;
    }

    void join(TestMember m, String userId, int joinMode, PhotonHashtable props, boolean force, String session,
              List<String> addUsers) {
        room.join(new JoinRequest(m, OperationCode.JOIN_GAME, userId, session, props, joinMode, force, addUsers));
        fiber.runPending();
    }

    void raise(TestMember m, Object... parameters) {
        room.raiseEvent(m, Parameters.of(parameters), SendParameters.DEFAULT);
    }

    void setProperties(TestMember m, Object... parameters) {
        room.setProperties(m, Parameters.of(parameters));
    }

    void clearAll(TestMember... members) {
        for (TestMember m : members) {
            m.peer.clear();
        }
    }
}
