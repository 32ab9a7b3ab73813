package org.photonee.core.codec.protocol18;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.photonee.core.codec.Hex;
import org.photonee.core.codec.protocol16.CustomTypes;
import org.photonee.core.codec.protocol16.TypeCode;
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

/**
 * Bytes from NATIVE-PROTOCOLS.md §2.7 (the worked examples) and from the rules of §2.2–2.6, both directions: the
 * writer must produce exactly these bytes (the codes the C# writer picks) and the reader must give back the value.
 */
class Protocol18GoldenTest {
    private final GpBinaryV18Protocol protocol = new GpBinaryV18Protocol();

    /** Event 1 carrying parameter 1 = value: {@code F3 04 01 01 01} then the typed value. */
    private static final String EVENT_WITH_ONE_PARAMETER = "F3 04 01 01 01";

    static Stream<Arguments> typedValues() {
        return Stream.of(
                // §2.7 worked examples
                Arguments.of("int 0", 0, "1E"),
                Arguments.of("int 300", 300, "0D 2C01"),
                Arguments.of("int -5", -5, "0C 05"),
                Arguments.of("int 70000", 70000, "09 E0C508"),
                Arguments.of("int -70000", -70000, "09 DFC508"),
                Arguments.of("bool true", true, "1C"),
                Arguments.of("float 1.0", 1.0f, "05 0000803F"),
                Arguments.of("string ab", "ab", "07 02 6162"),
                Arguments.of("byte[] {1, 2}", new byte[] {1, 2}, "43 02 0102"),
                // §2.4: shortcut boundaries
                Arguments.of("int 255", 255, "0B FF"),
                Arguments.of("int 256", 256, "0D 0001"),
                Arguments.of("int 65535", 65535, "0D FFFF"),
                Arguments.of("int 65536", 65536, "09 808008"),
                Arguments.of("int -255", -255, "0C FF"),
                Arguments.of("int -256", -256, "0E 0001"),
                Arguments.of("int -65535", -65535, "0E FFFF"),
                Arguments.of("int -65536", -65536, "09 FFFF07"),
                Arguments.of("int max", Integer.MAX_VALUE, "09 FEFFFFFF0F"),
                Arguments.of("int min", Integer.MIN_VALUE, "09 FFFFFFFF0F"),
                Arguments.of("long 0", 0L, "1F"),
                Arguments.of("long 5", 5L, "0F 05"),
                Arguments.of("long -5", -5L, "10 05"),
                Arguments.of("long 300", 300L, "11 2C01"),
                Arguments.of("long -300", -300L, "12 2C01"),
                Arguments.of("long 2^40", 1L << 40, "0A 808080808040"),
                Arguments.of("long min", Long.MIN_VALUE, "0A FFFFFFFFFFFFFFFFFF01"),
                Arguments.of("bool false", false, "1B"),
                Arguments.of("byte 0", (byte) 0, "22"),
                Arguments.of("byte 200", (byte) 200, "03 C8"),
                Arguments.of("short 0", (short) 0, "1D"),
                Arguments.of("short -2 little-endian", (short) -2, "04 FEFF"),
                Arguments.of("short 300", (short) 300, "04 2C01"),
                Arguments.of("float 0 with its bytes", 0f, "05 00000000"),
                Arguments.of("double 1.5", 1.5d, "06 000000000000F83F"),
                Arguments.of("null", null, "08"),
                Arguments.of("empty string", "", "07 00"),
                Arguments.of("string with 2-byte char", "hé", "07 03 68C3A9"),
                Arguments.of("string with surrogate pair", "😀", "07 04 F09F9880"),
                // arrays
                Arguments.of("int[]", new int[] {1, -1}, "49 02 02 01"),
                Arguments.of("long[]", new long[] {-1, 300}, "4A 02 01 D804"),
                Arguments.of("short[]", new short[] {1, -2}, "44 02 0100 FEFF"),
                Arguments.of("float[]", new float[] {1.0f}, "45 01 0000803F"),
                Arguments.of("double[]", new double[] {1.5}, "46 01 000000000000F83F"),
                Arguments.of("boolean[] packed LSB first", new boolean[] {true, false, true, true, false, false, false,
                        false, true}, "42 09 0D 01"),
                Arguments.of("String[]", new String[] {"a", "bc"}, "47 02 01 61 02 6263"),
                Arguments.of("Object[]", new Object[] {(byte) 1, null, "x"}, "17 03 03 01 08 07 01 78"),
                Arguments.of("byte[][]", new byte[][] {{1}}, "40 01 43 01 01"),
                Arguments.of("int[][]", new int[][] {{7}}, "40 01 49 01 0E"),
                Arguments.of("Object[][]", new Object[][] {{null}}, "40 01 17 01 08"),
                // tables
                Arguments.of("Hashtable", PhotonHashtable.of((byte) 255, 4, "map", "x"),
                        "15 02 03 FF 0B 04 07 03 6D6170 07 01 78"),
                Arguments.of("Hashtable[]", new PhotonHashtable[] {new PhotonHashtable()}, "55 01 00"),
                Arguments.of("Dictionary<string,int> bare zigzag values",
                        dictionary(TypeCode.STRING, TypeCode.INT, "a", 1), "14 07 09 01 01 61 02"),
                Arguments.of("Dictionary<object,object>", dictionary((byte) 0, (byte) 0, (byte) 1, "x"),
                        "14 00 00 01 03 01 07 01 78"),
                Arguments.of("Dictionary<byte,object> with null value",
                        dictionary(TypeCode.BYTE, PhotonDictionary.ANY_TYPE, (byte) 1, null), "14 03 00 01 01 08"),
                Arguments.of("Dictionary<string,Dictionary<int,string>> nested header",
                        dictionary(TypeCode.STRING, TypeCode.DICTIONARY, "k",
                                dictionary(TypeCode.INT, TypeCode.STRING, 5, "q")),
                        "14 07 14 09 07 01 01 6B 01 0A 01 71"),
                Arguments.of("Dictionary<long,byte[]>",
                        dictionary(TypeCode.LONG, TypeCode.BYTE_ARRAY, 1L, new byte[] {9}), "14 0A 43 01 02 01 09"),
                Arguments.of("Dictionary[] one header", new PhotonDictionary[] {
                        dictionary(TypeCode.STRING, TypeCode.INT, "a", 1)}, "54 07 09 01 01 01 61 02"),
                // custom types
                Arguments.of("custom 'W' slim", new CustomTypeValue((byte) 'W', new byte[] {9, 8}), "D7 02 0908"),
                Arguments.of("custom code 99 slim", new CustomTypeValue((byte) 99, new byte[0]), "E3 00"),
                Arguments.of("custom code 150", new CustomTypeValue((byte) 150, new byte[] {5}), "13 96 01 05"),
                Arguments.of("custom type array", new CustomTypeValue[] {
                                new CustomTypeValue((byte) 'W', new byte[] {1}),
                                new CustomTypeValue((byte) 'W', new byte[] {2, 3})},
                        "53 02 57 01 01 02 0203"),
                // nested messages
                Arguments.of("nested EventData", new EventData(7), "1A 07 00"),
                Arguments.of("nested OperationRequest", new OperationRequest(5, Parameters.of(1, (byte) 2)),
                        "18 05 01 01 03 02"),
                Arguments.of("nested OperationResponse", new OperationResponse(5, (short) -1, "no", new Parameters()),
                        "19 05 FFFF 07 02 6E6F 00"));
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
        Object decoded = decodeValue(hex);
        assertTrue(Values.deepEquals(value, decoded), () -> "decoded " + Values.toDebugString(decoded));
    }

