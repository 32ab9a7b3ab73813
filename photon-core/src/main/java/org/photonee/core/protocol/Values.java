package org.photonee.core.protocol;

import java.lang.reflect.Array;
import java.util.Arrays;
import java.util.Iterator;
import java.util.Map;

/**
 * Helpers for the loosely typed values of parameter and property tables.
 *
 * <p>The same logical value arrives with different Java types depending on the client: a binary client sends
 * MaxPlayers as a {@code Byte}, a JavaScript client as an {@code Integer}. Domain code reads numbers through
 * {@link #toInt(Object)} and friends instead of casting. Photon bytes are unsigned, so a {@code Byte} converts as
 * {@code b & 0xFF}.
 */
public final class Values {
    private Values() {
    }

    /** True for Byte, Short, Integer, Long, and for a Float/Double holding a whole number. */
    public static boolean isIntegral(Object v) {
        if (v instanceof Byte || v instanceof Short || v instanceof Integer || v instanceof Long) {
            return true;
        }
        if (v instanceof Double || v instanceof Float) {
            double d = ((Number) v).doubleValue();
            return d == Math.rint(d) && !Double.isInfinite(d);
        }
        return false;
    }

    /** The value as a long; Byte is unsigned. Throws IllegalArgumentException for non-integral values. */
    public static long toLong(Object v) {
        if (v instanceof Byte b) {
            return b & 0xFF;
        }
        if (isIntegral(v)) {
            return ((Number) v).longValue();
        }
        throw new IllegalArgumentException("not a whole number: " + typeName(v));
    }

    /** The value as an int; Byte is unsigned. Throws IllegalArgumentException when not integral or out of range. */
    public static int toInt(Object v) {
        long l = toLong(v);
        if (l < Integer.MIN_VALUE || l > Integer.MAX_VALUE) {
            throw new IllegalArgumentException("out of int range: " + l);
        }
        return (int) l;
    }

    /** The value as an int, or the fallback when it is absent or not an in-range whole number. */
    public static int toInt(Object v, int fallback) {
        if (v == null || !isIntegral(v)) {
            return fallback;
        }
        long l = toLong(v);
        return l < Integer.MIN_VALUE || l > Integer.MAX_VALUE ? fallback : (int) l;
    }

    /** The value as a boolean, or the fallback when absent or not a Boolean. */
    public static boolean toBoolean(Object v, boolean fallback) {
        return v instanceof Boolean b ? b : fallback;
    }

    /** The value as a String, or null when absent or not a String. */
    public static String toStringOrNull(Object v) {
        return v instanceof String s ? s : null;
    }

    /** The name of a value's type for error messages. */
    public static String typeName(Object v) {
        return v == null ? "null" : v.getClass().getSimpleName();
    }

    /** Deep equality that compares arrays by content and maps/collections element-wise. */
    public static boolean deepEquals(Object a, Object b) {
        if (a == b) {
            return true;
        }
        if (a == null || b == null) {
            return false;
        }
        if (a.getClass().isArray() && b.getClass().isArray()) {
            if (a.getClass() != b.getClass()) {
                return false;
            }
            int n = Array.getLength(a);
            if (n != Array.getLength(b)) {
                return false;
            }
            for (int i = 0; i < n; i++) {
                if (!deepEquals(Array.get(a, i), Array.get(b, i))) {
                    return false;
                }
            }
            return true;
        }
        if (a instanceof Map<?, ?> ma && b instanceof Map<?, ?> mb) {
            if (ma.size() != mb.size()) {
                return false;
            }
            for (Map.Entry<?, ?> e : ma.entrySet()) {
                if (!mb.containsKey(e.getKey()) || !deepEquals(e.getValue(), mb.get(e.getKey()))) {
                    return false;
                }
            }
            return true;
        }
        return a.equals(b);
    }

    public static int deepHashCode(Object v) {
        if (v == null) {
            return 0;
        }
        if (v.getClass().isArray()) {
            int h = 1;
            int n = Array.getLength(v);
            for (int i = 0; i < n; i++) {
                h = 31 * h + deepHashCode(Array.get(v, i));
            }
            return h;
        }
        if (v instanceof Map<?, ?> m) {
            int h = 0;
            for (Map.Entry<?, ?> e : m.entrySet()) {
                h += deepHashCode(e.getKey()) ^ deepHashCode(e.getValue());
            }
            return h;
        }
        return v.hashCode();
    }

    /** A readable rendering for logs, with arrays shown by content (long byte arrays abbreviated). */
    public static String toDebugString(Object v) {
        if (v == null) {
            return "null";
        }
        if (v instanceof byte[] b) {
            return b.length <= 16 ? "byte" + Arrays.toString(b) : "byte[" + b.length + "]";
        }
        if (v instanceof String s) {
            return '"' + s + '"';
        }
        if (v.getClass().isArray()) {
            StringBuilder sb = new StringBuilder("[");
            int n = Array.getLength(v);
            for (int i = 0; i < n; i++) {
                if (i > 0) {
                    sb.append(", ");
                }
                sb.append(toDebugString(Array.get(v, i)));
            }
            return sb.append(']').toString();
        }
        if (v instanceof Map<?, ?> m) {
            StringBuilder sb = new StringBuilder("{");
            Iterator<? extends Map.Entry<?, ?>> it = m.entrySet().iterator();
            while (it.hasNext()) {
                Map.Entry<?, ?> e = it.next();
                sb.append(toDebugString(e.getKey())).append('=').append(toDebugString(e.getValue()));
                if (it.hasNext()) {
                    sb.append(", ");
                }
            }
            return sb.append('}').toString();
        }
        if (v instanceof Byte b) {
            return (b & 0xFF) + "b";
        }
        return v.toString();
    }
}
