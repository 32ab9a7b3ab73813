package org.photonee.core.codec.protocol18;

import java.util.Arrays;
import java.util.Collection;
import java.util.Map;
import java.util.Objects;
import org.photonee.core.codec.protocol16.CustomTypes;
import org.photonee.core.codec.protocol16.TypeCode;
import org.photonee.core.codec.BinaryMessageWriter;
import org.photonee.core.protocol.CustomTypeValue;
import org.photonee.core.protocol.EventData;
import org.photonee.core.protocol.OperationRequest;
import org.photonee.core.protocol.OperationResponse;
import org.photonee.core.protocol.Parameters;
import org.photonee.core.protocol.PhotonDictionary;
import org.photonee.core.protocol.PhotonHashtable;

/**
 * Encodes messages and values into Protocol18 bytes, picking codes as the official C# writer does
 * (NATIVE-PROTOCOLS.md §2.4): zero shortcuts for byte, short, int and long, one- and two-byte magnitudes for ints
 * and longs up to 65535 either side, zigzag varints for the rest, 27/28 for booleans, float and double always with
 * their bytes, slim codes for custom types below 100, and an empty debug message sent as null.
 *
 * <p>Reused like {@code Protocol16Writer}: {@link #reset()} keeps the buffer; not thread-safe. A value the protocol
 * cannot carry (an unsupported Java type, a string over 32767 UTF-8 bytes, a null inside a typed array, a null
 * table key, more than 255 parameters, nesting deeper than {@link #MAX_DEPTH}) throws
 * {@link IllegalArgumentException}. The type mapping is tabled on {@link GpBinaryV18Protocol}.
 */
public final class Protocol18Writer extends BinaryMessageWriter {
    /** Deepest nesting the writer follows; a guard against self-containing tables rather than a protocol rule. */
    public static final int MAX_DEPTH = 128;
    /** The C# writer refuses longer strings (UTF-8 bytes). */
    public static final int MAX_STRING_BYTES = 32_767;

    private static final Header ANY = new Header(GpType.UNKNOWN, GpType.UNKNOWN, null);

    /** A dictionary header as written: V18 key and value codes, the inner header when the values are dictionaries. */
    private record Header(int keyType, int valueType, Header inner) {
    }

    public Protocol18Writer() {
        this(CustomTypes.NONE);
    }

    public Protocol18Writer(CustomTypes customTypes) {
        super(customTypes);
    }

