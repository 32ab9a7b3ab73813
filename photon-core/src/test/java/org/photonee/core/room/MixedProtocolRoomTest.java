package org.photonee.core.room;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.photonee.core.codec.json.JsonProtocol;
import org.photonee.core.codec.protocol16.GpBinaryV16Protocol;
import org.photonee.core.codec.protocol16.TypeCode;
import org.photonee.core.codec.protocol18.GpBinaryV18Protocol;
import org.photonee.core.codes.JoinMode;
import org.photonee.core.codes.OperationCode;
import org.photonee.core.codes.ParameterCode;
import org.photonee.core.codes.ReceiverGroup;
import org.photonee.core.peer.SendParameters;
import org.photonee.core.protocol.CustomTypeValue;
import org.photonee.core.protocol.EventData;
import org.photonee.core.protocol.Message;
import org.photonee.core.protocol.OperationRequest;
import org.photonee.core.protocol.Parameters;
import org.photonee.core.protocol.PhotonDictionary;
import org.photonee.core.protocol.PhotonHashtable;
import org.photonee.core.protocol.ProtocolException;
import org.photonee.core.protocol.ProtocolLimits;
import org.photonee.core.protocol.Values;
import org.photonee.core.protocol.WireProtocol;
import org.photonee.core.testing.StubPeer;

/**
 * One room with a GpBinaryV18, a GpBinaryV16 and a Json client: what one sends arrives at each of the others in its
 * own encoding (the peers decode the frames they are sent with their own protocol), with the binary types intact.
 */
class MixedProtocolRoomTest {
    private final GpBinaryV18Protocol v18 = new GpBinaryV18Protocol();
    private final GpBinaryV16Protocol v16 = new GpBinaryV16Protocol();
    private final JsonProtocol json = new JsonProtocol();
    private final RoomFixture f = new RoomFixture();
    private final TestMember v18Client = join("unity", v18);
    private final TestMember v16Client = join("legacy", v16);
    private final TestMember jsonClient = join("browser", json);

    private TestMember join(String userId, WireProtocol protocol) {
        TestMember m = new TestMember(new StubPeer(userId, protocol));
        f.join(m, userId, JoinMode.JOIN_ONLY, null, false, "session-" + userId, List.of());
        return m;
    }

    /** Values of every kind both binary protocols carry, as a PUN client would put in an event's data. */
    private static PhotonHashtable richData() {
        PhotonDictionary scores = new PhotonDictionary(TypeCode.STRING, TypeCode.INT);
        scores.put("red", 3);
        scores.put("blue", -70000);
        return PhotonHashtable.of(
                (byte) 1, (byte) 200,
                "short", (short) -2,
                "int", 300,
                "long", 1L << 40,
                "float", 1.5f,
                "double", 0.1,
                "bool", true,
                "bytes", new byte[] {1, 2, 3},
                "ints", new int[] {0, 1, -1, 65536},
                "strings", new String[] {"a", "é"},
                "objects", new Object[] {null, "x", 7},
                "scores", scores,
                "vector", new CustomTypeValue((byte) 'V', new byte[] {0, 0, (byte) 0x80, 0x3F}));
    }

    /** What the sending client's own protocol makes of its request on the wire. */
    private static Parameters overTheWire(WireProtocol protocol, Parameters p) throws ProtocolException {
        Message m = protocol.decode(protocol.encode(new OperationRequest(OperationCode.RAISE_EVENT, p)),
                ProtocolLimits.DEFAULTS);
        return m.parameters();
    }

    private void raise(TestMember sender, WireProtocol senderProtocol, Object data) throws ProtocolException {
        Parameters request = overTheWire(senderProtocol, Parameters.of(ParameterCode.CODE, (byte) 9,
                ParameterCode.DATA, data, ParameterCode.RECEIVER_GROUP, ReceiverGroup.ALL));
        f.room.raiseEvent(sender, request, SendParameters.DEFAULT);
    }

    private static Object dataOf(TestMember m) {
        List<EventData> events = m.peer.events(9);
        assertEquals(1, events.size(), () -> m.peer + " got " + m.peer.received);
        return events.get(0).parameters().get(ParameterCode.DATA);
    }

    @Test
    void aV18ClientsEventReachesV16AndV18WithTypesAndJsonInItsOwnMapping() throws ProtocolException {
        raise(v18Client, v18, richData());

        assertTrue(Values.deepEquals(richData(), dataOf(v18Client)), () -> Values.toDebugString(dataOf(v18Client)));
        assertTrue(Values.deepEquals(richData(), dataOf(v16Client)), () -> Values.toDebugString(dataOf(v16Client)));
        // a map comparison ignores a dictionary's declared types: those must survive the trip too
        for (TestMember m : List.of(v18Client, v16Client)) {
            PhotonDictionary scores = (PhotonDictionary) ((PhotonHashtable) dataOf(m)).get("scores");
            assertEquals(TypeCode.STRING, scores.keyType());
            assertEquals(TypeCode.INT, scores.valueType());
        }
        // Json carries what JSON can: exactly what a Json encoding of the same event gives back
        Object expectedJson = json.decode(json.encode(new EventData(9, Parameters.of(ParameterCode.DATA,
                richData()))), ProtocolLimits.DEFAULTS).parameters().get(ParameterCode.DATA);
        assertTrue(Values.deepEquals(expectedJson, dataOf(jsonClient)), () -> Values.toDebugString(dataOf(jsonClient)));
        assertEquals("x", ((Object[]) ((PhotonHashtable) dataOf(jsonClient)).get("objects"))[1]);
    }

    @Test
    void aV16ClientsEventReachesTheV18ClientWithTypesAndTheSenderActor() throws ProtocolException {
        raise(v16Client, v16, richData());

        Object received = dataOf(v18Client);
        assertTrue(Values.deepEquals(richData(), received), () -> Values.toDebugString(received));
        PhotonHashtable table = (PhotonHashtable) received;
        assertEquals(Short.class, table.get("short").getClass());
        assertEquals(Long.class, table.get("long").getClass());
        assertEquals(Float.class, table.get("float").getClass());
        assertEquals(TypeCode.INT, ((PhotonDictionary) table.get("scores")).valueType());
        EventData event = v18Client.peer.events(9).get(0);
        assertEquals(v16Client.actorNr(), event.parameters().get(ParameterCode.ACTOR_NR));
    }

    @Test
    void aJsonClientsEventReachesTheV18Client() throws ProtocolException {
        raise(jsonClient, json, PhotonHashtable.of("hello", "world", "n", 5));

        assertEquals(PhotonHashtable.of("hello", "world", "n", 5), dataOf(v18Client));
        assertEquals(PhotonHashtable.of("hello", "world", "n", 5), dataOf(v16Client));
    }
}
