package org.photonee.core.room;

import java.lang.reflect.Array;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import org.photonee.core.codes.ReturnCode;
import org.photonee.core.protocol.PhotonHashtable;
import org.photonee.core.protocol.Values;

/**
 * Reads typed values out of request parameters and property tables, refusing wrong types with OperationInvalid.
 * Clients of different protocols send the same value with different Java types (byte[] or int[] or Object[],
 * Byte or Integer), so every reader accepts all of them.
 */
final class RequestValues {
    private RequestValues() {
    }

    static RoomException invalid(String message) {
        return new RoomException(ReturnCode.OPERATION_INVALID, message);
    }

    /** An int, or the fallback when absent. */
    static int optionalInt(Object value, int fallback, String name) throws RoomException {
        if (value == null) {
            return fallback;
        }
        if (!Values.isIntegral(value)) {
            throw invalid("Parameter " + name + " must be a whole number, got " + Values.typeName(value));
        }
        long l = Values.toLong(value);
        if (l < Integer.MIN_VALUE || l > Integer.MAX_VALUE) {
            throw invalid("Parameter " + name + " is out of range: " + l);
        }
        return (int) l;
    }

    static boolean optionalBoolean(Object value, boolean fallback, String name) throws RoomException {
        if (value == null) {
            return fallback;
        }
        if (value instanceof Boolean b) {
            return b;
        }
        throw invalid("Parameter " + name + " must be a boolean, got " + Values.typeName(value));
    }

    static String optionalString(Object value, String name) throws RoomException {
        if (value == null || value instanceof String) {
            return (String) value;
        }
        throw invalid("Parameter " + name + " must be a string, got " + Values.typeName(value));
    }

    /** A property table, or null when absent. Any map is accepted and copied into a PhotonHashtable. */
    static PhotonHashtable optionalTable(Object value, String name) throws RoomException {
        if (value == null) {
            return null;
        }
        if (value instanceof PhotonHashtable t) {
            return t;
        }
        if (value instanceof Map<?, ?> m) {
            return new PhotonHashtable(m);
        }
        throw invalid("Parameter " + name + " must be a hashtable, got " + Values.typeName(value));
    }

    /** The elements of an array or collection, or null when absent. */
    static List<Object> optionalList(Object value, String name) throws RoomException {
        if (value == null) {
            return null;
        }
        List<Object> out = new ArrayList<>();
        if (value.getClass().isArray()) {
            int n = Array.getLength(value);
            for (int i = 0; i < n; i++) {
                out.add(Array.get(value, i));
            }
            return out;
        }
        if (value instanceof Collection<?> c) {
            out.addAll(c);
            return out;
        }
        throw invalid("Parameter " + name + " must be an array, got " + Values.typeName(value));
    }

    /** An array of whole numbers as ints, or null when absent. */
    static int[] optionalIntArray(Object value, String name) throws RoomException {
        if (value instanceof int[] ints) {
            return ints;
        }
        List<Object> list = optionalList(value, name);
        if (list == null) {
            return null;
        }
        int[] out = new int[list.size()];
        for (int i = 0; i < out.length; i++) {
            out[i] = optionalInt(list.get(i), 0, name);
        }
        return out;
    }

    /** An array of strings, or null when absent; null elements are dropped. */
    static List<String> optionalStringList(Object value, String name) throws RoomException {
        List<Object> list = optionalList(value, name);
        if (list == null) {
            return null;
        }
        List<String> out = new ArrayList<>(list.size());
        for (Object o : list) {
            if (o != null) {
                out.add(optionalString(o, name));
            }
        }
        return out;
    }
}
