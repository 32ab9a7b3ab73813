package org.photonee.core.room;

import org.photonee.core.testing.StubPeer;
import org.photonee.core.testing.MessageProtocol;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.photonee.core.codes.OperationCode;
import org.photonee.core.codes.ParameterCode;
import org.photonee.core.codes.ReceiverGroup;
import org.photonee.core.codes.ReturnCode;
import org.photonee.core.protocol.EventData;
import org.photonee.core.protocol.OperationResponse;
import org.photonee.core.protocol.Parameters;
import org.photonee.core.protocol.PhotonHashtable;

class RaiseEventTest {
    private RoomFixture f;
    private TestMember a;
    private TestMember b;
    private TestMember c;

    @BeforeEach
    void threeActors() {
        f = new RoomFixture();
        a = f.join("a");
        b = f.join("b");
        c = f.join("c");
        f.clearAll(a, b, c);
    }

    private List<Integer> receiversOf(int code) {
        return List.of(a, b, c).stream().filter(m -> !m.peer.events(code).isEmpty()).map(TestMember::actorNr)
                .toList();
    }

    @Test
    void othersIsTheDefaultAndTheEventCarriesSenderAndData() {
        f.raise(a, ParameterCode.CODE, 7, ParameterCode.DATA, PhotonHashtable.of("hello", "world"));
        assertEquals(List.of(2, 3), receiversOf(7));
        EventData e = b.peer.events(7).get(0);
        assertEquals(Parameters.of(ParameterCode.ACTOR_NR, 1, ParameterCode.DATA, PhotonHashtable.of("hello",
                "world")), e.parameters());
        assertTrue(a.peer.responses().isEmpty(), "no response to a successful RaiseEvent");
    }

    @Test
    void allIncludesTheSender() {
        f.raise(a, ParameterCode.CODE, 7, ParameterCode.RECEIVER_GROUP, ReceiverGroup.ALL);
        assertEquals(List.of(1, 2, 3), receiversOf(7));
    }

    @Test
    void masterClientGroupReachesOnlyTheMaster() {
        f.raise(c, ParameterCode.CODE, 7, ParameterCode.RECEIVER_GROUP, ReceiverGroup.MASTER_CLIENT);
        assertEquals(List.of(1), receiversOf(7));
    }

    @Test
    void targetActorsWinOverGroupAndReceiverGroupAndMayIncludeTheSender() {
        f.raise(a, ParameterCode.CODE, 7, ParameterCode.ACTORS, new int[] {1, 3, 99}, ParameterCode.GROUP, 5,
                ParameterCode.RECEIVER_GROUP, ReceiverGroup.ALL);
        assertEquals(List.of(1, 3), receiversOf(7));
    }

    @Test
    void targetActorsMayArriveAsAnObjectArray() {
        f.raise(a, ParameterCode.CODE, 7, ParameterCode.ACTORS, new Object[] {2L});
        assertEquals(List.of(2), receiversOf(7));
    }

    @Test
    void interestGroupWinsOverReceiverGroupAndExcludesTheSender() {
        f.room.changeGroups(a, Parameters.of(ParameterCode.GROUPS_FOR_ADD, new byte[] {5}));
        f.room.changeGroups(b, Parameters.of(ParameterCode.GROUPS_FOR_ADD, new byte[] {5}));
        f.raise(a, ParameterCode.CODE, 7, ParameterCode.GROUP, 5, ParameterCode.RECEIVER_GROUP, ReceiverGroup.ALL);
        assertEquals(List.of(2), receiversOf(7));
    }

    @Test
    void anEmptyOrUnknownGroupIsNotAnError() {
        f.raise(a, ParameterCode.CODE, 7, ParameterCode.GROUP, 9);
        assertEquals(List.of(), receiversOf(7));
        assertTrue(a.peer.responses().isEmpty());
    }

    @Test
    void groupZeroMeansEveryone() {
        f.raise(a, ParameterCode.CODE, 7, ParameterCode.GROUP, 0);
        assertEquals(List.of(2, 3), receiversOf(7));
    }

    @Test
    void eventCodesAbove240AreRefused() {
        f.raise(a, ParameterCode.CODE, 241);
        OperationResponse r = a.peer.lastResponse();
        assertEquals(OperationCode.RAISE_EVENT, r.code());
        assertEquals(ReturnCode.OPERATION_INVALID, r.returnCode());
        assertEquals("Raising of photon events (higher than 240) is not allowed", r.debugMessage());
        assertEquals(List.of(), receiversOf(241));
        f.raise(a, ParameterCode.CODE, 240);
        assertEquals(List.of(2, 3), receiversOf(240));
    }

    @Test
    void invalidReceiverGroupIsOperationInvalid() {
        f.raise(a, ParameterCode.CODE, 7, ParameterCode.RECEIVER_GROUP, 3);
        assertEquals(ReturnCode.OPERATION_INVALID, a.peer.lastResponse().returnCode());
        assertEquals("Invalid ReceiverGroup 3", a.peer.lastResponse().debugMessage());
    }

