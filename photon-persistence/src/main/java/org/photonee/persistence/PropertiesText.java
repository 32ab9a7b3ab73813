package org.photonee.persistence;

import java.lang.reflect.Array;
import java.util.Base64;
import java.util.Map;
import org.photonee.core.protocol.CustomTypeValue;

/**
 * Renders lobby-listed properties as compact JSON for the operator tables: readable in any SQL console and easy to
 * pass through by the admin API. One way only: the master never reads it back (its in-memory view is the authority),
 * so types are shown, not preserved: numbers of every width become JSON numbers, keys become strings, byte arrays
 * and custom types become Base64.
 */
public final class PropertiesText {
    private static final int MAX_DEPTH = 32;

    private PropertiesText() {
    }

    /** JSON text of a value, cut to {@code maxLength} characters (a cut text ends with "…" and is not valid JSON). */
    public static String of(Object value, int maxLength) {
        StringBuilder out = new StringBuilder();
        write(out, value, 0);
        if (out.length() > maxLength) {
            out.setLength(Math.max(0, maxLength - 1));
            out.append('\u2026');
        }
        return out.toString();
    }

    private static void write(StringBuilder out, Object v, int depth) {
        if (depth > MAX_DEPTH) {
            out.append("\"...\"");
        } else if (v == null) {
            out.append("null");
        } else if (v instanceof Boolean || v instanceof Byte || v instanceof Short || v instanceof Integer
                || v instanceof Long) {
            out.append(v);
        } else if (v instanceof Float || v instanceof Double) {
            double d = ((Number) v).doubleValue();
            if (Double.isFinite(d)) {
                out.append(v);
            } else {
                string(out, v.toString());
            }
        } else if (v instanceof String s) {
            string(out, s);
        } else if (v instanceof byte[] b) {
            string(out, Base64.getEncoder().encodeToString(b));
        } else if (v instanceof CustomTypeValue c) {
            out.append("{\"customType\":").append(c.typeCode() & 0xFF).append(",\"data\":");
            string(out, Base64.getEncoder().encodeToString(c.data()));
            out.append('}');
        } else if (v instanceof Map<?, ?> map) {
            out.append('{');
            boolean first = true;
            for (Map.Entry<?, ?> e : map.entrySet()) {
                if (!first) {
                    out.append(',');
                }
                first = false;
                string(out, String.valueOf(e.getKey()));
                out.append(':');
                write(out, e.getValue(), depth + 1);
            }
            out.append('}');
        } else if (v.getClass().isArray()) {
            out.append('[');
            int n = Array.getLength(v);
            for (int i = 0; i < n; i++) {
                if (i > 0) {
                    out.append(',');
                }
                write(out, Array.get(v, i), depth + 1);
            }
            out.append(']');
        } else {
            string(out, v.toString());
        }
    }

    private static void string(StringBuilder out, String s) {
        out.append('"');
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '"' -> out.append("\\\"");
                case '\\' -> out.append("\\\\");
                case '\n' -> out.append("\\n");
                case '\r' -> out.append("\\r");
                case '\t' -> out.append("\\t");
                default -> {
                    if (c < 0x20) {
                        out.append(String.format("\\u%04x", (int) c));
                    } else {
                        out.append(c);
                    }
                }
            }
        }
        out.append('"');
    }
}
