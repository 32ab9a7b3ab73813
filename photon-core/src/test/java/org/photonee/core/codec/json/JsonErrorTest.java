package org.photonee.core.codec.json;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.photonee.core.protocol.EventData;
import org.photonee.core.protocol.Parameters;
import org.photonee.core.protocol.ProtocolException;
import org.photonee.core.protocol.ProtocolLimits;
import org.photonee.core.protocol.WireFrame;

/** Malformed frames and JSON: always a ProtocolException naming the problem and its offset. */
class JsonErrorTest {
    private final JsonProtocol protocol = new JsonProtocol();

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', quoteCharacter = '`', textBlock = """
            empty                  | ``                                   | JSON: unexpected end of JSON, expected a value at offset 0
            frame length mismatch  | ~m~99~m~~j~{}                        | frame declares a payload of 99 chars but carries 5 at offset 3
            frame without length   | ~m~~m~~j~{}                          | malformed frame header: expected ~m~<length>~m~ at offset 0
            frame not JSON         | ~m~3~m~abc                           | frame payload is not JSON (missing ~j~) at offset 7
            not an object          | [1]                                  | message must be a JSON object
            no kind                | {"vals":[]}                          | message has none of "req", "irq", "res", "irs", "evt"
            two kinds              | {"req":1,"evt":2}                    | message has both "req" and "evt"
            code out of range      | {"req":256}                          | "req" must be a code 0..255, got 256
            code not a number      | {"req":"1"}                          | "req" must be a code 0..255, got a string
            odd vals               | {"req":1,"vals":[1]}                 | "vals" must alternate codes and values, but has 1 elements
            vals not an array      | {"req":1,"vals":{}}                  | "vals" must be an array
            parameter code float   | {"req":1,"vals":[1.5,2]}             | "vals[0]" must be a code 0..255, got 1.5
            err out of range       | {"res":1,"err":40000}                | "err" must be a return code in short range, got 40000
            msg not a string       | {"res":1,"err":0,"msg":3}            | "msg" must be a string, got 3
            trailing comma array   | {"req":1,"vals":[1,2,]}              | JSON: unexpected ']', expected a value at offset 21
            trailing comma object  | {"req":1,}                           | JSON: unexpected '}', expected a member name at offset 9
            unquoted name          | {req:1}                              | JSON: unexpected 'r', expected a member name at offset 1
            single quotes          | {'req':1}                            | JSON: unexpected ''', expected a member name at offset 1
            missing colon          | {"req" 1}                            | JSON: unexpected '1', expected ':' at offset 7
            leading zero           | {"req":01}                           | JSON: invalid number: leading zero at offset 8
            bare minus             | {"req":-}                            | JSON: invalid number: expected a digit at offset 8
            empty fraction         | {"req":1.}                           | JSON: invalid number: expected a digit in the fraction at offset 9
            empty exponent         | {"req":1e}                           | JSON: invalid number: expected a digit in the exponent at offset 9
            huge number            | {"req":1e999}                        | JSON: number out of range at offset 7
            NaN                    | {"req":NaN}                          | JSON: unexpected 'N', expected a value at offset 7
            comment                | {"req":1}//x                         | JSON: unexpected '/' after the JSON document at offset 9
            trailing garbage       | {"req":1}x                           | JSON: unexpected 'x' after the JSON document at offset 9
            two documents          | {"req":1},{"req":2}                  | JSON: unexpected ',' after the JSON document at offset 9
            bad literal            | {"req":tru}                          | JSON: unexpected 't', expected a value at offset 7
            unterminated string    | {"req":"abc                          | JSON: unterminated string at offset 7
            bad escape             | {"req":"a\\x"}                       | JSON: invalid escape sequence \\x at offset 9
            bad unicode escape     | {"req":"\\u12G4"}                    | JSON: invalid \\u escape at offset 8
            truncated escape       | {"req":"\\u12"}                      | JSON: invalid \\u escape at offset 8
            unclosed object        | {"req":1                             | JSON: unexpected end of JSON, expected ',' or '}' at offset 8
            unclosed array         | {"req":1,"vals":[1,2                 | JSON: unexpected end of JSON, expected ',' or ']' at offset 20
            """)
    void rejects(String name, String text, String message) {
        assertEquals(message, decodeError(text == null ? "" : text, ProtocolLimits.DEFAULTS));
    }

    @Test
    void rawControlCharacterInString() {
        assertEquals("JSON: unescaped control character U+000A in a string at offset 9",
                decodeError("{\"req\":\"a\nb\"}", ProtocolLimits.DEFAULTS));
    }

    @Test
    void truncatedAtEveryPosition() {
        String frame = protocol.encode(new EventData(7, Parameters.of(1, new Object[] {1, "x\"y", 2.5, null},
                2, org.photonee.core.protocol.PhotonHashtable.of((byte) 1, true, "k", -3)))).text();
        String json = frame.substring(frame.indexOf("~j~") + 3);
        for (int cut = 0; cut < json.length(); cut++) {
            String prefix = json.substring(0, cut);
            assertThrows(ProtocolException.class, () -> decode(prefix, ProtocolLimits.DEFAULTS), prefix);
            String reframed = JsonFraming.frame("~j~" + prefix);
            assertThrows(ProtocolException.class, () -> decode(reframed, ProtocolLimits.DEFAULTS), reframed);
        }
        for (int cut = 0; cut < frame.length(); cut++) {
            String prefix = frame.substring(0, cut);
            assertThrows(ProtocolException.class, () -> decode(prefix, ProtocolLimits.DEFAULTS), prefix);
        }
    }

    @Test
    void depthBombIsRejectedWithoutStackOverflow() {
        String bomb = "{\"evt\":1,\"vals\":[1," + "[".repeat(200_000) + "]".repeat(200_000) + "]}";
        ProtocolLimits lax = new ProtocolLimits(1_000_000, Integer.MAX_VALUE, 100, 100);
        assertEquals("JSON: JSON nested deeper than 128 levels at offset " + (19 + 128),
                decodeError(bomb, lax));
        assertEquals("JSON: JSON nested deeper than 32 levels at offset " + (19 + 32),
                decodeError(bomb, new ProtocolLimits(1_000_000, 32, 100, 100)));
    }

    @Test
    void nestingUpToTheLimitIsAccepted() throws ProtocolException {
        decode("{\"evt\":1,\"vals\":[1," + "[".repeat(32) + "]".repeat(32) + "]}", ProtocolLimits.DEFAULTS);
    }

    @Test
    void limitsFromTheCallerApply() {
        ProtocolLimits tight = new ProtocolLimits(60, 4, 4, 2);
        assertEquals("JSON: string of 5 chars exceeds the limit of 4 at offset 19",
                decodeError("{\"evt\":1,\"vals\":[1,\"abcde\"]}", tight));
        assertEquals("JSON: array of more than 2 elements at offset 25",
                decodeError("{\"evt\":1,\"vals\":[1,[1,2,3]]}", tight));
        assertEquals("JSON: object of more than 2 members at offset 37",
                decodeError("{\"evt\":1,\"vals\":[1,{\"a\":1,\"b\":2,\"c\":3}]}", tight));
        assertEquals("message of 63 chars exceeds the limit of 60",
                decodeError("{\"evt\":1,\"vals\":[1,\"" + "x".repeat(40) + "\"]}", tight));
    }

    @Test
    void binaryFrameIsRejected() {
        assertThrows(ProtocolException.class,
                () -> protocol.decode(WireFrame.binary(new byte[] {1}), ProtocolLimits.DEFAULTS));
    }

    @Test
    void encodingRejectsWhatJsonCannotCarry() {
        assertEncodeFails(new Object(), "Json cannot encode a value of type java.lang.Object");
        Map<Object, Object> badKey = new HashMap<>();
        badKey.put(1.5, 1);
        assertEncodeFails(badKey, "Json cannot encode a table key of type java.lang.Double");
        Map<Object, Object> selfContaining = new HashMap<>();
        selfContaining.put("me", selfContaining);
        assertEncodeFails(selfContaining, "value nested deeper than 128 levels");
        assertEquals("~m~28~m~~j~{\"evt\":7,\"vals\":[1,null]}",
                protocol.encode(new EventData(7, Parameters.of(1, null))).text(), "writer reusable after failure");
    }

    private void assertEncodeFails(Object value, String message) {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> protocol.encode(new EventData(1, Parameters.of(1, value))));
        assertEquals(message, e.getMessage());
    }

    private String decodeError(String text, ProtocolLimits limits) {
        return assertThrows(ProtocolException.class, () -> decode(text, limits)).getMessage();
    }

    private void decode(String text, ProtocolLimits limits) throws ProtocolException {
        protocol.decode(WireFrame.text(text), limits);
    }
}
