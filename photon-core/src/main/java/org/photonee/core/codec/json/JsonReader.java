package org.photonee.core.codec.json;

import java.util.ArrayList;
import org.photonee.core.protocol.PhotonHashtable;
import org.photonee.core.protocol.ProtocolException;
import org.photonee.core.protocol.ProtocolLimits;

/**
 * A strict JSON (RFC 8259) parser for untrusted text that produces the server's typed values directly, following the
 * mapping documented on {@link JsonProtocol}: objects become {@link PhotonHashtable} (numeric keys 0..255 become Byte
 * keys), arrays {@code Object[]}, whole numbers Integer or Long, other numbers Double.
 *
 * <p>Strict: no comments, trailing commas, single quotes, leading zeros, NaN/Infinity, raw control characters in
 * strings or text after the document. Bounded: nesting by {@code maxDepth} (capped at {@link #MAX_SUPPORTED_DEPTH},
 * the parser recurses once per level), string length and element counts by {@link ProtocolLimits}. Every failure is a
 * {@link ProtocolException} naming the offset in the frame text.
 */
final class JsonReader {
    /** Hard ceiling on nesting whatever the limits say. */
    static final int MAX_SUPPORTED_DEPTH = 128;

    private final String text;
    private final int end;
    private final ProtocolLimits limits;
    private final int maxDepth;
    private final boolean byteKeys;
    private int pos;
    private int depth;

    /**
     * Parses {@code text} from {@code start} to its end. The outermost {@code uncountedLevels} arrays and objects are
     * structure (the message object, its {@code vals}) and do not count against {@link ProtocolLimits#maxDepth()}.
     */
    JsonReader(String text, int start, int uncountedLevels, ProtocolLimits limits) {
        this(text, start, uncountedLevels, limits, true);
    }

    /**
     * @param byteKeys whether member names "0".."255" become Byte keys (the client protocol's mapping) or stay
     *                 strings (documents from web services)
     */
    JsonReader(String text, int start, int uncountedLevels, ProtocolLimits limits, boolean byteKeys) {
        this.byteKeys = byteKeys;
        this.text = text;
        this.pos = start;
        this.end = text.length();
        this.limits = limits;
        this.maxDepth = Math.min(limits.maxDepth(), MAX_SUPPORTED_DEPTH);
        this.depth = -uncountedLevels;
    }

    /** Reads exactly one JSON value, surrounded by optional whitespace. */
    Object readDocument() throws ProtocolException {
        Object v = readValue();
        skipWhitespace();
        if (pos != end) {
            throw error("unexpected " + describe(pos) + " after the JSON document");
        }
        return v;
    }

    private Object readValue() throws ProtocolException {
        skipWhitespace();
        if (pos >= end) {
            throw error("unexpected end of JSON, expected a value");
        }
        char c = text.charAt(pos);
        return switch (c) {
            case '{' -> readObject();
            case '[' -> readArray();
            case '"' -> readString();
            case 't' -> literal("true", Boolean.TRUE);
            case 'f' -> literal("false", Boolean.FALSE);
            case 'n' -> literal("null", null);
            default -> {
                if (c == '-' || c >= '0' && c <= '9') {
                    yield readNumber();
                }
                throw error("unexpected " + describe(pos) + ", expected a value");
            }
        };
    }

    private PhotonHashtable readObject() throws ProtocolException {
        enter();
        pos++;
        PhotonHashtable t = new PhotonHashtable();
        skipWhitespace();
        if (peek() == '}') {
            pos++;
            depth--;
            return t;
        }
        while (true) {
            skipWhitespace();
            if (peek() != '"') {
                throw error("unexpected " + describe(pos) + ", expected a member name");
            }
            String name = readString();
            skipWhitespace();
            expect(':');
            Object value = readValue();
            t.put(byteKeys ? keyOf(name) : name, value);
            if (t.size() > limits.maxCollectionLength()) {
                throw error("object of more than " + limits.maxCollectionLength() + " members");
            }
            skipWhitespace();
            if (peek() == ',') {
                pos++;
            } else if (peek() == '}') {
                pos++;
                depth--;
                return t;
            } else {
                throw error("unexpected " + describe(pos) + ", expected ',' or '}'");
            }
        }
    }

    private Object[] readArray() throws ProtocolException {
        enter();
        pos++;
        ArrayList<Object> list = new ArrayList<>();
        skipWhitespace();
        if (peek() == ']') {
            pos++;
            depth--;
            return list.toArray();
        }
        while (true) {
            list.add(readValue());
            if (list.size() > limits.maxCollectionLength()) {
                throw error("array of more than " + limits.maxCollectionLength() + " elements");
            }
            skipWhitespace();
            if (peek() == ',') {
                pos++;
            } else if (peek() == ']') {
                pos++;
                depth--;
                return list.toArray();
            } else {
                throw error("unexpected " + describe(pos) + ", expected ',' or ']'");
            }
        }
    }