    /** Writes one value with its type code in front. */
    public Protocol18Writer writeValue(Object v) {
        if (v == null) {
            writeByte(GpType.NULL);
        } else if (v instanceof Integer i) {
            writeInt(i);
        } else if (v instanceof String s) {
            writeByte(GpType.STRING);
            writeString(s);
        } else if (v instanceof Byte b) {
            if (b == 0) {
                writeByte(GpType.BYTE_ZERO);
            } else {
                writeByte(GpType.BYTE);
                writeByte(b);
            }
        } else if (v instanceof Boolean b) {
            writeByte(b ? GpType.BOOLEAN_TRUE : GpType.BOOLEAN_FALSE);
        } else if (v instanceof Short s) {
            if (s == 0) {
                writeByte(GpType.SHORT_ZERO);
            } else {
                writeByte(GpType.SHORT);
                writeShortLE(s);
            }
        } else if (v instanceof Long l) {
            writeLong(l);
        } else if (v instanceof Float f) {
            writeByte(GpType.FLOAT);
            writeIntLE(Float.floatToRawIntBits(f));
        } else if (v instanceof Double d) {
            writeByte(GpType.DOUBLE);
            writeLongLE(Double.doubleToRawLongBits(d));
        } else if (v instanceof byte[] b) {
            writeByte(GpType.BYTE_ARRAY);
            writeByteArray(b);
        } else if (v instanceof CustomTypeValue c) {
            writeCustomTypeByte(c.typeCode());
            writeLengthAndBytes(c.data());
        } else if (v instanceof PhotonDictionary d) {
            writeByte(GpType.DICTIONARY);
            Header h = headerOf(d);
            writeHeader(h);
            writeDictionaryBody(d, h);
        } else if (v instanceof Map<?, ?> m) {
            writeByte(GpType.HASHTABLE);
            writeHashtableBody(m);
        } else if (v instanceof EventData e) {
            writeByte(GpType.EVENT_DATA);
            enter();
            writeEventBody(e);
            depth--;
        } else if (v instanceof OperationRequest r) {
            writeByte(GpType.OPERATION_REQUEST);
            enter();
            writeRequestBody(r);
            depth--;
        } else if (v instanceof OperationResponse r) {
            writeByte(GpType.OPERATION_RESPONSE);
            enter();
            writeResponseBody(r);
            depth--;
        } else if (v.getClass().isArray()) {
            writeArray(v);
        } else {
            CustomTypes.Registration<?> r = customTypes.forType(v.getClass());
            if (r == null) {
                throw new IllegalArgumentException("cannot encode a value of type " + v.getClass().getName());
            }
            writeCustomTypeByte(r.code());
            writeLengthAndBytes(r.serialize(v));
        }
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
        writeShortLE(r.returnCode());
        String debug = r.debugMessage();
        if (debug == null || debug.isEmpty()) {
            writeByte(GpType.NULL);
        } else {
            writeByte(GpType.STRING);
            writeString(debug);
        }
        writeParameters(r.parameters());
    }

    @Override
    protected void writeEventBody(EventData e) {
        writeByte(e.code());
        writeParameters(e.parameters());
    }

    /** A one-byte count, then key byte and typed value per parameter. */
    private void writeParameters(Parameters p) {
        int n = p.size();
        if (n > 255) {
            throw new IllegalArgumentException("a Protocol18 parameter table holds at most 255 entries, not " + n);
        }
        writeByte(n);
        for (int i = 0; i < n; i++) {
            writeByte(p.codeAt(i));
            writeValue(p.valueAt(i));
        }
    }

    // ---- numbers ----

    private void writeInt(int i) {
        if (i == 0) {
            writeByte(GpType.INT_ZERO);
        } else if (i > 0 && i <= 0xFF) {
            writeByte(GpType.INT1);
            writeByte(i);
        } else if (i > 0 && i <= 0xFFFF) {
            writeByte(GpType.INT2);
            writeShortLE(i);
        } else if (i < 0 && i >= -0xFF) {
            writeByte(GpType.INT1_NEGATIVE);
            writeByte(-i);
        } else if (i < 0 && i >= -0xFFFF) {
            writeByte(GpType.INT2_NEGATIVE);
            writeShortLE(-i);
        } else {
            writeByte(GpType.COMPRESSED_INT);
            writeCompressedInt(i);
        }
    }

    private void writeLong(long l) {
        if (l == 0) {
            writeByte(GpType.LONG_ZERO);
        } else if (l > 0 && l <= 0xFF) {
            writeByte(GpType.LONG1);
            writeByte((int) l);
        } else if (l > 0 && l <= 0xFFFF) {
            writeByte(GpType.LONG2);
            writeShortLE((int) l);
        } else if (l < 0 && l >= -0xFF) {
            writeByte(GpType.LONG1_NEGATIVE);
            writeByte((int) -l);
        } else if (l < 0 && l >= -0xFFFF) {
            writeByte(GpType.LONG2_NEGATIVE);
            writeShortLE((int) -l);
        } else {
            writeByte(GpType.COMPRESSED_LONG);
            writeCompressedLong(l);
        }
    }

    private void writeCompressedInt(int i) {
        writeVarUInt32((i << 1) ^ (i >> 31));
    }

    private void writeCompressedLong(long l) {
        writeVarUInt64((l << 1) ^ (l >> 63));
    }