    // ---- codes the C# writer never emits, which the reader must still accept ----

    static Stream<Arguments> readOnlyValues() {
        return Stream.of(
                Arguments.of("FloatZero", "20", 0f),
                Arguments.of("DoubleZero", "21", 0d),
                Arguments.of("Boolean code 2, true", "02 01", true),
                Arguments.of("Boolean code 2, any non-zero is true", "02 07", true),
                Arguments.of("Boolean code 2, false", "02 00", false),
                Arguments.of("CompressedInt for a small value", "09 0E", 7),
                Arguments.of("overlong varint", "09 8E00", 7),
                Arguments.of("CompressedLong for a small value", "0A 0E", 7L),
                Arguments.of("custom 19 with a code below 100", "13 57 01 05",
                        new CustomTypeValue((byte) 'W', new byte[] {5})),
                Arguments.of("slim 228 (code 100)", "E4 00", new CustomTypeValue((byte) 100, new byte[0])),
                Arguments.of("Hashtable pair with a null key dropped", "15 02 08 0B01 07 01 61 0B02",
                        PhotonHashtable.of("a", 2)),
                Arguments.of("Dictionary with a short[] value type", "14 07 44 01 01 61 02 0100 0200",
                        dictionary(TypeCode.STRING, TypeCode.TYPED_ARRAY, "a", new short[] {1, 2})),
                Arguments.of("Dictionary with an int[][] value type (0x40 0x49)", "14 03 40 49 01 05 01 49 01 0E",
                        dictionary(TypeCode.BYTE, TypeCode.TYPED_ARRAY, (byte) 5, new int[][] {{7}})),
                Arguments.of("Dictionary with a slim custom value type", "14 07 D7 01 01 61 01 09",
                        dictionary(TypeCode.STRING, TypeCode.CUSTOM, "a", new CustomTypeValue((byte) 'W',
                                new byte[] {9}))),
                Arguments.of("Dictionary with a bool value type", "14 03 02 01 01 01",
                        dictionary(TypeCode.BYTE, TypeCode.BOOLEAN, (byte) 1, true)),
                Arguments.of("Dictionary with a float key type", "14 05 07 01 0000803F 01 61",
                        dictionary(TypeCode.FLOAT, TypeCode.STRING, 1f, "a")),
                Arguments.of("array of arrays, mixed, is Object[]", "40 02 49 00 47 00",
                        new Object[] {new int[0], new String[0]}));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("readOnlyValues")
    void acceptsCodesTheWriterDoesNotUse(String name, String hex, Object expected) throws ProtocolException {
        Object decoded = decodeValue(hex);
        assertEquals(Values.typeName(expected), Values.typeName(decoded));
        assertTrue(Values.deepEquals(expected, decoded), () -> "decoded " + Values.toDebugString(decoded));
    }

    @Test
    void dictionaryDeclaredTypesTravelInProtocol16Codes() throws ProtocolException {
        PhotonDictionary d = (PhotonDictionary) decodeValue("14 07 09 00");
        assertEquals(TypeCode.STRING, d.keyType());
        assertEquals(TypeCode.INT, d.valueType());
    }

    @Test
    void dictionaryEntriesThatDoNotFitTheirDeclaredTypeAreSentTyped() throws ProtocolException {
        // a V16 or Json client may declare int values and send a long: the value must arrive, typed
        PhotonDictionary d = dictionary(TypeCode.STRING, TypeCode.INT, "a", 5L);
        assertEquals(Hex.of(Hex.bytes(EVENT_WITH_ONE_PARAMETER + "14 07 00 01 01 61 0F 05")),
                Hex.of(encode(new EventData(1, Parameters.of(1, d)))));
        assertEquals(5L, ((PhotonDictionary) decodeValue("14 07 00 01 01 61 0F 05")).get("a"));
    }

    @Test
    void typedArrayDictionaryValuesGetTheirArrayCodeWhenTheyShareOne() throws ProtocolException {
        // Protocol16's 'y' names no single V18 array code; values of one array kind do (a V18 Dictionary<string,
        // short[]> relayed to a V18 client keeps its header), mixed ones are sent typed
        String shorts = "14 07 44 01 01 61 01 0100";
        PhotonDictionary d = (PhotonDictionary) decodeValue(shorts);
        assertEquals(TypeCode.TYPED_ARRAY, d.valueType());
        assertEquals(Hex.of(Hex.bytes(EVENT_WITH_ONE_PARAMETER + shorts)),
                Hex.of(encode(new EventData(1, Parameters.of(1, d)))));
        d.put("b", new long[] {2});
        assertEquals(Hex.of(Hex.bytes(EVENT_WITH_ONE_PARAMETER + "14 07 00 02 01 61 44 01 0100 01 62 4A 01 04")),
                Hex.of(encode(new EventData(1, Parameters.of(1, d)))));
    }

    // ---- message kinds ----

    @Test
    void workedEventFromTheSpec() throws ProtocolException {
        // §2.7: event 200, parameter 245 = int 7
        assertMessage("F3 04 C8 01 F5 0B 07", new EventData(200, Parameters.of(245, 7)));
    }

    @Test
    void operationRequestWithOneByteParameterCount() throws ProtocolException {
        assertMessage("F3 02 E2 01 FF 07 05 726F6F6D31", new OperationRequest(226, Parameters.of(255, "room1")));
    }

    @Test
    void internalPingRequestAndResponse() throws ProtocolException {
        assertMessage("F3 06 01 01 01 0B 31", new OperationRequest(1, Parameters.of(1, 49), true));
        assertMessage("F3 07 01 0000 08 02 01 0B 31 02 0D 0010",
                new OperationResponse(1, (short) 0, null, Parameters.of(1, 49, 2, 4096), true));
    }

    @Test
    void operationResponseReturnCodeIsLittleEndian() throws ProtocolException {
        assertMessage("F3 03 E3 FF7F 07 04 66756C6C 00",
                new OperationResponse(227, (short) 32767, "full", new Parameters()));
        assertMessage("F3 03 E3 F8FF 08 00", new OperationResponse(227, (short) -8, null, new Parameters()));
    }

    @Test
    void emptyDebugMessageIsSentAsNull() throws ProtocolException {
        byte[] encoded = encode(new OperationResponse(1, (short) 0, "", new Parameters()));
        assertEquals("F3 03 01 00 00 08 00", Hex.of(encoded));
        assertNull(((OperationResponse) decode(Hex.of(encoded))).debugMessage());
    }

    @Test
    void twoHundredFiftyFiveParametersFitTheOneByteCount() throws ProtocolException {
        Parameters p = new Parameters();
        for (int i = 0; i < 255; i++) {
            p.put(i, (byte) i);
        }
        byte[] encoded = encode(new EventData(3, p));
        assertEquals((byte) 0xFF, encoded[3]);
        assertEquals(p, ((EventData) decode(Hex.of(encoded))).parameters());
    }

    @Test
    void readsFromASliceOfALargerBuffer() throws ProtocolException {
        byte[] padded = Hex.bytes("AAAA F3 04 07 00 BBBB");
        Message m = protocol.decode(WireFrame.binary(ByteBuffer.wrap(padded, 2, 4).slice()), ProtocolLimits.DEFAULTS);
        assertEquals(7, assertInstanceOf(EventData.class, m).code());
    }

    // ---- registered custom types ----

    record Vec(float x, float y) {
    }

    private static final CustomTypes VECTORS = CustomTypes.builder()
            .register((byte) 'V', Vec.class,
                    v -> ByteBuffer.allocate(8).order(ByteOrder.LITTLE_ENDIAN).putFloat(v.x()).putFloat(v.y()).array(),
                    b -> {
                        ByteBuffer buf = ByteBuffer.wrap(b).order(ByteOrder.LITTLE_ENDIAN);
                        return new Vec(buf.getFloat(), buf.getFloat());
                    })
            .build();

    @Test
    void registeredCustomTypeMapsToItsClass() throws ProtocolException {
        GpBinaryV18Protocol withVectors = new GpBinaryV18Protocol(VECTORS);
        String hex = EVENT_WITH_ONE_PARAMETER + "D6 08 0000C03F 00000040";
        EventData e = new EventData(1, Parameters.of(1, new Vec(1.5f, 2f)));
        assertEquals(Hex.of(Hex.bytes(hex)), Hex.of(withVectors.encode(e).binary().array()));
        assertEquals(e, withVectors.decode(WireFrame.binary(Hex.bytes(hex)), ProtocolLimits.DEFAULTS));
    }

    @Test
    void registeredCustomTypeArray() throws ProtocolException {
        GpBinaryV18Protocol withVectors = new GpBinaryV18Protocol(VECTORS);
        String hex = EVENT_WITH_ONE_PARAMETER + "53 01 56 08 0000C03F 00000040";
        EventData e = new EventData(1, Parameters.of(1, (Object) new Vec[] {new Vec(1.5f, 2f)}));
        assertEquals(Hex.of(Hex.bytes(hex)), Hex.of(withVectors.encode(e).binary().array()));
        EventData decoded = (EventData) withVectors.decode(WireFrame.binary(Hex.bytes(hex)), ProtocolLimits.DEFAULTS);
        assertArrayEquals(new Vec[] {new Vec(1.5f, 2f)}, (Vec[]) decoded.parameters().get(1));
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
