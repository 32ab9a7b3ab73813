package org.photonee.core.codec.protocol16;

import java.lang.reflect.Array;
import java.util.Map;
import org.photonee.core.codec.BinaryMessageWriter;
import org.photonee.core.protocol.CustomTypeValue;
import org.photonee.core.protocol.EventData;
import org.photonee.core.protocol.OperationRequest;
import org.photonee.core.protocol.OperationResponse;
import org.photonee.core.protocol.Parameters;
import org.photonee.core.protocol.PhotonDictionary;
import org.photonee.core.protocol.PhotonHashtable;
import org.photonee.core.protocol.Values;

/**
 * Encodes messages and values into Protocol16 bytes, big-endian, into a growable buffer.
 *
 * <p>Encoding is the hot path of broadcasts, so a writer is meant to be kept and reused: {@link #reset()} empties
 * it without giving up the buffer, and the only allocation per message is the exact-size copy made by
 * {@link #toByteArray()}. Not thread-safe; keep one per thread.
 *
 * <p>A value the protocol cannot carry (an unsupported Java type, a string over 32767 UTF-8 bytes, a collection over
 * 32767 elements, a null inside a typed array, a dictionary entry that does not match its declared type, nesting
 * deeper than {@link #MAX_DEPTH}) throws {@link IllegalArgumentException}; the type mapping is documented on
 * {@link GpBinaryV16Protocol}.
 */
public final class Protocol16Writer extends BinaryMessageWriter {
    /** Deepest nesting the writer follows; a guard against self-containing tables rather than a protocol rule. */
    public static final int MAX_DEPTH = 128;

    private static final int MAX_I16 = Short.MAX_VALUE;

    public Protocol16Writer() {
        this(CustomTypes.NONE);
    }

    public Protocol16Writer(CustomTypes customTypes) {
        super(customTypes);
    }

    /** Writes one value with its type code in front. */
    public Protocol16Writer writeValue(Object value) {
        byte code = typeCodeOf(value);
        writeByte(code);
        writeBody(code, value);
        return this;
    }

    // ---- message bodies ----

    @Override
    protected void writeRequestBody(OperationRequest r) {
        writeByte(r.code());
        writeParameters(r.parameters());
    }

    @Override
    protected void writeResponseBody(OperationResponse r) {
        writeByte(r.code());
        writeShort(r.returnCode());
        if (r.debugMessage() == null) {
            writeByte(TypeCode.NULL);
        } else {
            writeByte(TypeCode.STRING);
            writeString(r.debugMessage());
        }
        writeParameters(r.parameters());
    }

    @Override
    protected void writeEventBody(EventData e) {
        writeByte(e.code());
        writeParameters(e.parameters());
    }

    private void writeParameters(Parameters p) {
        int n = p.size();
        writeShort(n);
        for (int i = 0; i < n; i++) {
            writeByte(p.codeAt(i));
            writeValue(p.valueAt(i));
        }
    }

    // ---- type mapping ----

    /** The type code a value is written with; most frequent types first. */
    byte typeCodeOf(Object v) {
        if (v == null) {
            return TypeCode.NULL;
        } else if (v instanceof String) {
            return TypeCode.STRING;
        } else if (v instanceof Integer) {
            return TypeCode.INT;
        } else if (v instanceof Byte) {
            return TypeCode.BYTE;
        } else if (v instanceof Boolean) {
            return TypeCode.BOOLEAN;
        } else if (v instanceof byte[]) {
            return TypeCode.BYTE_ARRAY;
        } else if (v instanceof PhotonDictionary) {
            return TypeCode.DICTIONARY;
        } else if (v instanceof Map) {
            return TypeCode.HASHTABLE;
        } else if (v instanceof Short) {
            return TypeCode.SHORT;
        } else if (v instanceof Long) {
            return TypeCode.LONG;
        } else if (v instanceof Float) {
            return TypeCode.FLOAT;
        } else if (v instanceof Double) {
            return TypeCode.DOUBLE;
        } else if (v instanceof int[]) {
            return TypeCode.INT_ARRAY;
        } else if (v.getClass() == String[].class) {
            return TypeCode.STRING_ARRAY;
        } else if (v.getClass() == Object[].class) {
            return TypeCode.OBJECT_ARRAY;
        } else if (v.getClass().isArray()) {
            return TypeCode.TYPED_ARRAY;
        } else if (v instanceof CustomTypeValue || customTypes.forType(v.getClass()) != null) {
            return TypeCode.CUSTOM;
        } else if (v instanceof EventData) {
            return TypeCode.EVENT_DATA;
        } else if (v instanceof OperationResponse) {
            return TypeCode.OPERATION_RESPONSE;
        } else if (v instanceof OperationRequest) {
            return TypeCode.OPERATION_REQUEST;
        }
        throw new IllegalArgumentException("Protocol16 cannot encode a value of type " + v.getClass().getName());
    }