    // ---- arrays ----

    private void writeArray(Object v) {
        if (v instanceof int[] a) {
            writeByte(GpType.COMPRESSED_INT_ARRAY);
            writeVarUInt32(a.length);
            for (int x : a) {
                writeCompressedInt(x);
            }
        } else if (v instanceof String[] a) {
            writeByte(GpType.STRING_ARRAY);
            writeVarUInt32(a.length);
            for (String s : a) {
                writeString(nonNullElement(s, "String[]"));
            }
        } else if (v instanceof long[] a) {
            writeByte(GpType.COMPRESSED_LONG_ARRAY);
            writeVarUInt32(a.length);
            for (long x : a) {
                writeCompressedLong(x);
            }
        } else if (v instanceof short[] a) {
            writeByte(GpType.SHORT_ARRAY);
            writeVarUInt32(a.length);
            ensure(2L * a.length);
            for (short x : a) {
                putShortLE(x);
            }
        } else if (v instanceof float[] a) {
            writeByte(GpType.FLOAT_ARRAY);
            writeVarUInt32(a.length);
            for (float x : a) {
                writeIntLE(Float.floatToRawIntBits(x));
            }
        } else if (v instanceof double[] a) {
            writeByte(GpType.DOUBLE_ARRAY);
            writeVarUInt32(a.length);
            for (double x : a) {
                writeLongLE(Double.doubleToRawLongBits(x));
            }
        } else if (v instanceof boolean[] a) {
            writeByte(GpType.BOOLEAN_ARRAY);
            writeBooleans(a);
        } else if (v instanceof PhotonHashtable[] a) {
            writeByte(GpType.HASHTABLE_ARRAY);
            writeVarUInt32(a.length);
            enter();
            for (PhotonHashtable t : a) {
                writeHashtableBody(nonNullElement(t, "PhotonHashtable[]"));
            }
            depth--;
        } else if (v instanceof PhotonDictionary[] a) {
            writeDictionaryArray(a);
        } else if (v.getClass().getComponentType().isArray()) {
            // an array of arrays: each element typed (and itself an array)
            Object[] a = (Object[]) v;
            writeByte(GpType.ARRAY);
            writeObjectElements(a);
        } else if (v instanceof Object[] a && !writeCustomArray(a)) {
            // Object[] and any other array of references (Integer[], EventData[] ...): each element typed
            writeByte(GpType.OBJECT_ARRAY);
            writeObjectElements(a);
        } else if (!(v instanceof Object[])) {
            throw new IllegalArgumentException("cannot encode a value of type " + v.getClass().getName());
        }
    }

    private void writeObjectElements(Object[] a) {
        writeVarUInt32(a.length);
        enter();
        for (Object o : a) {
            writeValue(o);
        }
        depth--;
    }

    /** Count, then the bits packed eight to a byte, element i at bit (i mod 8), least significant first. */
    private void writeBooleans(boolean[] a) {
        writeVarUInt32(a.length);
        int bytes = (a.length + 7) / 8;
        ensure(bytes);
        Arrays.fill(buf, size, size + bytes, (byte) 0);
        for (int i = 0; i < a.length; i++) {
            if (a[i]) {
                buf[size + i / 8] |= (byte) (1 << (i % 8));
            }
        }
        size += bytes;
    }

