package org.photonee.client.bench;

import java.util.LinkedHashMap;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Map;

/** Just enough JSON writing for the result file: ordered objects, numbers, booleans, strings, null. */
final class Json {
    private Json() {
    }

    /** An ordered object; values are Number, Boolean, String, null or nested maps. */
    static Map<String, Object> object() {
        return new LinkedHashMap<>();
    }

    static String write(Map<String, ?> object) {
        StringBuilder sb = new StringBuilder();
        writeValue(sb, object, 0);
        return sb.append('\n').toString();
    }

    private static void writeValue(StringBuilder sb, Object v, int indent) {
        if (v == null) {
            sb.append("null");
        } else if (v instanceof Map<?, ?> m) {
            sb.append("{");
            boolean first = true;
            for (Map.Entry<?, ?> e : m.entrySet()) {
                sb.append(first ? "\n" : ",\n").append("  ".repeat(indent + 1));
                first = false;
                writeString(sb, String.valueOf(e.getKey()));
                sb.append(": ");
                writeValue(sb, e.getValue(), indent + 1);
            }
            sb.append(first ? "}" : "\n" + "  ".repeat(indent) + "}");
        } else if (v instanceof java.util.List<?> list) {
            sb.append("[");
            for (int i = 0; i < list.size(); i++) {
                sb.append(i == 0 ? "\n" : ",\n").append("  ".repeat(indent + 1));
                writeValue(sb, list.get(i), indent + 1);
            }
            sb.append(list.isEmpty() ? "]" : "\n" + "  ".repeat(indent) + "]");
        } else if (v instanceof Double || v instanceof Float) {
            double d = ((Number) v).doubleValue();
            // Six decimals: a delivery ratio of 0.9996 must not print as 1.000.
            sb.append(Double.isFinite(d) ? new BigDecimal(d).setScale(6, RoundingMode.HALF_UP).stripTrailingZeros()
                    .toPlainString() : "null");
        } else if (v instanceof Number || v instanceof Boolean) {
            sb.append(v);
        } else {
            writeString(sb, v.toString());
        }
    }

    private static void writeString(StringBuilder sb, String s) {
        sb.append('"');
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '"' -> sb.append("\\\"");
                case '\\' -> sb.append("\\\\");
                case '\n' -> sb.append("\\n");
                default -> {
                    if (c < 0x20) {
                        sb.append(String.format("\\u%04x", (int) c));
                    } else {
                        sb.append(c);
                    }
                }
            }
        }
        sb.append('"');
    }
}