    /** The element type code of a typed array ({@code y}) with this component type. */
    private byte elementTypeCodeOf(Class<?> c) {
        if (c == short.class || c == Short.class) {
            return TypeCode.SHORT;
        } else if (c == long.class || c == Long.class) {
            return TypeCode.LONG;
        } else if (c == float.class || c == Float.class) {
            return TypeCode.FLOAT;
        } else if (c == double.class || c == Double.class) {
            return TypeCode.DOUBLE;
        } else if (c == boolean.class || c == Boolean.class) {
            return TypeCode.BOOLEAN;
        } else if (c == Byte.class) {
            return TypeCode.BYTE;
        } else if (c == Integer.class) {
            return TypeCode.INT;
        } else if (c == String.class) {
            return TypeCode.STRING;
        } else if (c == PhotonHashtable.class) {
            return TypeCode.HASHTABLE;
        } else if (c == PhotonDictionary.class) {
            return TypeCode.DICTIONARY;
        } else if (c == byte[].class) {
            return TypeCode.BYTE_ARRAY;
        } else if (c == int[].class) {
            return TypeCode.INT_ARRAY;
        } else if (c == String[].class) {
            return TypeCode.STRING_ARRAY;
        } else if (c == Object[].class) {
            return TypeCode.OBJECT_ARRAY;
        } else if (c.isArray()) {
            return TypeCode.TYPED_ARRAY;
        } else if (c == CustomTypeValue.class || customTypes.forType(c) != null) {
            return TypeCode.CUSTOM;
        } else if (c == EventData.class) {
            return TypeCode.EVENT_DATA;
        } else if (c == OperationResponse.class) {
            return TypeCode.OPERATION_RESPONSE;
        } else if (c == OperationRequest.class) {
            return TypeCode.OPERATION_REQUEST;
        }
        throw new IllegalArgumentException("Protocol16 cannot encode an array of " + c.getName());
    }

    // ---- value bodies ----

    /** Writes a value's body for the given type code, without the type code. */
    private void writeBody(byte code, Object v) {
        switch (code) {
            case TypeCode.NULL -> { }
            case TypeCode.STRING -> writeString((String) v);
            case TypeCode.INT -> writeInt((Integer) v);
            case TypeCode.BYTE -> writeByte((Byte) v);
            case TypeCode.BOOLEAN -> writeByte((Boolean) v ? 1 : 0);
            case TypeCode.SHORT -> writeShort((Short) v);
            case TypeCode.LONG -> writeLong((Long) v);
            case TypeCode.FLOAT -> writeInt(Float.floatToRawIntBits((Float) v));
            case TypeCode.DOUBLE -> writeLong(Double.doubleToRawLongBits((Double) v));
            case TypeCode.BYTE_ARRAY -> writeByteArray((byte[]) v);
            case TypeCode.INT_ARRAY -> writeIntArray((int[]) v);
            case TypeCode.STRING_ARRAY -> writeStringArray((String[]) v);
            case TypeCode.OBJECT_ARRAY -> writeObjectArray((Object[]) v);
            case TypeCode.TYPED_ARRAY -> writeTypedArray(v);
            case TypeCode.HASHTABLE -> writeHashtable((Map<?, ?>) v);
            case TypeCode.DICTIONARY -> writeDictionary((PhotonDictionary) v);
            case TypeCode.CUSTOM -> writeCustom(v);
            case TypeCode.EVENT_DATA -> {
                enter();
                writeEventBody((EventData) v);
                depth--;
            }
            case TypeCode.OPERATION_REQUEST -> {
                enter();
                writeRequestBody((OperationRequest) v);
                depth--;
            }
            case TypeCode.OPERATION_RESPONSE -> {
                enter();
                writeResponseBody((OperationResponse) v);
                depth--;
            }
            default -> throw new IllegalArgumentException("no body encoding for type code " + TypeCode.describe(code));
        }
    }

    /** Counts one more level of nesting; the caller decrements when done (no lambda: this is the hot path). */
    private void enter() {
        if (++depth > MAX_DEPTH) {
            throw new IllegalArgumentException("value nested deeper than " + MAX_DEPTH + " levels");
        }
    }

    private void writeByteArray(byte[] b) {
        writeInt(b.length);
        ensure(b.length);
        System.arraycopy(b, 0, buf, size, b.length);
        size += b.length;
    }