    /** Reads a string starting at its opening quote; copies only when it contains escapes. */
    private String readString() throws ProtocolException {
        int open = pos++;
        int runStart = pos;
        StringBuilder sb = null;
        while (true) {
            if (pos >= end) {
                pos = open;
                throw error("unterminated string");
            }
            char c = text.charAt(pos);
            if (c == '"') {
                String s = sb == null ? text.substring(runStart, pos) : sb.append(text, runStart, pos).toString();
                pos++;
                if (s.length() > limits.maxStringLength()) {
                    pos = open;
                    throw error("string of " + s.length() + " chars exceeds the limit of " + limits.maxStringLength());
                }
                return s;
            }
            if (c < 0x20) {
                throw error("unescaped control character U+" + String.format("%04X", (int) c) + " in a string");
            }
            if (c == '\\') {
                if (sb == null) {
                    sb = new StringBuilder();
                }
                sb.append(text, runStart, pos);
                sb.append(readEscape());
                runStart = pos;
            } else {
                pos++;
            }
        }
    }

    private char readEscape() throws ProtocolException {
        int at = pos;
        pos++;
        if (pos >= end) {
            pos = at;
            throw error("unterminated escape sequence");
        }
        char e = text.charAt(pos++);
        switch (e) {
            case '"', '\\', '/' -> {
                return e;
            }
            case 'b' -> {
                return '\b';
            }
            case 'f' -> {
                return '\f';
            }
            case 'n' -> {
                return '\n';
            }
            case 'r' -> {
                return '\r';
            }
            case 't' -> {
                return '\t';
            }
            case 'u' -> {
                if (end - pos < 4) {
                    pos = at;
                    throw error("truncated \\u escape");
                }
                int v = 0;
                for (int i = 0; i < 4; i++) {
                    int d = Character.digit(text.charAt(pos + i), 16);
                    if (d < 0 || text.charAt(pos + i) > 'f') {
                        pos = at;
                        throw error("invalid \\u escape");
                    }
                    v = v << 4 | d;
                }
                pos += 4;
                // A lone surrogate is kept: JavaScript strings may hold one, and Java's can too.
                return (char) v;
            }
            default -> {
                pos = at;
                throw error("invalid escape sequence \\" + printable(e));
            }
        }
    }

    /** Integral literals become Integer, or Long beyond int range; fractions, exponents and huge integers Double. */
    private Object readNumber() throws ProtocolException {
        int start = pos;
        if (peek() == '-') {
            pos++;
        }
        int intStart = pos;
        if (peek() == '0') {
            pos++;
            if (isDigit(peek())) {
                throw error("invalid number: leading zero");
            }
        } else if (isDigit(peek())) {
            while (isDigit(peek())) {
                pos++;
            }
        } else {
            throw error("invalid number: expected a digit");
        }
        boolean integral = true;
        if (peek() == '.') {
            integral = false;
            pos++;
            digits("fraction");
        }
        if (peek() == 'e' || peek() == 'E') {
            integral = false;
            pos++;
            if (peek() == '+' || peek() == '-') {
                pos++;
            }
            digits("exponent");
        }
        if (integral && pos - intStart <= 18) {
            long v = Long.parseLong(text, start, pos, 10);
            return v == (int) v ? (Object) (int) v : (Object) v;
        }
        if (integral && pos - intStart == 19) {
            try {
                return Long.parseLong(text, start, pos, 10);
            } catch (NumberFormatException beyondLong) {
                // falls through to Double, like any larger integer
            }
        }
        double d = Double.parseDouble(text.substring(start, pos));
        if (Double.isInfinite(d)) {
            pos = start;
            throw error("number out of range");
        }
        return d;
    }

    /**
     * Object member names "0".."255" in canonical decimal become Byte keys: that is how the JavaScript client sends the
     * well-known byte keys of property tables. Any other name stays a String.
     */
    static Object keyOf(String name) {
        int n = name.length();
        if (n == 0 || n > 3 || (n > 1 && name.charAt(0) == '0')) {
            return name;
        }
        int v = 0;
        for (int i = 0; i < n; i++) {
            char c = name.charAt(i);
            if (!isDigit(c)) {
                return name;
            }
            v = v * 10 + (c - '0');
        }
        return v <= 255 ? (Object) (byte) v : name;
    }

    private void digits(String part) throws ProtocolException {
        if (!isDigit(peek())) {
            throw error("invalid number: expected a digit in the " + part);
        }
        while (isDigit(peek())) {
            pos++;
        }
    }

    private Object literal(String word, Object value) throws ProtocolException {
        if (!text.startsWith(word, pos)) {
            throw error("unexpected " + describe(pos) + ", expected a value");
        }
        pos += word.length();
        return value;
    }

    private void enter() throws ProtocolException {
        if (++depth > maxDepth) {
            throw error("JSON nested deeper than " + maxDepth + " levels");
        }
    }

    private void expect(char c) throws ProtocolException {
        if (peek() != c) {
            throw error("unexpected " + describe(pos) + ", expected '" + c + "'");
        }
        pos++;
    }

    /** The next char, or 0 at the end (0 is never valid where peek is used). */
    private char peek() {
        return pos < end ? text.charAt(pos) : 0;
    }

    private void skipWhitespace() {
        while (pos < end) {
            char c = text.charAt(pos);
            if (c != ' ' && c != '\t' && c != '\n' && c != '\r') {
                return;
            }
            pos++;
        }
    }

    private static boolean isDigit(char c) {
        return c >= '0' && c <= '9';
    }

    private String describe(int at) {
        return at >= end ? "end of JSON" : "'" + printable(text.charAt(at)) + "'";
    }

    private static String printable(char c) {
        return c >= 0x20 && c < 0x7F ? String.valueOf(c) : String.format("\\u%04X", (int) c);
    }

    private ProtocolException error(String message) {
        return new ProtocolException("JSON: " + message + " at offset " + pos);
    }
}
