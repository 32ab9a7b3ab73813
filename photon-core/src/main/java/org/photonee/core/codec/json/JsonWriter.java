package org.photonee.core.codec.json;

import java.util.Map;
import org.photonee.core.protocol.CustomTypeValue;
import org.photonee.core.protocol.EventData;
import org.photonee.core.protocol.Message;
import org.photonee.core.protocol.OperationRequest;
import org.photonee.core.protocol.OperationResponse;
import org.photonee.core.protocol.Parameters;

/**
 * Writes messages and typed values as JSON text into a reusable {@link StringBuilder}, following the mapping
 * documented on {@link JsonProtocol}. Values JSON cannot carry throw {@link IllegalArgumentException}. Not
 * thread-safe; keep one per thread.
 */
final class JsonWriter {
    /** Deepest nesting followed; a guard against self-containing tables. */
    static final int MAX_DEPTH = 128;
    /** A builder grown past this by one large message is dropped on reset. */
    private static final int RETAINED_CAPACITY = 64 * 1024;

    private StringBuilder out = new StringBuilder(256);
    private int depth;

    void reset() {
        depth = 0;
        if (out.capacity() > RETAINED_CAPACITY) {
            out = new StringBuilder(256);
        } else {
            out.setLength(0);
        }
    }

    StringBuilder text() {
        return out;
    }

    JsonWriter append(String raw) {
        out.append(raw);
        return this;
    }

    /**
     * A message in its wire shape: {@code {"req":op,"vals":[...]}}, {@code {"irq":op,...}},
     * {@code {"res":op,"err":code,"msg":"...","vals":[...]}} ("err" always, "msg" only when there is one),
     * {@code {"irs":op,"vals":[...]}} ("err"/"msg" only when set), {@code {"evt":code,"vals":[...]}}.
     */
    void writeMessage(Message m) {
        if (m instanceof OperationRequest r) {
            out.append(r.internal() ? "{\"irq\":" : "{\"req\":").append(r.code());
        } else if (m instanceof OperationResponse r) {
            out.append(r.internal() ? "{\"irs\":" : "{\"res\":").append(r.code());
            if (!r.internal() || r.returnCode() != 0) {
                out.append(",\"err\":").append(r.returnCode());
            }
            if (r.debugMessage() != null) {
                out.append(",\"msg\":");
                writeString(r.debugMessage());
            }
        } else if (m instanceof EventData e) {
            out.append("{\"evt\":").append(e.code());
        } else {
            throw new IllegalArgumentException("cannot encode message of type " + m.getClass().getName());
        }
        out.append(",\"vals\":");
        writeParameters(m.parameters());
        out.append('}');
    }

    private void writeParameters(Parameters p) {
        out.append('[');
        for (int i = 0; i < p.size(); i++) {
            if (i > 0) {
                out.append(',');
            }
            out.append(p.codeAt(i)).append(',');
            writeValue(p.valueAt(i));
        }
        out.append(']');
    }

    void writeValue(Object v) {
        if (v == null) {
            out.append("null");
        } else if (v instanceof String s) {
            writeString(s);
        } else if (v instanceof Integer || v instanceof Long || v instanceof Short) {
            out.append(((Number) v).longValue());
        } else if (v instanceof Byte b) {
            out.append(b & 0xFF);
        } else if (v instanceof Boolean b) {
            out.append(b.booleanValue());
        } else if (v instanceof Double d) {
            writeDouble(d);
        } else if (v instanceof Float f) {
            // Float's own shortest form, so 0.1f is written 0.1 and not 0.10000000149011612.
            if (f.isNaN() || f.isInfinite()) {
                out.append("null");
            } else {
                out.append(f.floatValue());
            }
        } else if (v instanceof Map<?, ?> m) {
            writeObject(m);
        } else if (v instanceof Message m) {
            enter();
            writeMessage(m);
            depth--;
        } else if (v instanceof CustomTypeValue c) {
            writeBytes(c.data());
        } else if (v.getClass().isArray()) {
            writeArray(v);
        } else {
            throw new IllegalArgumentException("Json cannot encode a value of type " + v.getClass().getName());
        }
    }