    private void writeIntArray(int[] a) {
        writeInt(a.length);
        ensure(a.length * 4L);
        for (int x : a) {
            putInt(x);
        }
    }

    private void writeStringArray(String[] a) {
        writeCount(a.length);
        for (String s : a) {
            writeString(nonNullElement(s, TypeCode.STRING));
        }
    }

    private void writeObjectArray(Object[] a) {
        writeCount(a.length);
        enter();
        for (Object o : a) {
            writeValue(o);
        }
        depth--;
    }

    private void writeHashtable(Map<?, ?> m) {
        writeCount(m.size());
        enter();
        for (Map.Entry<?, ?> e : m.entrySet()) {
            writeValue(e.getKey());
            writeValue(e.getValue());
        }
        depth--;
    }

    /** Header (key type, value type), count, entries; a declared type means its entries go without type codes. */
    private void writeDictionary(PhotonDictionary d) {
        byte keyType = d.keyType();
        byte valueType = d.valueType();
        writeByte(keyType);
        writeByte(valueType);
        writeCount(d.size());
        enter();
        for (Map.Entry<Object, Object> e : d.entrySet()) {
            writeDictionaryPart(keyType, e.getKey(), "key");
            writeDictionaryPart(valueType, e.getValue(), "value");
        }
        depth--;
    }

    private void writeDictionaryPart(byte declared, Object v, String role) {
        if (TypeCode.isUntyped(declared)) {
            writeValue(v);
            return;
        }
        byte actual = v == null ? TypeCode.NULL : typeCodeOf(v);
        if (actual != declared) {
            throw new IllegalArgumentException("Dictionary " + role + " of type " + Values.typeName(v)
                    + " does not match the declared type code " + TypeCode.describe(declared));
        }
        writeBody(declared, v);
    }

    /**
     * Count, element type, then bare element bodies. For custom elements the custom type code is written once
     * after the element type and each element is only length + bytes, so all elements must share one custom type.
     */
    private void writeTypedArray(Object array) {
        Class<?> component = array.getClass().getComponentType();
        byte elementType = elementTypeCodeOf(component);
        int n = Array.getLength(array);
        writeCount(n);
        writeByte(elementType);
        enter();
        switch (elementType) {
            case TypeCode.SHORT -> writeShorts(array);
            case TypeCode.LONG -> writeLongs(array);
            case TypeCode.FLOAT -> writeFloats(array);
            case TypeCode.DOUBLE -> writeDoubles(array);
            case TypeCode.BOOLEAN -> writeBooleans(array);
            case TypeCode.CUSTOM -> writeCustomElements((Object[]) array, component);
            default -> {
                for (Object o : (Object[]) array) {
                    writeBody(elementType, nonNullElement(o, elementType));
                }
            }
        }
        depth--;
    }

    private void writeShorts(Object array) {
        if (array instanceof short[] a) {
            ensure(a.length * 2L);
            for (short x : a) {
                putShort(x);
            }
        } else {
            for (Object o : (Object[]) array) {
                writeShort((Short) nonNullElement(o, TypeCode.SHORT));
            }
        }
    }

    private void writeLongs(Object array) {
        if (array instanceof long[] a) {
            for (long x : a) {
                writeLong(x);
            }
        } else {
            for (Object o : (Object[]) array) {
                writeLong((Long) nonNullElement(o, TypeCode.LONG));
            }
        }
    }

    private void writeFloats(Object array) {
        if (array instanceof float[] a) {
            ensure(a.length * 4L);
            for (float x : a) {
                putInt(Float.floatToRawIntBits(x));
            }
        } else {
            for (Object o : (Object[]) array) {
                writeInt(Float.floatToRawIntBits((Float) nonNullElement(o, TypeCode.FLOAT)));
            }
        }
    }

    private void writeDoubles(Object array) {
        if (array instanceof double[] a) {
            for (double x : a) {
                writeLong(Double.doubleToRawLongBits(x));
            }
        } else {
            for (Object o : (Object[]) array) {
                writeLong(Double.doubleToRawLongBits((Double) nonNullElement(o, TypeCode.DOUBLE)));
            }
        }
    }

    private void writeBooleans(Object array) {
        if (array instanceof boolean[] a) {
            ensure(a.length);
            for (boolean x : a) {
                buf[size++] = (byte) (x ? 1 : 0);
            }
        } else {
            for (Object o : (Object[]) array) {
                writeByte((Boolean) nonNullElement(o, TypeCode.BOOLEAN) ? 1 : 0);
            }
        }
    }