    /**
     * Code 83 when every element is a custom value of one code (a CustomTypeValue[] or an array of a registered
     * class); false (nothing written) otherwise, and the caller writes an object array.
     */
    private boolean writeCustomArray(Object[] a) {
        Class<?> component = a.getClass().getComponentType();
        CustomTypes.Registration<?> r = component == CustomTypeValue.class ? null : customTypes.forType(component);
        if (component != CustomTypeValue.class && r == null) {
            return false;
        }
        byte code;
        if (r != null) {
            code = r.code();
        } else {
            code = a.length == 0 || a[0] == null ? 0 : ((CustomTypeValue) a[0]).typeCode();
            for (Object o : a) {
                if (o == null || ((CustomTypeValue) o).typeCode() != code) {
                    return false;
                }
            }
        }
        writeByte(GpType.CUSTOM_TYPE_ARRAY);
        writeVarUInt32(a.length);
        writeByte(code);
        for (Object o : a) {
            writeLengthAndBytes(r != null ? r.serialize(nonNullElement(o, "custom type array"))
                    : ((CustomTypeValue) o).data());
        }
        return true;
    }

    // ---- tables ----

    private void writeHashtableBody(Map<?, ?> m) {
        writeVarUInt32(m.size());
        enter();
        for (Map.Entry<?, ?> e : m.entrySet()) {
            if (e.getKey() == null) {
                throw new IllegalArgumentException("null key in a Hashtable");
            }
            writeValue(e.getKey());
            writeValue(e.getValue());
        }
        depth--;
    }

    /**
     * The header this dictionary is written with: its declared types in V18 codes, or 0 (each entry typed) for a side
     * with no single V18 code or with an entry that does not fit the declared type, so that a dictionary from any
     * client always encodes. Dictionary values share one inner header, or their side falls back to 0.
     */
    private Header headerOf(PhotonDictionary d) {
        int keyType = keyTypeOf(DictionaryTypes.toProtocol18(d.keyType()));
        int valueType = d.valueType() == TypeCode.TYPED_ARRAY ? commonArrayType(d.values())
                : DictionaryTypes.toProtocol18(d.valueType());
        Header inner = null;
        int declaredKey = keyType;
        if (keyType != GpType.UNKNOWN && !d.keySet().stream().allMatch(k -> fitsDeclared(declaredKey, k))) {
            keyType = GpType.UNKNOWN;
        }
        if (valueType == GpType.DICTIONARY) {
            enter();
            inner = commonHeader(d.values().toArray());
            depth--;
            if (inner == null) {
                valueType = GpType.UNKNOWN;
            }
        } else if (valueType != GpType.UNKNOWN) {
            int declared = valueType;
            if (!d.values().stream().allMatch(v -> fitsDeclared(declared, v))) {
                valueType = GpType.UNKNOWN;
            }
        }
        return new Header(keyType, valueType, inner);
    }

    /** The header all these dictionaries share, {@link #ANY} when there are none, null when they differ. */
    private Header commonHeader(Object[] dictionaries) {
        Header common = null;
        for (Object o : dictionaries) {
            if (!(o instanceof PhotonDictionary d)) {
                return null;
            }
            Header h = headerOf(d);
            if (common != null && !common.equals(h)) {
                return null;
            }
            common = h;
        }
        return common == null ? ANY : common;
    }

    /**
     * Protocol16's one typed-array code names no V18 array type, but the values do: when they are all arrays of one
     * primitive kind (as a V18 client's {@code Dictionary<K, short[]>} decodes), that array's code, so a V18 client
     * gets its header back; 0 otherwise.
     */
    private static int commonArrayType(Collection<Object> values) {
        int common = GpType.UNKNOWN;
        for (Object v : values) {
            int code = v instanceof short[] ? GpType.SHORT_ARRAY
                    : v instanceof long[] ? GpType.COMPRESSED_LONG_ARRAY
                    : v instanceof float[] ? GpType.FLOAT_ARRAY
                    : v instanceof double[] ? GpType.DOUBLE_ARRAY
                    : v instanceof boolean[] ? GpType.BOOLEAN_ARRAY
                    : GpType.UNKNOWN;
            if (code == GpType.UNKNOWN || (common != GpType.UNKNOWN && code != common)) {
                return GpType.UNKNOWN;
            }
            common = code;
        }
        return common;
    }