    /** JSON has no NaN or infinities: written as null, as JavaScript's JSON.stringify does. */
    private void writeDouble(double d) {
        if (Double.isNaN(d) || Double.isInfinite(d)) {
            out.append("null");
        } else {
            out.append(d);
        }
    }

    private void writeObject(Map<?, ?> m) {
        enter();
        out.append('{');
        boolean first = true;
        for (Map.Entry<?, ?> e : m.entrySet()) {
            if (!first) {
                out.append(',');
            }
            first = false;
            writeKey(e.getKey());
            out.append(':');
            writeValue(e.getValue());
        }
        out.append('}');
        depth--;
    }

    /** Strings as they are; byte keys as unsigned decimal ("255"), other whole numbers and booleans as text. */
    private void writeKey(Object k) {
        if (k instanceof String s) {
            writeString(s);
        } else if (k instanceof Byte b) {
            out.append('"').append(b & 0xFF).append('"');
        } else if (k instanceof Integer || k instanceof Long || k instanceof Short || k instanceof Boolean) {
            out.append('"').append(k).append('"');
        } else {
            throw new IllegalArgumentException("Json cannot encode a table key of type "
                    + (k == null ? "null" : k.getClass().getName()));
        }
    }

    private void writeArray(Object a) {
        enter();
        if (a instanceof byte[] b) {
            writeBytes(b);
        } else if (a instanceof int[] x) {
            out.append('[');
            for (int i = 0; i < x.length; i++) {
                (i > 0 ? out.append(',') : out).append(x[i]);
            }
            out.append(']');
        } else if (a instanceof Object[] x) {
            out.append('[');
            for (int i = 0; i < x.length; i++) {
                if (i > 0) {
                    out.append(',');
                }
                writeValue(x[i]);
            }
            out.append(']');
        } else {
            writePrimitiveArray(a);
        }
        depth--;
    }

    private void writePrimitiveArray(Object a) {
        int n = java.lang.reflect.Array.getLength(a);
        out.append('[');
        for (int i = 0; i < n; i++) {
            if (i > 0) {
                out.append(',');
            }
            writeValue(java.lang.reflect.Array.get(a, i));
        }
        out.append(']');
    }

    /** byte[] as an array of unsigned numbers: the spec gives JSON no binary form. */
    private void writeBytes(byte[] b) {
        out.append('[');
        for (int i = 0; i < b.length; i++) {
            (i > 0 ? out.append(',') : out).append(b[i] & 0xFF);
        }
        out.append(']');
    }

    /**
     * Quotes and escapes a string. Control characters and lone surrogates are written as {@code \\uXXXX}, so that a
     * string the JavaScript client set comes back to it unchanged even when it is not valid Unicode.
     */
    private void writeString(String s) {
        out.append('"');
        int runStart = 0;
        int n = s.length();
        for (int i = 0; i < n; i++) {
            char c = s.charAt(i);
            String escape = null;
            if (c == '"') {
                escape = "\\\"";
            } else if (c == '\\') {
                escape = "\\\\";
            } else if (c == '\n') {
                escape = "\\n";
            } else if (c == '\r') {
                escape = "\\r";
            } else if (c == '\t') {
                escape = "\\t";
            } else if (c < 0x20 || Character.isSurrogate(c) && !isPairedSurrogate(s, i)) {
                escape = String.format("\\u%04x", (int) c);
            } else if (Character.isHighSurrogate(c)) {
                i++; // a valid pair: keep both halves in the run
                continue;
            }
            if (escape != null) {
                out.append(s, runStart, i).append(escape);
                runStart = i + 1;
            }
        }
        out.append(s, runStart, n).append('"');
    }

    private static boolean isPairedSurrogate(String s, int i) {
        char c = s.charAt(i);
        if (Character.isHighSurrogate(c)) {
            return i + 1 < s.length() && Character.isLowSurrogate(s.charAt(i + 1));
        }
        return i > 0 && Character.isHighSurrogate(s.charAt(i - 1));
    }

    private void enter() {
        if (++depth > MAX_DEPTH) {
            throw new IllegalArgumentException("value nested deeper than " + MAX_DEPTH + " levels");
        }
    }
}
