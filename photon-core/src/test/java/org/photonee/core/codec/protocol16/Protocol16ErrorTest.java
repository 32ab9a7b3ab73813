package org.photonee.core.codec.protocol16;

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

/** Malformed, truncated, oversized and hostile input: always a ProtocolException with a precise message. */
class Protocol16ErrorTest {
    private final GpBinaryV16Protocol protocol = new GpBinaryV16Protocol();

    private static final String PREFIX = "F3 04 01 0001 01";

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            empty input                 |                                    | truncated message header: needs 1 bytes, 0 left at offset 0
            bad magic                   | F4 04 01 0000                      | expected message header 0xF3, got 0xF4 at offset 0
            encrypted                   | F3 84 01 0000                      | encrypted message (type 0x84) reached the decoder: decrypt it first (EncryptedFrames) at offset 1
            init message                | F3 00 01 0000                      | message type 0 (Init) is not supported at offset 1
            disconnect message          | F3 05 01 0000                      | message type 5 (Disconnect) is not supported at offset 1
            unknown message type        | F3 09 01 0000                      | unknown message type 9 at offset 1
            unknown type code           | F3 04 01 0001 01 01                | unknown type code 1 at offset 6
            unknown printable type code | F3 04 01 0001 01 41                | unknown type code 65 ('A') at offset 6
            trailing garbage            | F3 04 01 0000 00                   | 1 trailing bytes after the message at offset 5
            truncated int               | F3 04 01 0001 01 69 0000           | truncated int: needs 4 bytes, 2 left at offset 7
            string longer than input    | F3 04 01 0001 01 73 7FFF 41        | truncated string: needs 32767 bytes, 1 left at offset 9
            negative string length      | F3 04 01 0001 01 73 FFFF           | negative string length -1 at offset 7
            bad UTF-8                   | F3 04 01 0001 01 73 0002 C328      | invalid UTF-8 in a string of 2 bytes at offset 9
            UTF-8 surrogate             | F3 04 01 0001 01 73 0003 EDA080    | invalid UTF-8 in a string of 3 bytes at offset 9
            overlong UTF-8              | F3 04 01 0001 01 73 0002 C0AF      | invalid UTF-8 in a string of 2 bytes at offset 9
            byte[] longer than input    | F3 04 01 0001 01 78 7FFFFFFF       | truncated byte[]: needs 2147483647 bytes, 0 left at offset 11
            negative byte[] length      | F3 04 01 0001 01 78 80000000       | negative byte[] length -2147483648 at offset 7
            int[] over the limit        | F3 04 01 0001 01 6E 7FFFFFFF       | int[] of 2147483647 elements exceeds the limit of 65536 at offset 7
            int[] longer than input     | F3 04 01 0001 01 6E 00000002 0000  | int[] of 2 elements needs at least 8 bytes, 2 left at offset 7
            Object[] longer than input  | F3 04 01 0001 01 7A 7FFF           | Object[] of 32767 elements needs at least 32767 bytes, 0 left at offset 7
            negative Hashtable count    | F3 04 01 0001 01 68 8000           | negative Hashtable count -32768 at offset 7
            parameter table too long    | F3 04 01 0005 01 2A                | parameter table of 5 elements needs at least 10 bytes, 2 left at offset 3
            boolean not 0 or 1          | F3 04 01 0001 01 6F 02             | boolean must be 0 or 1, got 2 at offset 7
            null Hashtable key          | F3 04 01 0001 01 68 0001 2A 2A     | null key in a Hashtable at offset 9
            typed array of nulls        | F3 04 01 0001 01 79 0001 2A        | invalid typed array element type 42 ('*') at offset 9
            typed array unknown element | F3 04 01 0001 01 79 0001 01        | invalid typed array element type 1 at offset 9
            Dictionary unknown key type | F3 04 01 0001 01 44 01 00 0000     | unknown Dictionary key type 1 at offset 7
            debug message not a string  | F3 03 01 0000 69 00000001 0000     | debug message must be null or a string, got type code 105 ('i') at offset 5
            custom longer than input    | F3 04 01 0001 01 63 57 0005 00     | truncated custom type data: needs 5 bytes, 1 left at offset 10
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
        int levels = 100_000;
        StringBuilder hex = new StringBuilder(PREFIX);
        hex.append(" 7A 0001".repeat(levels)).append(" 2A");
        ProtocolException e = assertThrows(ProtocolException.class, () -> decode(hex.toString()));
        // the 33rd Object[] starts after the 6-byte prefix and 32 arrays of 3 bytes; reported after its count
        assertEquals("values nested deeper than 32 levels at offset " + (6 + 32 * 3 + 3), e.getMessage());
    }

    @Test
    void depthBombIsRejectedEvenWhenTheLimitIsHuge() {
        ProtocolLimits lax = new ProtocolLimits(10_000_000, Integer.MAX_VALUE, 32767, 65536);
        String hex = PREFIX + " 7A 0001".repeat(200_000) + " 2A";
        ProtocolException e = assertThrows(ProtocolException.class,
                () -> protocol.decode(WireFrame.binary(Hex.bytes(hex)), lax));
        assertTrue(e.getMessage().startsWith("values nested deeper than " + Protocol16Reader.MAX_SUPPORTED_DEPTH));
    }

    @Test
    void nestingUpToTheLimitIsAccepted() throws ProtocolException {
        String hex = PREFIX + " 7A 0001".repeat(32) + " 2A";
        Object v = ((EventData) decode(hex)).parameters().get(1);
        for (int i = 0; i < 32; i++) {
            v = ((Object[]) v)[0];
        }
        assertEquals(null, v);
    }

    @Test
    void nestedAnnouncementsBeyondTheMessageSizeAreRejected() {
        // Object[] of 1000 whose first element announces 997 more: each count fits the bytes left, their sum does not.
        String hex = PREFIX + " 7A 03E8 7A 03E5" + " 2A".repeat(997);
        ProtocolException e = assertThrows(ProtocolException.class, () -> decode(hex));
        assertEquals("the message announces more elements than it has bytes (Object[] of 997 elements)"
                + " at offset 10", e.getMessage());
    }

    @Test
    void limitsFromTheCallerApply() {
        ProtocolLimits tight = new ProtocolLimits(64, 2, 4, 3);
        assertEquals("string of 5 bytes exceeds the limit of 4 at offset 7",
                decodeError(PREFIX + " 73 0005 6162636465", tight));
        assertEquals("Object[] of 4 elements exceeds the limit of 3 at offset 7",
                decodeError(PREFIX + " 7A 0004 2A2A2A2A", tight));
        assertEquals("values nested deeper than 2 levels at offset 15",
                decodeError(PREFIX + " 7A 0001 7A 0001 7A 0001 2A", tight));
        assertEquals("message of 68 bytes exceeds the limit of 64",
                decodeError(PREFIX + " 78 00000039" + " 00".repeat(57), tight));
    }

    @Test
    void failingCustomDeserializerRejectsTheMessage() {
        CustomTypes broken = CustomTypes.builder()
                .register((byte) 1, String.class, s -> new byte[0], b -> {
                    throw new IllegalStateException("boom");
                }).build();
        ProtocolException e = assertThrows(ProtocolException.class, () -> new GpBinaryV16Protocol(broken)
                .decode(WireFrame.binary(Hex.bytes(PREFIX + " 63 01 0000")), ProtocolLimits.DEFAULTS));
        assertEquals("custom type 1 could not be deserialized: java.lang.IllegalStateException: boom at offset 8",
                e.getMessage());
    }

    @Test
    void textFrameIsRejected() {
        assertThrows(ProtocolException.class, () -> protocol.decode(WireFrame.text("{}"), ProtocolLimits.DEFAULTS));
    }

    // ---- encoding values the protocol cannot carry ----

    @Test
    void encodingRejectsWhatTheProtocolCannotCarry() {
        assertEncodeFails(new Object(), "Protocol16 cannot encode a value of type java.lang.Object");
        assertEncodeFails("x".repeat(32768), "string of 32768 chars exceeds 32767 UTF-8 bytes");
        assertEncodeFails("é".repeat(20000), "string of 40000 UTF-8 bytes exceeds 32767");
        assertEncodeFails(new Object[40000], "collection of 40000 elements exceeds 32767");
        assertEncodeFails(new PhotonHashtable[] {null},
                "null element in an array of type code 104 ('h'): only Object[] can hold nulls");
        PhotonDictionary d = new PhotonDictionary(TypeCode.STRING, TypeCode.INT);
        d.put("a", "not an int");
        assertEncodeFails(d, "Dictionary value of type String does not match the declared type code 105 ('i')");
        assertEncodeFails(new CustomTypeValue[] {new CustomTypeValue((byte) 1, new byte[0]),
                new CustomTypeValue((byte) 2, new byte[0])},
                "custom values of one typed array must share one type code, got 1 and 2");
        Map<Object, Object> selfContaining = new HashMap<>();
        selfContaining.put("me", new Object[] {selfContaining});
        assertEncodeFails(selfContaining, "value nested deeper than 128 levels");
    }

    @Test
    void writerIsReusableAfterAFailure() {
        assertEncodeFails(new Object(), "Protocol16 cannot encode a value of type java.lang.Object");
        assertEquals("F3 04 07 00 00", Hex.of(protocol.encode(new EventData(7)).binary().array()));
    }

    // ---- helpers ----

    static EventData richEvent() {
        PhotonDictionary d = new PhotonDictionary(TypeCode.STRING, (byte) 0);
        d.put("k", new int[] {1, 2});
        return new EventData(200, Parameters.of(
                245, PhotonHashtable.of((byte) 0, 1, "pos", new float[] {1f, 2f}, "name", "héllo"),
                244, new Object[] {(byte) 1, (short) 2, 3L, 4.0, true, null, new byte[] {9}},
                243, d,
                242, new String[] {"a", "b"},
                241, new CustomTypeValue((byte) 'V', new byte[] {1, 2, 3}),
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