    private void writeCustomElements(Object[] a, Class<?> component) {
        CustomTypes.Registration<?> registration = customTypes.forType(component);
        byte customCode = registration != null ? registration.code()
                : a.length > 0 ? ((CustomTypeValue) nonNullElement(a[0], TypeCode.CUSTOM)).typeCode() : 0;
        writeByte(customCode);
        for (Object o : a) {
            nonNullElement(o, TypeCode.CUSTOM);
            if (registration != null) {
                writeShortLengthBytes(registration.serialize(o));
            } else {
                CustomTypeValue c = (CustomTypeValue) o;
                if (c.typeCode() != customCode) {
                    throw new IllegalArgumentException("custom values of one typed array must share one type code, got "
                            + (customCode & 0xFF) + " and " + (c.typeCode() & 0xFF));
                }
                writeShortLengthBytes(c.data());
            }
        }
    }

    /** Custom type code, length i16, bytes. */
    private void writeCustom(Object v) {
        if (v instanceof CustomTypeValue c) {
            writeByte(c.typeCode());
            writeShortLengthBytes(c.data());
        } else {
            CustomTypes.Registration<?> r = customTypes.forType(v.getClass());
            writeByte(r.code());
            writeShortLengthBytes(r.serialize(v));
        }
    }

    private void writeShortLengthBytes(byte[] b) {
        if (b.length > MAX_I16) {
            throw new IllegalArgumentException("custom type data of " + b.length + " bytes exceeds " + MAX_I16);
        }
        writeShort(b.length);
        ensure(b.length);
        System.arraycopy(b, 0, buf, size, b.length);
        size += b.length;
    }

    private static <T> T nonNullElement(T o, byte elementType) {
        if (o == null) {
            throw new IllegalArgumentException("null element in an array of type code " + TypeCode.describe(elementType)
                    + ": only Object[] can hold nulls");
        }
        return o;
    }

    private void writeCount(int n) {
        if (n > MAX_I16) {
            throw new IllegalArgumentException("collection of " + n + " elements exceeds " + MAX_I16);
        }
        writeShort(n);
    }

    /**
     * Length i16 then UTF-8, encoded straight into the buffer. An unpaired surrogate becomes {@code '?'}, as the JDK's
     * own UTF-8 encoder does, since it has no UTF-8 form.
     */
    private void writeString(String s) {
        int n = s.length();
        if (n > MAX_I16) {
            throw new IllegalArgumentException("string of " + n + " chars exceeds " + MAX_I16 + " UTF-8 bytes");
        }
        ensure(2 + n * 3);
        int lengthAt = size;
        size += 2;
        for (int i = 0; i < n; i++) {
            char c = s.charAt(i);
            if (c < 0x80) {
                buf[size++] = (byte) c;
            } else if (c < 0x800) {
                buf[size++] = (byte) (0xC0 | c >> 6);
                buf[size++] = (byte) (0x80 | c & 0x3F);
            } else if (Character.isSurrogate(c)) {
                if (Character.isHighSurrogate(c) && i + 1 < n && Character.isLowSurrogate(s.charAt(i + 1))) {
                    int cp = Character.toCodePoint(c, s.charAt(++i));
                    buf[size++] = (byte) (0xF0 | cp >> 18);
                    buf[size++] = (byte) (0x80 | cp >> 12 & 0x3F);
                    buf[size++] = (byte) (0x80 | cp >> 6 & 0x3F);
                    buf[size++] = (byte) (0x80 | cp & 0x3F);
                } else {
                    buf[size++] = '?';
                }
            } else {
                buf[size++] = (byte) (0xE0 | c >> 12);
                buf[size++] = (byte) (0x80 | c >> 6 & 0x3F);
                buf[size++] = (byte) (0x80 | c & 0x3F);
            }
        }
        int bytes = size - lengthAt - 2;
        if (bytes > MAX_I16) {
            size = lengthAt;
            throw new IllegalArgumentException("string of " + bytes + " UTF-8 bytes exceeds " + MAX_I16);
        }
        buf[lengthAt] = (byte) (bytes >> 8);
        buf[lengthAt + 1] = (byte) bytes;
    }

    // ---- primitives ----

    private void writeShort(int v) {
        ensure(2);
        putShort(v);
    }

    private void writeInt(int v) {
        ensure(4);
        putInt(v);
    }

    private void writeLong(long v) {
        ensure(8);
        putInt((int) (v >>> 32));
        putInt((int) v);
    }

    private void putShort(int v) {
        buf[size++] = (byte) (v >> 8);
        buf[size++] = (byte) v;
    }

    private void putInt(int v) {
        buf[size++] = (byte) (v >> 24);
        buf[size++] = (byte) (v >> 16);
        buf[size++] = (byte) (v >> 8);
        buf[size++] = (byte) v;
    }

}