    /** Only these types may be declared for keys (§2.5); any other key type is sent as 0. */
    private static int keyTypeOf(int type) {
        return switch (type) {
            case GpType.BYTE, GpType.SHORT, GpType.COMPRESSED_INT, GpType.COMPRESSED_LONG, GpType.FLOAT,
                    GpType.DOUBLE, GpType.STRING -> type;
            default -> GpType.UNKNOWN;
        };
    }

    private static boolean fitsDeclared(int type, Object v) {
        return switch (type) {
            case GpType.BOOLEAN -> v instanceof Boolean;
            case GpType.BYTE -> v instanceof Byte;
            case GpType.SHORT -> v instanceof Short;
            case GpType.FLOAT -> v instanceof Float;
            case GpType.DOUBLE -> v instanceof Double;
            case GpType.STRING -> v instanceof String;
            case GpType.COMPRESSED_INT -> v instanceof Integer;
            case GpType.COMPRESSED_LONG -> v instanceof Long;
            case GpType.HASHTABLE -> v instanceof Map && !(v instanceof PhotonDictionary);
            case GpType.OBJECT_ARRAY -> v != null && v.getClass() == Object[].class;
            case GpType.OPERATION_REQUEST -> v instanceof OperationRequest;
            case GpType.OPERATION_RESPONSE -> v instanceof OperationResponse;
            case GpType.EVENT_DATA -> v instanceof EventData;
            case GpType.BYTE_ARRAY -> v instanceof byte[];
            case GpType.COMPRESSED_INT_ARRAY -> v instanceof int[];
            case GpType.SHORT_ARRAY -> v instanceof short[];
            case GpType.COMPRESSED_LONG_ARRAY -> v instanceof long[];
            case GpType.FLOAT_ARRAY -> v instanceof float[];
            case GpType.DOUBLE_ARRAY -> v instanceof double[];
            case GpType.BOOLEAN_ARRAY -> v instanceof boolean[];
            case GpType.STRING_ARRAY -> v instanceof String[] a && Arrays.stream(a).allMatch(Objects::nonNull);
            default -> false;
        };
    }

    private void writeHeader(Header h) {
        writeByte(h.keyType);
        writeByte(h.valueType);
        if (h.inner != null) {
            writeHeader(h.inner);
        }
    }

    private void writeDictionaryBody(PhotonDictionary d, Header h) {
        writeVarUInt32(d.size());
        enter();
        for (Map.Entry<Object, Object> e : d.entrySet()) {
            if (e.getKey() == null) {
                throw new IllegalArgumentException("null key in a Dictionary");
            }
            writeDeclared(h.keyType, null, e.getKey());
            writeDeclared(h.valueType, h.inner, e.getValue());
        }
        depth--;
    }

    /** A key or value without its type byte (the header declared it); ints as plain zigzag varints. */
    private void writeDeclared(int type, Header inner, Object v) {
        switch (type) {
            case GpType.UNKNOWN -> writeValue(v);
            case GpType.BOOLEAN -> writeByte((Boolean) v ? 1 : 0);
            case GpType.BYTE -> writeByte((Byte) v);
            case GpType.SHORT -> writeShortLE((Short) v);
            case GpType.FLOAT -> writeIntLE(Float.floatToRawIntBits((Float) v));
            case GpType.DOUBLE -> writeLongLE(Double.doubleToRawLongBits((Double) v));
            case GpType.STRING -> writeString((String) v);
            case GpType.COMPRESSED_INT -> writeCompressedInt((Integer) v);
            case GpType.COMPRESSED_LONG -> writeCompressedLong((Long) v);
            case GpType.DICTIONARY -> writeDictionaryBody((PhotonDictionary) v, inner);
            case GpType.HASHTABLE -> writeHashtableBody((Map<?, ?>) v);
            case GpType.BYTE_ARRAY -> writeByteArray((byte[]) v);
            default -> {
                // object arrays, int[], String[] and nested messages: their typed form minus the type byte
                int at = size;
                writeValue(v);
                System.arraycopy(buf, at + 1, buf, at, size - at - 1);
                size--;
            }
        }
    }

