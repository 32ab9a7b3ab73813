package org.photonee.core.codec.protocol16;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.ByteBuffer;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.photonee.core.codec.Hex;
import org.photonee.core.protocol.CustomTypeValue;
import org.photonee.core.protocol.EventData;
import org.photonee.core.protocol.Message;
import org.photonee.core.protocol.OperationRequest;
import org.photonee.core.protocol.OperationResponse;
import org.photonee.core.protocol.Parameters;
import org.photonee.core.protocol.PhotonDictionary;
import org.photonee.core.protocol.PhotonHashtable;
import org.photonee.core.protocol.ProtocolException;
import org.photonee.core.protocol.ProtocolLimits;
import org.photonee.core.protocol.Values;
import org.photonee.core.protocol.WireFrame;

/** Hand-written bytes from the type table of PROTOCOL.md section 2, both directions. */
class Protocol16GoldenTest {
    private final GpBinaryV16Protocol protocol = new GpBinaryV16Protocol();

    /** Event 1 carrying parameter 1 = value: {@code F3 04 01 0001 01} then the typed value. */
    private static final String EVENT_WITH_ONE_PARAMETER = "F3 04 01 0001 01";

    static Stream<Arguments> typedValues() {
        return Stream.of(
                Arguments.of("null", null, "2A"),
                Arguments.of("byte 200", (byte) 200, "62 C8"),
                Arguments.of("boolean true", true, "6F 01"),
                Arguments.of("boolean false", false, "6F 00"),
                Arguments.of("short -2", (short) -2, "6B FFFE"),
                Arguments.of("int", 0x01020304, "69 01020304"),
                Arguments.of("long -1", -1L, "6C FFFFFFFFFFFFFFFF"),
                Arguments.of("float 1.5", 1.5f, "66 3FC00000"),
                Arguments.of("double 1.5", 1.5d, "64 3FF8000000000000"),
                Arguments.of("string with 2-byte char", "hé", "73 0003 68C3A9"),
                Arguments.of("string with surrogate pair", "😀", "73 0004 F09F9880"),
                Arguments.of("empty string", "", "73 0000"),
                Arguments.of("byte[]", new byte[] {1, 2}, "78 00000002 0102"),
                Arguments.of("int[]", new int[] {1, -1}, "6E 00000002 00000001 FFFFFFFF"),
                Arguments.of("String[]", new String[] {"a", "bc"}, "61 0002 0001 61 0002 6263"),
                Arguments.of("Object[]", new Object[] {(byte) 1, null, "x"}, "7A 0003 62 01 2A 73 0001 78"),
                Arguments.of("short[] as typed array", new short[] {1, 2}, "79 0002 6B 0001 0002"),
                Arguments.of("long[]", new long[] {-1}, "79 0001 6C FFFFFFFFFFFFFFFF"),
                Arguments.of("float[]", new float[] {1.5f}, "79 0001 66 3FC00000"),
                Arguments.of("double[]", new double[] {1.5}, "79 0001 64 3FF8000000000000"),
                Arguments.of("boolean[]", new boolean[] {true, false}, "79 0002 6F 01 00"),
                Arguments.of("byte[][]", new byte[][] {{1}}, "79 0001 78 00000001 01"),
                Arguments.of("int[][]", new int[][] {{7}}, "79 0001 6E 00000001 00000007"),
                Arguments.of("String[][]", new String[][] {{"a"}}, "79 0001 61 0001 0001 61"),
                Arguments.of("Object[][]", new Object[][] {{null}}, "79 0001 7A 0001 2A"),
                Arguments.of("short[][]", new short[][] {{1}, {2, 3}}, "79 0002 79 0001 6B 0001 0002 6B 0002 0003"),
                Arguments.of("Hashtable[]", new PhotonHashtable[] {new PhotonHashtable()}, "79 0001 68 0000"),
                Arguments.of("Hashtable", PhotonHashtable.of((byte) 255, 4, "map", "x"),
                        "68 0002 62 FF 69 00000004 73 0003 6D6170 73 0001 78"),
                Arguments.of("Dictionary<string,int>", dictionary(TypeCode.STRING, TypeCode.INT, "a", 1),
                        "44 73 69 0001 0001 61 00000001"),
                Arguments.of("Dictionary<object,object>", dictionary((byte) 0, (byte) 0, (byte) 1, "x"),
                        "44 00 00 0001 62 01 73 0001 78"),
                Arguments.of("Dictionary<byte,object> with null value", dictionary(TypeCode.BYTE, TypeCode.NULL,
                        (byte) 1, null), "44 62 2A 0001 01 2A"),
                Arguments.of("custom type", new CustomTypeValue((byte) 'W', new byte[] {9, 8}), "63 57 0002 0908"),
                Arguments.of("custom typed array", new CustomTypeValue[] {
                                new CustomTypeValue((byte) 'W', new byte[] {1}),
                                new CustomTypeValue((byte) 'W', new byte[] {2, 3})},
                        "79 0002 63 57 0001 01 0002 0203"),
                Arguments.of("nested EventData", new EventData(7), "65 07 0000"),
                Arguments.of("nested OperationRequest", new OperationRequest(5, Parameters.of(1, (byte) 2)),
                        "71 05 0001 01 62 02"),
                Arguments.of("nested OperationResponse", new OperationResponse(5, (short) -1, "no", new Parameters()),
                        "70 05 FFFF 73 0002 6E6F 0000"));
    }

