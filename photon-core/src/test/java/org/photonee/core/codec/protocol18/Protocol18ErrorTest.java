package org.photonee.core.codec.protocol18;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.photonee.core.codec.Hex;
import org.photonee.core.codec.protocol16.CustomTypes;
import org.photonee.core.codec.protocol16.TypeCode;
import org.photonee.core.protocol.CustomTypeValue;
import org.photonee.core.protocol.EventData;
import org.photonee.core.protocol.Message;
import org.photonee.core.protocol.OperationRequest;
import org.photonee.core.protocol.Parameters;
import org.photonee.core.protocol.PhotonDictionary;
import org.photonee.core.protocol.PhotonHashtable;
import org.photonee.core.protocol.ProtocolException;
import org.photonee.core.protocol.ProtocolLimits;
import org.photonee.core.protocol.WireFrame;

/** Malformed, truncated, oversized and hostile Protocol18 input: always a ProtocolException with a precise message. */
class Protocol18ErrorTest {
    private final GpBinaryV18Protocol protocol = new GpBinaryV18Protocol();

    private static final String PREFIX = "F3 04 01 01 01";

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            empty input                  |                                  | truncated message header: needs 1 bytes, 0 left at offset 0
            bad magic                    | F4 04 01 00                      | expected message header 0xF3, got 0xF4 at offset 0
            encrypted                    | F3 84 01 00                      | encrypted message (type 0x84) reached the decoder: decrypt it first (EncryptedFrames) at offset 1
            init message                 | F3 00 01 00                      | message type 0 (Init) is not supported at offset 1
            disconnect message           | F3 05 01 00                      | message type 5 (Disconnect) is not supported at offset 1
            raw message                  | F3 09 01 00                      | message type 9 (RawMessage) is not supported at offset 1
            unknown message type         | F3 0A 01 00                      | message type 10 (unknown) is not supported at offset 1
            Unknown 0 as a value         | F3 04 01 01 01 00                | unknown type code 0 at offset 5
            unused code 22               | F3 04 01 01 01 16                | unknown type code 22 at offset 5
            unused code 72               | F3 04 01 01 01 48                | unknown type code 72 at offset 5
            slim code beyond 228         | F3 04 01 01 01 E5                | unknown type code 229 at offset 5
            trailing garbage             | F3 04 01 00 00                   | 1 trailing bytes after the message at offset 4
            truncated float              | F3 04 01 01 01 05 0000           | truncated float: needs 4 bytes, 2 left at offset 6
            truncated Int2               | F3 04 01 01 01 0D 01             | truncated int: needs 2 bytes, 1 left at offset 6
            varint longer than 5 bytes   | F3 04 01 01 01 09 FFFFFFFFFF01   | compressed int is a varint longer than 5 bytes at offset 6
            varint beyond 32 bits        | F3 04 01 01 01 09 FFFFFFFF1F     | compressed int does not fit 32 bits at offset 6
            varint beyond 64 bits        | F3 04 01 01 01 0A FFFFFFFFFFFFFFFFFF02 | compressed long does not fit 64 bits at offset 6
            truncated varint             | F3 04 01 01 01 09 80             | truncated compressed int: needs 1 bytes, 0 left at offset 7
            string over the limit        | F3 04 01 01 01 07 FFFF03 41      | string of 65535 bytes exceeds the limit of 32767 at offset 6
            string longer than input     | F3 04 01 01 01 07 05 41          | truncated string: needs 5 bytes, 1 left at offset 7
            bad UTF-8                    | F3 04 01 01 01 07 02 C328        | invalid UTF-8 in a string of 2 bytes at offset 7
            byte[] longer than input     | F3 04 01 01 01 43 FFFFFFFF0F     | truncated byte[] length of 4294967295 bytes, 0 left at offset 6
            int[] over the limit         | F3 04 01 01 01 49 FFFFFFFF07     | int[] of 2147483647 elements exceeds the limit of 65536 at offset 6
            double[] longer than input   | F3 04 01 01 01 46 02 0000        | double[] of 2 elements needs at least 16 bytes, 2 left at offset 6
            boolean[] longer than input  | F3 04 01 01 01 42 11 FF          | truncated boolean[]: needs 3 bytes, 1 left at offset 7
            Object[] longer than input   | F3 04 01 01 01 17 FF7F           | Object[] of 16383 elements needs at least 16383 bytes, 0 left at offset 6
            Hashtable over the limit     | F3 04 01 01 01 15 FFFFFFFF0F     | Hashtable of 4294967295 elements exceeds the limit of 65536 at offset 6
            parameter table too long     | F3 04 01 05 01 08                | parameter table of 5 elements needs at least 10 bytes, 2 left at offset 3
            Dictionary bool key type     | F3 04 01 01 01 14 02 00 00       | invalid Dictionary key type 2 at offset 6
            Dictionary null value type   | F3 04 01 01 01 14 07 08 00       | invalid Dictionary value type 8 at offset 7
            Dictionary shortcut value    | F3 04 01 01 01 14 07 1E 00       | invalid Dictionary value type 30 at offset 7
            Dictionary bad array type    | F3 04 01 01 01 14 07 40 09 00    | invalid array element type 9 in a Dictionary header at offset 8
            Dictionary null key          | F3 04 01 01 01 14 00 00 01 08 08 | null key in a Dictionary at offset 9
            Dictionary longer than input | F3 04 01 01 01 14 06 06 02 00    | Dictionary of 2 elements needs at least 32 bytes, 1 left at offset 8
            array of arrays of ints      | F3 04 01 01 01 40 01 0B 01       | array of arrays holds a Integer at offset 7
            custom longer than input     | F3 04 01 01 01 D7 05 00          | truncated custom type length of 5 bytes, 1 left at offset 6
            custom array longer          | F3 04 01 01 01 53 05 57 00       | custom type array of 5 elements needs at least 5 bytes, 1 left at offset 6
            debug message not a string   | F3 03 01 0000 0B 01 00           | debug message must be null or a string, got type code 11 at offset 5
            """)
    void rejects(String name, String hex, String message) {
        ProtocolException e = assertThrows(ProtocolException.class, () -> decode(hex == null ? "" : hex));
        assertEquals(message, e.getMessage());
    }

    @Test
    void truncatedAtEveryPositionOfARichMessage() {
        byte[] full = protocol.encode(richEvent()).binary().array();
        for (int cut = 0; cut < full.length; cut++) {
            byte[] prefix = Arrays.copyOf(full, cut);
            int at = cut;
            ProtocolException e = assertThrows(ProtocolException.class, () -> decode(prefix),
                    () -> "prefix of " + at + " bytes");
            assertTrue(e.getMessage().matches(".* at offset \\d+"), e.getMessage());
        }
    }

    @Test
    void depthBombIsRejectedWithoutStackOverflow() {
        StringBuilder hex = new StringBuilder(PREFIX);
        hex.append(" 17 01".repeat(100_000)).append(" 08");
        ProtocolException e = assertThrows(ProtocolException.class, () -> decode(hex.toString()));
        // the 33rd Object[] starts after the 5-byte prefix and 32 arrays of 2 bytes; reported after its count
        assertEquals("values nested deeper than 32 levels at offset " + (5 + 32 * 2 + 2), e.getMessage());
    }

    @Test
    void dictionaryHeaderBombIsRejected() {
        // a dictionary of dictionaries of dictionaries ... declared in one header, never reaching a body
        String hex = PREFIX + " 14" + " 07 14".repeat(100_000) + " 07 07 00";
        ProtocolException e = assertThrows(ProtocolException.class, () -> decode(hex));
        assertTrue(e.getMessage().startsWith("values nested deeper than 32 levels"), e.getMessage());
    }

    @Test
    void arrayTypeBombInADictionaryHeaderIsRejected() {
        String hex = PREFIX + " 14 07" + " 40".repeat(100_000) + " 49 00";
        ProtocolException e = assertThrows(ProtocolException.class, () -> decode(hex));
        assertTrue(e.getMessage().startsWith("array type nested deeper than 32 levels"), e.getMessage());
    }

    @Test
    void depthBombIsRejectedEvenWhenTheLimitIsHuge() {
        ProtocolLimits lax = new ProtocolLimits(10_000_000, Integer.MAX_VALUE, 32767, 65536);
        String hex = PREFIX + " 15 01 08 15 01 08".repeat(100_000) + " 08";
        ProtocolException e = assertThrows(ProtocolException.class,
                () -> protocol.decode(WireFrame.binary(Hex.bytes(hex)), lax));
        assertTrue(e.getMessage().startsWith("values nested deeper than " + Protocol18Reader.MAX_SUPPORTED_DEPTH),
                e.getMessage());
    }

    @Test
    void nestingUpToTheLimitIsAccepted() throws ProtocolException {
        String hex = PREFIX + " 17 01".repeat(32) + " 08";
        Object v = ((EventData) decode(hex)).parameters().get(1);
        for (int i = 0; i < 32; i++) {
            v = ((Object[]) v)[0];
        }
        assertEquals(null, v);
    }

    @Test
    void nestedAnnouncementsBeyondTheMessageSizeAreRejected() {
        // Object[] of 1000 whose first element announces 998 more: each count fits the bytes left, their sum does not.
        String hex = PREFIX + " 17 E807 17 E607" + " 08".repeat(998);
        ProtocolException e = assertThrows(ProtocolException.class, () -> decode(hex));
        assertEquals("the message announces more elements than it has bytes (Object[] of 998 elements)"
                + " at offset 9", e.getMessage());
    }

    @Test
    void limitsFromTheCallerApply() {
        ProtocolLimits tight = new ProtocolLimits(64, 2, 4, 3);
        assertEquals("string of 5 bytes exceeds the limit of 4 at offset 6",
                decodeError(PREFIX + " 07 05 6162636465", tight));
        assertEquals("Object[] of 4 elements exceeds the limit of 3 at offset 6",
                decodeError(PREFIX + " 17 04 08080808", tight));
        assertEquals("values nested deeper than 2 levels at offset 11",
                decodeError(PREFIX + " 17 01 17 01 17 01 08", tight));
        assertEquals("message of 65 bytes exceeds the limit of 64",
                decodeError(PREFIX + " 43 3A" + " 00".repeat(58), tight));
    }

    @Test
    void failingCustomDeserializerRejectsTheMessage() {
        CustomTypes broken = CustomTypes.builder()
                .register((byte) 1, String.class, s -> new byte[0], b -> {
                    throw new IllegalStateException("boom");
                }).build();
        ProtocolException e = assertThrows(ProtocolException.class, () -> new GpBinaryV18Protocol(broken)
                .decode(WireFrame.binary(Hex.bytes(PREFIX + " 81 00")), ProtocolLimits.DEFAULTS));
        assertEquals("custom type 1 could not be deserialized: java.lang.IllegalStateException: boom at offset 6",
                e.getMessage());
    }

    @Test
    void textFrameIsRejected() {
        assertThrows(ProtocolException.class, () -> protocol.decode(WireFrame.text("{}"), ProtocolLimits.DEFAULTS));
    }

    // ---- encoding values the protocol cannot carry ----

    @Test
    void encodingRejectsWhatTheProtocolCannotCarry() {
        assertEncodeFails(new Object(), "cannot encode a value of type java.lang.Object");
        assertEncodeFails("x".repeat(32768), "string of 32768 UTF-8 bytes exceeds 32767");
        assertEncodeFails("é".repeat(20000), "string of 40000 UTF-8 bytes exceeds 32767");
        assertEncodeFails(new String[] {"a", null}, "null element in a String[]: only Object[] can hold nulls");
        assertEncodeFails(new PhotonHashtable[] {null},
                "null element in a PhotonHashtable[]: only Object[] can hold nulls");
        Map<Object, Object> nullKey = new HashMap<>();
        nullKey.put(null, 1);
        assertEncodeFails(nullKey, "null key in a Hashtable");
        Map<Object, Object> selfContaining = new HashMap<>();
        selfContaining.put("me", new Object[] {selfContaining});
        assertEncodeFails(selfContaining, "values nested deeper than 128 levels");
        Parameters tooMany = new Parameters();
        for (int i = 0; i < 256; i++) {
            tooMany.put(i, null);
        }
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> protocol.encode(new EventData(1, tooMany)));
        assertEquals("a Protocol18 parameter table holds at most 255 entries, not 256", e.getMessage());
    }

    @Test
    void customValuesOfMixedCodesTravelAsAnObjectArray() throws ProtocolException {
        CustomTypeValue[] mixed = {new CustomTypeValue((byte) 1, new byte[0]), new CustomTypeValue((byte) 2,
                new byte[0])};
        byte[] encoded = protocol.encode(new EventData(1, Parameters.of(1, (Object) mixed))).binary().array();
        assertEquals(PREFIX + " 17 02 81 00 82 00", Hex.of(encoded));
        Object[] decoded = (Object[]) ((EventData) decode(encoded)).parameters().get(1);
        assertEquals(mixed[1], decoded[1]);
    }

    @Test
    void writerIsReusableAfterAFailure() {
        assertEncodeFails(new Object(), "cannot encode a value of type java.lang.Object");
        assertEquals("F3 04 07 00", Hex.of(protocol.encode(new EventData(7)).binary().array()));
    }

    // ---- helpers ----

    static EventData richEvent() {
        PhotonDictionary d = new PhotonDictionary(TypeCode.STRING, (byte) 0);
        d.put("k", new int[] {1, 2});
        return new EventData(200, Parameters.of(
                245, PhotonHashtable.of((byte) 0, 1, "pos", new float[] {1f, 2f}, "name", "héllo"),
                244, new Object[] {(byte) 1, (short) 2, 3L, 4.0, true, null, new byte[] {9}, 70000, -1L << 40},
                243, d,
                242, new String[] {"a", "b"},
                241, new CustomTypeValue((byte) 'V', new byte[] {1, 2, 3}),
                239, new boolean[] {true, false, true},
                238, new PhotonDictionary[] {d},
                240, new OperationRequest(3, Parameters.of(1, "x"))));
    }

    private void assertEncodeFails(Object value, String message) {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> protocol.encode(new EventData(1, Parameters.of(1, value))));
        assertEquals(message, e.getMessage());
    }

    private String decodeError(String hex, ProtocolLimits limits) {
        return assertThrows(ProtocolException.class,
                () -> protocol.decode(WireFrame.binary(Hex.bytes(hex)), limits)).getMessage();
    }

    private Message decode(String hex) throws ProtocolException {
        return decode(Hex.bytes(hex));
    }

    private Message decode(byte[] bytes) throws ProtocolException {
        return protocol.decode(WireFrame.binary(bytes), ProtocolLimits.DEFAULTS);
    }
}
