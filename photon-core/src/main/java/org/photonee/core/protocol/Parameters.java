package org.photonee.core.protocol;

import java.util.Arrays;
import java.util.Objects;

/**
 * The parameter table of an operation or event: unsigned byte keys (0..255) to typed values, in insertion order.
 * Keys are ints here so that codes above 127 read naturally ({@code ParameterCode.GAME_ID == 255}).
 * Backed by two small arrays: messages carry a handful of parameters, and a linear scan beats hashing there.
 * Putting an existing key replaces its value in place, so "the last one wins" for duplicate keys on the wire.
 */
public final class Parameters {
    private byte[] keys;
    private Object[] values;
    private int size;

    public Parameters() {
        this(4);
    }

    public Parameters(int expectedSize) {
        keys = new byte[Math.max(1, expectedSize)];
        values = new Object[keys.length];
    }

    /** Builds a table from alternating code, value arguments: {@code Parameters.of(255, "room", 254, 1)}. */
    public static Parameters of(Object... codeValuePairs) {
        if (codeValuePairs.length % 2 != 0) {
            throw new IllegalArgumentException("codes and values must come in pairs");
        }
        Parameters p = new Parameters(codeValuePairs.length / 2);
        for (int i = 0; i < codeValuePairs.length; i += 2) {
            p.put(((Number) codeValuePairs[i]).intValue(), codeValuePairs[i + 1]);
        }
        return p;
    }

    public int size() {
        return size;
    }

    public boolean isEmpty() {
        return size == 0;
    }

    /** The code of the i-th entry, 0..255. */
    public int codeAt(int index) {
        Objects.checkIndex(index, size);
        return keys[index] & 0xFF;
    }

    public Object valueAt(int index) {
        Objects.checkIndex(index, size);
        return values[index];
    }

    public boolean contains(int code) {
        return indexOf(code) >= 0;
    }

    /** The value for a code, or null when absent (or present with a null value). */
    public Object get(int code) {
        int i = indexOf(code);
        return i < 0 ? null : values[i];
    }

    public Parameters put(int code, Object value) {
        checkCode(code);
        int i = indexOf(code);
        if (i >= 0) {
            values[i] = value;
            return this;
        }
        if (size == keys.length) {
            keys = Arrays.copyOf(keys, size * 2);
            values = Arrays.copyOf(values, size * 2);
        }
        keys[size] = (byte) code;
        values[size] = value;
        size++;
        return this;
    }

    public Object remove(int code) {
        int i = indexOf(code);
        if (i < 0) {
            return null;
        }
        Object old = values[i];
        System.arraycopy(keys, i + 1, keys, i, size - i - 1);
        System.arraycopy(values, i + 1, values, i, size - i - 1);
        size--;
        values[size] = null;
        return old;
    }

    public Parameters copy() {
        Parameters p = new Parameters(size);
        for (int i = 0; i < size; i++) {
            p.put(keys[i] & 0xFF, values[i]);
        }
        return p;
    }

    private int indexOf(int code) {
        byte k = (byte) code;
        for (int i = 0; i < size; i++) {
            if (keys[i] == k) {
                return i;
            }
        }
        return -1;
    }

    private static void checkCode(int code) {
        if (code < 0 || code > 255) {
            throw new IllegalArgumentException("parameter code out of range 0..255: " + code);
        }
    }

    /** Equal when both hold the same codes with deeply equal values, regardless of order. */
    @Override
    public boolean equals(Object o) {
        if (this == o) {
            return true;
        }
        if (!(o instanceof Parameters other) || other.size != size) {
            return false;
        }
        for (int i = 0; i < size; i++) {
            int j = other.indexOf(keys[i] & 0xFF);
            if (j < 0 || !Values.deepEquals(values[i], other.values[j])) {
                return false;
            }
        }
        return true;
    }

    @Override
    public int hashCode() {
        int h = 0;
        for (int i = 0; i < size; i++) {
            h += (keys[i] & 0xFF) ^ Values.deepHashCode(values[i]);
        }
        return h;
    }

    @Override
    public String toString() {
        StringBuilder sb = new StringBuilder("{");
        for (int i = 0; i < size; i++) {
            if (i > 0) {
                sb.append(", ");
            }
            sb.append(keys[i] & 0xFF).append('=').append(Values.toDebugString(values[i]));
        }
        return sb.append('}').toString();
    }
}