    private static PhotonDictionary dictionary(byte keyType, byte valueType, Object key, Object value) {
        PhotonDictionary d = new PhotonDictionary(keyType, valueType);
        d.put(key, value);
        return d;
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("typedValues")
    void encodesEachType(String name, Object value, String hex) {
        byte[] encoded = encode(new EventData(1, Parameters.of(1, value)));
        assertEquals(Hex.of(Hex.bytes(EVENT_WITH_ONE_PARAMETER + hex)), Hex.of(encoded));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("typedValues")
    void decodesEachType(String name, Object value, String hex) throws ProtocolException {
        EventData e = (EventData) decode(EVENT_WITH_ONE_PARAMETER + hex);
        Object decoded = e.parameters().get(1);
        assertTrue(Values.deepEquals(value, decoded), () -> "decoded " + Values.toDebugString(decoded));
    }

    @Test
    void typedArraysOfIntStringAndByteDecodeToTheirPlainArrays() throws ProtocolException {
        assertArrayEquals(new int[] {1}, (int[]) decodeValue("79 0001 69 00000001"));
        assertArrayEquals(new String[] {"a"}, (String[]) decodeValue("79 0001 73 0001 61"));
        assertArrayEquals(new byte[] {5, 6}, (byte[]) decodeValue("79 0002 62 05 06"));
    }

    @Test
    void dictionaryHeaderWithStarKeepsTheDeclaredCode() throws ProtocolException {
        PhotonDictionary d = (PhotonDictionary) decodeValue("44 2A 2A 0001 62 01 69 00000002");
        assertEquals(TypeCode.NULL, d.keyType());
        assertEquals(2, d.get((byte) 1));
        assertEquals(Hex.of(Hex.bytes(EVENT_WITH_ONE_PARAMETER + "44 2A 2A 0001 62 01 69 00000002")),
                Hex.of(encode(new EventData(1, Parameters.of(1, d)))));
    }

    // ---- message kinds ----

    @Test
    void operationRequest() throws ProtocolException {
        // JoinGame 226 with 255 = "room1"
        String hex = "F3 02 E2 0001 FF 73 0005 726F6F6D31";
        OperationRequest r = new OperationRequest(226, Parameters.of(255, "room1"));
        assertMessage(hex, r);
    }

    @Test
    void internalPingRequestAndResponse() throws ProtocolException {
        assertMessage("F3 06 01 0001 01 69 00000031",
                new OperationRequest(1, Parameters.of(1, 49), true));
        assertMessage("F3 07 01 0000 2A 0002 01 69 00000031 02 69 00001000",
                new OperationResponse(1, (short) 0, null, Parameters.of(1, 49, 2, 4096), true));
    }

    @Test
    void operationResponseWithDebugMessage() throws ProtocolException {
        assertMessage("F3 03 E3 7FFF 73 0004 66756C6C 0000",
                new OperationResponse(227, (short) 32767, "full", new Parameters()));
    }

    @Test
    void event() throws ProtocolException {
        // Join event 255: actor 254 = 1, actor list 252 = [1]
        assertMessage("F3 04 FF 0002 FE 69 00000001 FC 6E 00000001 00000001",
                new EventData(255, Parameters.of(254, 1, 252, new int[] {1})));
    }

    @Test
    void duplicateParameterCodeKeepsTheLastValue() throws ProtocolException {
        OperationRequest r = (OperationRequest) decode("F3 02 FD 0002 FA 6F 00 FA 6F 01");
        assertEquals(1, r.parameters().size());
        assertEquals(true, r.parameters().get(250));
    }

    @Test
    void readsFromASliceOfALargerBuffer() throws ProtocolException {
        byte[] padded = Hex.bytes("AAAA F3 04 07 0000 BBBB");
        Message m = protocol.decode(WireFrame.binary(ByteBuffer.wrap(padded, 2, 5).slice()), ProtocolLimits.DEFAULTS);
        assertEquals(7, assertInstanceOf(EventData.class, m).code());
    }

    // ---- registered custom types ----

    record Vec(float x, float y) {
    }

    private static final CustomTypes VECTORS = CustomTypes.builder()
            .register((byte) 'V', Vec.class,
                    v -> ByteBuffer.allocate(8).putFloat(v.x()).putFloat(v.y()).array(),
                    b -> {
                        ByteBuffer buf = ByteBuffer.wrap(b);
                        return new Vec(buf.getFloat(), buf.getFloat());
                    })
            .build();

    @Test
    void registeredCustomTypeMapsToItsClass() throws ProtocolException {
        GpBinaryV16Protocol withVectors = new GpBinaryV16Protocol(VECTORS);
        String hex = EVENT_WITH_ONE_PARAMETER + "63 56 0008 3FC00000 40000000";
        EventData e = new EventData(1, Parameters.of(1, new Vec(1.5f, 2f)));
        assertEquals(Hex.of(Hex.bytes(hex)), Hex.of(withVectors.encode(e).binary().array()));
        assertEquals(e, withVectors.decode(WireFrame.binary(Hex.bytes(hex)), ProtocolLimits.DEFAULTS));
    }

    @Test
    void registeredCustomTypeArray() throws ProtocolException {
        GpBinaryV16Protocol withVectors = new GpBinaryV16Protocol(VECTORS);
        String hex = EVENT_WITH_ONE_PARAMETER + "79 0001 63 56 0008 3FC00000 40000000";
        EventData e = new EventData(1, Parameters.of(1, (Object) new Vec[] {new Vec(1.5f, 2f)}));
        assertEquals(Hex.of(Hex.bytes(hex)), Hex.of(withVectors.encode(e).binary().array()));
        assertEquals(e, withVectors.decode(WireFrame.binary(Hex.bytes(hex)), ProtocolLimits.DEFAULTS));
    }

    @Test
    void unregisteredCodeStaysOpaque() throws ProtocolException {
        Object v = decodeValue("63 56 0001 07");
        assertEquals(new CustomTypeValue((byte) 'V', new byte[] {7}), v);
    }

    // ---- helpers ----

    private void assertMessage(String hex, Message message) throws ProtocolException {
        assertEquals(Hex.of(Hex.bytes(hex)), Hex.of(encode(message)), "encoded");
        assertEquals(message, decode(hex), "decoded");
    }

    private byte[] encode(Message m) {
        return protocol.encode(m).binary().array();
    }

    private Message decode(String hex) throws ProtocolException {
        return protocol.decode(WireFrame.binary(Hex.bytes(hex)), ProtocolLimits.DEFAULTS);
    }

    private Object decodeValue(String hex) throws ProtocolException {
        return ((EventData) decode(EVENT_WITH_ONE_PARAMETER + hex)).parameters().get(1);
    }
}