    @Test
    void badInputIsAnsweredNotThrown() {
        f.raise(a, ParameterCode.DATA, "no code");
        assertEquals(ReturnCode.OPERATION_INVALID, a.peer.lastResponse().returnCode());
        f.raise(a, ParameterCode.CODE, "seven");
        assertEquals(ReturnCode.OPERATION_INVALID, a.peer.lastResponse().returnCode());
        f.raise(a, ParameterCode.CODE, 7, ParameterCode.ACTORS, "1,2");
        assertEquals(ReturnCode.OPERATION_INVALID, a.peer.lastResponse().returnCode());
        f.raise(a, ParameterCode.CODE, 7, ParameterCode.CACHE, 9);
        assertEquals(ReturnCode.OPERATION_INVALID, a.peer.lastResponse().returnCode());
        assertEquals(List.of(), receiversOf(7));
    }

    @Test
    void theEventIsEncodedOncePerProtocolNotPerReceiver() {
        for (int i = 0; i < 5; i++) {
            f.join("x" + i);
        }
        int before = f.protocol.encodes.get();
        f.raise(a, ParameterCode.CODE, 7, ParameterCode.RECEIVER_GROUP, ReceiverGroup.ALL);
        assertEquals(1, f.protocol.encodes.get() - before);
    }

    @Test
    void clientsOfTwoProtocolsGetOneEncodingEach() {
        MessageProtocol binary = new MessageProtocol("GpBinaryV16");
        for (int i = 0; i < 3; i++) {
            TestMember m = new TestMember(new StubPeer("bin" + i, binary));
            f.join(m, "bin" + i, org.photonee.core.codes.JoinMode.JOIN_ONLY, null, false, "s" + i, List.of());
        }
        int jsonBefore = f.protocol.encodes.get();
        int binaryBefore = binary.encodes.get();
        f.raise(a, ParameterCode.CODE, 7, ParameterCode.RECEIVER_GROUP, ReceiverGroup.ALL);
        assertEquals(1, f.protocol.encodes.get() - jsonBefore);
        assertEquals(1, binary.encodes.get() - binaryBefore);
        assertEquals(List.of(1, 2, 3), receiversOf(7));
    }

    @Test
    void flushIsPassedToTheSend() {
        f.raise(a, ParameterCode.CODE, 7, ParameterCode.FLUSH, true);
        assertTrue(b.peer.sendParameters.get(0).flush());
    }

    @Test
    void inactiveActorsReceiveNothing() {
        RoomFixture ttl = new RoomFixture(ParameterCode.PLAYER_TTL, 1000);
        TestMember x = ttl.join("x");
        TestMember y = ttl.join("y");
        ttl.room.disconnect(y, 0);
        y.peer.clear();
        ttl.raise(x, ParameterCode.CODE, 7, ParameterCode.ACTORS, new int[] {2});
        ttl.raise(x, ParameterCode.CODE, 8, ParameterCode.RECEIVER_GROUP, ReceiverGroup.ALL);
        assertTrue(y.peer.received.isEmpty());
    }

    // ---- ChangeGroups ----

    @Test
    void changeGroupsRemovesThenAddsAndNullChangesNothing() {
        f.room.changeGroups(a, Parameters.of(ParameterCode.GROUPS_FOR_ADD, new byte[] {1, 2, 3}));
        f.room.changeGroups(a, Parameters.of(ParameterCode.GROUPS_FOR_REMOVE, new byte[] {2},
                ParameterCode.GROUPS_FOR_ADD, new byte[] {2, 4}));
        assertEquals(List.of(1, 2, 3, 4), groupsOf(a));
        f.room.changeGroups(a, new Parameters());
        assertEquals(List.of(1, 2, 3, 4), groupsOf(a));
        assertTrue(a.peer.responses().isEmpty(), "no response to ChangeGroups");
    }

    @Test
    void emptyRemoveListLeavesAllGroups() {
        f.room.changeGroups(a, Parameters.of(ParameterCode.GROUPS_FOR_ADD, new byte[] {1, 2}));
        f.room.changeGroups(a, Parameters.of(ParameterCode.GROUPS_FOR_REMOVE, new byte[0]));
        assertEquals(List.of(), groupsOf(a));
    }

    @Test
    void emptyAddListJoinsEveryGroupThatExists() {
        f.room.changeGroups(b, Parameters.of(ParameterCode.GROUPS_FOR_ADD, new int[] {3, (byte) 200 & 0xFF}));
        f.room.changeGroups(c, Parameters.of(ParameterCode.GROUPS_FOR_ADD, new Object[] {7}));
        f.room.changeGroups(a, Parameters.of(ParameterCode.GROUPS_FOR_ADD, new byte[0]));
        assertEquals(List.of(3, 7, 200), groupsOf(a));
    }

    @Test
    void groupZeroIsNeverJoinedAndBadGroupsAreRefused() {
        f.room.changeGroups(a, Parameters.of(ParameterCode.GROUPS_FOR_ADD, new int[] {0, 1}));
        assertEquals(List.of(1), groupsOf(a));
        f.room.changeGroups(a, Parameters.of(ParameterCode.GROUPS_FOR_ADD, new int[] {256}));
        assertEquals(ReturnCode.OPERATION_INVALID, a.peer.lastResponse().returnCode());
        assertEquals(List.of(1), groupsOf(a));
    }

    private static List<Integer> groupsOf(TestMember m) {
        return m.actor.groups().stream().boxed().toList();
    }
}