    /** One header for all (shared by the elements, or 0/0), then each dictionary's count and entries. */
    private void writeDictionaryArray(PhotonDictionary[] a) {
        for (PhotonDictionary d : a) {
            nonNullElement(d, "PhotonDictionary[]");
        }
        writeByte(GpType.DICTIONARY_ARRAY);
        enter();
        Header h = commonHeader(a);
        if (h == null) {
            h = ANY;
        }
        writeHeader(h);
        writeVarUInt32(a.length);
        for (PhotonDictionary d : a) {
            writeDictionaryBody(d, h);
        }
        depth--;
    }

    // ---- custom types, bytes, strings ----

    private void writeCustomTypeByte(byte code) {
        int c = code & 0xFF;
        if (c < GpType.SLIM_CODE_LIMIT) {
            writeByte(GpType.CUSTOM_SLIM + c);
        } else {
            writeByte(GpType.CUSTOM);
            writeByte(c);
        }
    }

    private void writeLengthAndBytes(byte[] b) {
        writeByteArray(b);
    }

    private void writeByteArray(byte[] b) {
        writeVarUInt32(b.length);
        ensure(b.length);
        System.arraycopy(b, 0, buf, size, b.length);
        size += b.length;
    }

    /** Varint UTF-8 length, then UTF-8; an unpaired surrogate becomes {@code '?'} as in the JDK's encoder. */
    private void writeString(String s) {
        int n = s.length();
        int bytes = 0;
        for (int i = 0; i < n; i++) {
            char c = s.charAt(i);
            if (c < 0x80) {
                bytes++;
            } else if (c < 0x800) {
                bytes += 2;
            } else if (Character.isHighSurrogate(c) && i + 1 < n && Character.isLowSurrogate(s.charAt(i + 1))) {
                bytes += 4;
                i++;
            } else if (Character.isSurrogate(c)) {
                bytes++;
            } else {
                bytes += 3;
            }
        }
        if (bytes > MAX_STRING_BYTES) {
            throw new IllegalArgumentException("string of " + bytes + " UTF-8 bytes exceeds " + MAX_STRING_BYTES);
        }
        writeVarUInt32(bytes);
        ensure(bytes);
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
    }

    private static <T> T nonNullElement(T o, String array) {
        if (o == null) {
            throw new IllegalArgumentException("null element in a " + array + ": only Object[] can hold nulls");
        }
        return o;
    }

    private void enter() {
        if (++depth > MAX_DEPTH) {
            throw new IllegalArgumentException("values nested deeper than " + MAX_DEPTH + " levels");
        }
    }

    // ---- primitives ----

    private void writeVarUInt32(int v) {
        ensure(5);
        while ((v & ~0x7F) != 0) {
            buf[size++] = (byte) (v & 0x7F | 0x80);
            v >>>= 7;
        }
        buf[size++] = (byte) v;
    }

    private void writeVarUInt64(long v) {
        ensure(10);
        while ((v & ~0x7FL) != 0) {
            buf[size++] = (byte) (v & 0x7F | 0x80);
            v >>>= 7;
        }
        buf[size++] = (byte) v;
    }

    private void writeShortLE(int v) {
        ensure(2);
        putShortLE(v);
    }

    private void putShortLE(int v) {
        buf[size++] = (byte) v;
        buf[size++] = (byte) (v >> 8);
    }

    private void writeIntLE(int v) {
        ensure(4);
        buf[size++] = (byte) v;
        buf[size++] = (byte) (v >> 8);
        buf[size++] = (byte) (v >> 16);
        buf[size++] = (byte) (v >> 24);
    }

    private void writeLongLE(long v) {
        writeIntLE((int) v);
        writeIntLE((int) (v >>> 32));
    }

}
