package org.photonee.core.codec.protocol18;

import java.lang.reflect.Array;
import java.nio.ByteBuffer;
import java.util.Arrays;
import org.photonee.core.codec.protocol16.CustomTypes;
import org.photonee.core.codec.BinaryMessageReader;
import org.photonee.core.protocol.CustomTypeValue;
import org.photonee.core.protocol.EventData;
import org.photonee.core.protocol.OperationRequest;
import org.photonee.core.protocol.OperationResponse;
import org.photonee.core.protocol.Parameters;
import org.photonee.core.protocol.PhotonDictionary;
import org.photonee.core.protocol.PhotonHashtable;
import org.photonee.core.protocol.ProtocolException;
import org.photonee.core.protocol.ProtocolLimits;

/**
 * Decodes one Protocol18 message (or value) from a bounded byte range of untrusted input. It accepts every code of
 * NATIVE-PROTOCOLS.md §2.3, including those the official writer never emits (FloatZero, DoubleZero, Boolean 2).
 *
 * <p>The same safety rules as {@code Protocol16Reader}: every varint count and length is checked before anything is
 * allocated (within {@link ProtocolLimits}, and small enough that the elements' minimum size fits the bytes left);
 * across the message, containers may not announce more element slots than it has bytes; nesting (containers,
 * nested messages, nested dictionary headers) is bounded by {@link ProtocolLimits#maxDepth()} and
 * {@link #MAX_SUPPORTED_DEPTH}; a varint longer than its type allows, a value out of range, an unknown code,
 * invalid UTF-8 or trailing bytes is a {@link ProtocolException} naming the offset. No other exception escapes.
 *
 * <p>One reader decodes one input; it is cheap to create and not thread-safe.
 */
public final class Protocol18Reader extends BinaryMessageReader {
    /** Hard ceiling on nesting whatever the limits say: the reader recurses once per level. */
    public static final int MAX_SUPPORTED_DEPTH = 128;

    /** A dictionary header: declared key and value codes; {@code inner} when the value type is a dictionary. */
    private record Header(int keyType, int valueType, Header inner) {
        PhotonDictionary newDictionary() {
            return new PhotonDictionary(DictionaryTypes.toProtocol16(keyType), DictionaryTypes.toProtocol16(valueType));
        }
    }

    public Protocol18Reader(byte[] data, int offset, int length, ProtocolLimits limits, CustomTypes customTypes) {
        super(data, offset, length, limits, customTypes, MAX_SUPPORTED_DEPTH);
    }

    /** A reader over the remaining bytes of a buffer, without copying when the buffer is array-backed. */
    public static Protocol18Reader over(ByteBuffer buffer, ProtocolLimits limits, CustomTypes customTypes) {
        return over(buffer, (d, offset, length) -> new Protocol18Reader(d, offset, length, limits, customTypes));
    }

    @Override
    protected String unsupportedType(int type) {
        return "message type " + type + " (" + MessageType.name(type) + ") is not supported";
    }

    /** Reads one typed value (type code, payload). */
    public Object readValue() throws ProtocolException {
        return readTyped(readUnsignedByte("type code"));
    }

    // ---- message bodies ----

    @Override
    protected OperationRequest readRequestBody(boolean internal) throws ProtocolException {
        int code = readUnsignedByte("operation code");
        return new OperationRequest(code, readParameters(), internal);
    }

    @Override
    protected OperationResponse readResponseBody(boolean internal) throws ProtocolException {
        int code = readUnsignedByte("operation code");
        short returnCode = readShort("return code");
        int at = pos;
        int debugType = readUnsignedByte("debug message type");
        String debugMessage = switch (debugType) {
            case GpType.NULL -> null;
            case GpType.STRING -> readString();
            default -> throw errorAt(at, "debug message must be null or a string, got type code " + debugType);
        };
        return new OperationResponse(code, returnCode, debugMessage, readParameters(), internal);
    }

    @Override
    protected EventData readEventBody() throws ProtocolException {
        int code = readUnsignedByte("event code");
        return new EventData(code, readParameters());
    }

    /** One byte count (not a varint: §2.8), then key byte + typed value per parameter. */
    private Parameters readParameters() throws ProtocolException {
        int at = pos;
        int count = readUnsignedByte("parameter count");
        checkCount(at, count, 2, "parameter table");
        Parameters p = new Parameters(count);
        for (int i = 0; i < count; i++) {
            int key = readUnsignedByte("parameter code");
            p.put(key, readValue());
        }
        return p;
    }

    // ---- typed values ----

    private Object readTyped(int code) throws ProtocolException {
        return switch (code) {
            case GpType.NULL -> null;
            case GpType.BOOLEAN -> readUnsignedByte("boolean") != 0;
            case GpType.BOOLEAN_FALSE -> Boolean.FALSE;
            case GpType.BOOLEAN_TRUE -> Boolean.TRUE;
            case GpType.BYTE -> readByte("byte");
            case GpType.BYTE_ZERO -> (byte) 0;
            case GpType.SHORT -> readShort("short");
            case GpType.SHORT_ZERO -> (short) 0;
            case GpType.FLOAT -> readFloat();
            case GpType.FLOAT_ZERO -> 0f;
            case GpType.DOUBLE -> readDouble();
            case GpType.DOUBLE_ZERO -> 0d;
            case GpType.COMPRESSED_INT -> readCompressedInt();
            case GpType.INT_ZERO -> 0;
            case GpType.INT1 -> readUnsignedByte("int");
            case GpType.INT1_NEGATIVE -> -readUnsignedByte("int");
            case GpType.INT2 -> readUnsignedShort("int");
            case GpType.INT2_NEGATIVE -> -readUnsignedShort("int");
            case GpType.COMPRESSED_LONG -> readCompressedLong();
            case GpType.LONG_ZERO -> 0L;
            case GpType.LONG1 -> (long) readUnsignedByte("long");
            case GpType.LONG1_NEGATIVE -> (long) -readUnsignedByte("long");
            case GpType.LONG2 -> (long) readUnsignedShort("long");
            case GpType.LONG2_NEGATIVE -> (long) -readUnsignedShort("long");
            case GpType.CUSTOM -> readCustom(readByte("custom type code"));
            default -> GpType.isSlimCustom(code) ? readCustom((byte) (code - GpType.CUSTOM_SLIM)) : readContainer(code);
        };
    }

    /** The payloads that read the same typed and bare (in a typed array or dictionary), and the containers. */
    private Object readContainer(int code) throws ProtocolException {
        return switch (code) {
            case GpType.STRING -> readString();
            case GpType.HASHTABLE -> readHashtable();
            case GpType.DICTIONARY -> readDictionaryBody(readHeader());
            case GpType.OBJECT_ARRAY -> readObjectArray();
            case GpType.OPERATION_REQUEST -> nested(code);
            case GpType.OPERATION_RESPONSE -> nested(code);
            case GpType.EVENT_DATA -> nested(code);
            case GpType.ARRAY -> readArrayOfArrays();
            case GpType.BOOLEAN_ARRAY -> readBooleanArray();
            case GpType.BYTE_ARRAY -> readByteArray();
            case GpType.SHORT_ARRAY -> readShortArray();
            case GpType.FLOAT_ARRAY -> readFloatArray();
            case GpType.DOUBLE_ARRAY -> readDoubleArray();
            case GpType.STRING_ARRAY -> readStringArray();
            case GpType.COMPRESSED_INT_ARRAY -> readIntArray();
            case GpType.COMPRESSED_LONG_ARRAY -> readLongArray();
            case GpType.CUSTOM_TYPE_ARRAY -> readCustomArray();
            case GpType.DICTIONARY_ARRAY -> readDictionaryArray();
            case GpType.HASHTABLE_ARRAY -> readHashtableArray();
            default -> throw error(-1, "unknown type code " + code);
        };
    }

    private Object nested(int code) throws ProtocolException {
        enter();
        Object m = switch (code) {
            case GpType.OPERATION_REQUEST -> readRequestBody(false);
            case GpType.OPERATION_RESPONSE -> readResponseBody(false);
            default -> readEventBody();
        };
        depth--;
        return m;
    }

    /** A value whose type a dictionary header declared: no type byte, and an int is a plain zigzag varint. */
    private Object readDeclared(int type, Header inner) throws ProtocolException {
        return switch (type) {
            case GpType.UNKNOWN -> readValue();
            case GpType.BOOLEAN -> readUnsignedByte("boolean") != 0;
            case GpType.BYTE -> readByte("byte");
            case GpType.SHORT -> readShort("short");
            case GpType.FLOAT -> readFloat();
            case GpType.DOUBLE -> readDouble();
            case GpType.COMPRESSED_INT -> readCompressedInt();
            case GpType.COMPRESSED_LONG -> readCompressedLong();
            case GpType.CUSTOM -> readCustom(readByte("custom type code"));
            case GpType.DICTIONARY -> readDictionaryBody(inner);
            default -> GpType.isSlimCustom(type) ? readCustom((byte) (type - GpType.CUSTOM_SLIM)) : readContainer(type);
        };
    }

    // ---- scalars ----

    private float readFloat() throws ProtocolException {
        need(4, "float");
        return Float.intBitsToFloat(getIntLE());
    }

    private double readDouble() throws ProtocolException {
        need(8, "double");
        return Double.longBitsToDouble(getLongLE());
    }

    private int readCompressedInt() throws ProtocolException {
        int u = (int) readVarUInt32("compressed int");
        return (u >>> 1) ^ -(u & 1);
    }

    private long readCompressedLong() throws ProtocolException {
        long u = readVarUInt64("compressed long");
        return (u >>> 1) ^ -(u & 1);
    }

    private String readString() throws ProtocolException {
        int at = pos;
        long length = readVarUInt32("string length");
        if (length > limits.maxStringLength()) {
            throw errorAt(at, "string of " + length + " bytes exceeds the limit of " + limits.maxStringLength());
        }
        int n = (int) length;
        need(n, "string");
        String s = decodeUtf8(pos, n);
        pos += n;
        return s;
    }

    /** Body length varint, body; a registered type is handed to its deserializer, any other stays opaque. */
    private Object readCustom(byte customCode) throws ProtocolException {
        int at = pos;
        int length = readLength("custom type length");
        byte[] bytes = Arrays.copyOfRange(data, pos, pos + length);
        pos += length;
        CustomTypes.Registration<?> r = customTypes.forCode(customCode);
        if (r == null) {
            return new CustomTypeValue(customCode, bytes);
        }
        try {
            return r.deserializer().apply(bytes);
        } catch (RuntimeException e) {
            // Application code: its failure rejects this message like any malformed input.
            throw errorAt(at, "custom type " + (customCode & 0xFF) + " could not be deserialized: " + e);
        }
    }

    // ---- primitive arrays ----

    private byte[] readByteArray() throws ProtocolException {
        int length = readLength("byte[] length");
        byte[] b = Arrays.copyOfRange(data, pos, pos + length);
        pos += length;
        return b;
    }

    /** Bit i of the packed bytes is element i, least significant bit first. */
    private boolean[] readBooleanArray() throws ProtocolException {
        int at = pos;
        long count = readVarUInt32("boolean[] count");
        checkPrimitiveCount(at, count, 0, "boolean[]");
        int n = (int) count;
        int bytes = (n + 7) / 8;
        need(bytes, "boolean[]");
        boolean[] a = new boolean[n];
        for (int i = 0; i < n; i++) {
            a[i] = (data[pos + i / 8] & 1 << (i % 8)) != 0;
        }
        pos += bytes;
        return a;
    }

    private short[] readShortArray() throws ProtocolException {
        int n = readPrimitiveCount(2, "short[]");
        short[] a = new short[n];
        for (int i = 0; i < n; i++) {
            a[i] = (short) (data[pos] & 0xFF | data[pos + 1] << 8);
            pos += 2;
        }
        return a;
    }

    private float[] readFloatArray() throws ProtocolException {
        int n = readPrimitiveCount(4, "float[]");
        float[] a = new float[n];
        for (int i = 0; i < n; i++) {
            a[i] = Float.intBitsToFloat(getIntLE());
        }
        return a;
    }

    private double[] readDoubleArray() throws ProtocolException {
        int n = readPrimitiveCount(8, "double[]");
        double[] a = new double[n];
        for (int i = 0; i < n; i++) {
            a[i] = Double.longBitsToDouble(getLongLE());
        }
        return a;
    }

    private int[] readIntArray() throws ProtocolException {
        int n = readPrimitiveCount(1, "int[]");
        int[] a = new int[n];
        for (int i = 0; i < n; i++) {
            a[i] = readCompressedInt();
        }
        return a;
    }

    private long[] readLongArray() throws ProtocolException {
        int n = readPrimitiveCount(1, "long[]");
        long[] a = new long[n];
        for (int i = 0; i < n; i++) {
            a[i] = readCompressedLong();
        }
        return a;
    }

    private String[] readStringArray() throws ProtocolException {
        int n = readCount("String[]", 1);
        String[] a = new String[n];
        for (int i = 0; i < n; i++) {
            a[i] = readString();
        }
        return a;
    }

    // ---- containers ----

    private Object[] readObjectArray() throws ProtocolException {
        int n = readCount("Object[]", 1);
        enter();
        Object[] a = new Object[n];
        for (int i = 0; i < n; i++) {
            a[i] = readValue();
        }
        depth--;
        return a;
    }

    /**
     * Code 64: typed values that are each an array. The result takes its elements' common class (e.g.
     * {@code int[][]}), or is an {@code Object[]} when empty, mixed or holding nulls.
     */
    private Object readArrayOfArrays() throws ProtocolException {
        int n = readCount("array of arrays", 1);
        enter();
        Object[] a = new Object[n];
        Class<?> common = null;
        boolean uniform = n > 0;
        for (int i = 0; i < n; i++) {
            int at = pos;
            Object element = readValue();
            if (element != null && !element.getClass().isArray()) {
                throw errorAt(at, "array of arrays holds a " + element.getClass().getSimpleName());
            }
            a[i] = element;
            if (element == null || (common != null && element.getClass() != common)) {
                uniform = false;
            } else {
                common = element.getClass();
            }
        }
        depth--;
        if (!uniform) {
            return a;
        }
        Object typed = Array.newInstance(common, n);
        System.arraycopy(a, 0, typed, 0, n);
        return typed;
    }

    /** Pair count, then typed key and typed value per pair; pairs with a null key are dropped, as the client does. */
    private PhotonHashtable readHashtable() throws ProtocolException {
        int n = readCount("Hashtable", 2);
        enter();
        PhotonHashtable t = new PhotonHashtable(n);
        for (int i = 0; i < n; i++) {
            Object key = readValue();
            Object value = readValue();
            if (key != null) {
                t.put(key, value);
            }
        }
        depth--;
        return t;
    }

    private PhotonHashtable[] readHashtableArray() throws ProtocolException {
        int n = readCount("Hashtable[]", 1);
        enter();
        PhotonHashtable[] a = new PhotonHashtable[n];
        for (int i = 0; i < n; i++) {
            a[i] = readHashtable();
        }
        depth--;
        return a;
    }

    /**
     * Key type, value type; a dictionary value type is followed by the inner dictionary's header, recursively; an
     * array-of-arrays value type ({@code 0x40}) by further {@code 0x40}s and the innermost array code. Nesting of
     * headers counts towards the depth limit.
     */
    private Header readHeader() throws ProtocolException {
        int at = pos;
        int keyType = readUnsignedByte("Dictionary key type");
        if (!isKeyType(keyType)) {
            throw errorAt(at, "invalid Dictionary key type " + keyType);
        }
        int valueType = readUnsignedByte("Dictionary value type");
        Header inner = null;
        if (valueType == GpType.DICTIONARY) {
            enter();
            inner = readHeader();
            depth--;
        } else if (valueType == GpType.ARRAY) {
            skipArrayOfArraysType();
        } else if (!isDeclarableType(valueType)) {
            throw error(-1, "invalid Dictionary value type " + valueType);
        }
        return new Header(keyType, valueType, inner);
    }

    private void skipArrayOfArraysType() throws ProtocolException {
        int levels = 0;
        int code;
        do {
            if (++levels > maxDepth) {
                throw error(0, "array type nested deeper than " + maxDepth + " levels");
            }
            code = readUnsignedByte("array element type");
        } while (code == GpType.ARRAY);
        if ((code & GpType.ARRAY) == 0 || !isDeclarableType(code)) {
            throw error(-1, "invalid array element type " + code + " in a Dictionary header");
        }
    }

    private static boolean isKeyType(int type) {
        return switch (type) {
            case GpType.UNKNOWN, GpType.BYTE, GpType.SHORT, GpType.COMPRESSED_INT, GpType.COMPRESSED_LONG,
                    GpType.FLOAT, GpType.DOUBLE, GpType.STRING -> true;
            default -> false;
        };
    }

    /** Codes that may stand in a dictionary header (those with a bare form). */
    private static boolean isDeclarableType(int type) {
        return switch (type) {
            case GpType.UNKNOWN, GpType.BOOLEAN, GpType.BYTE, GpType.SHORT, GpType.FLOAT, GpType.DOUBLE,
                    GpType.STRING, GpType.COMPRESSED_INT, GpType.COMPRESSED_LONG, GpType.CUSTOM, GpType.DICTIONARY,
                    GpType.HASHTABLE, GpType.OBJECT_ARRAY, GpType.OPERATION_REQUEST, GpType.OPERATION_RESPONSE,
                    GpType.EVENT_DATA, GpType.ARRAY, GpType.BOOLEAN_ARRAY, GpType.BYTE_ARRAY, GpType.SHORT_ARRAY,
                    GpType.FLOAT_ARRAY, GpType.DOUBLE_ARRAY, GpType.STRING_ARRAY, GpType.COMPRESSED_INT_ARRAY,
                    GpType.COMPRESSED_LONG_ARRAY, GpType.CUSTOM_TYPE_ARRAY, GpType.DICTIONARY_ARRAY,
                    GpType.HASHTABLE_ARRAY -> true;
            default -> GpType.isSlimCustom(type);
        };
    }

    /** Fewest bytes a key or value of a declared type takes (the type byte itself when undeclared). */
    private static int minSize(int type) {
        return switch (type) {
            case GpType.SHORT -> 2;
            case GpType.FLOAT -> 4;
            case GpType.DOUBLE -> 8;
            case GpType.CUSTOM, GpType.OPERATION_REQUEST, GpType.EVENT_DATA, GpType.CUSTOM_TYPE_ARRAY -> 2;
            case GpType.DICTIONARY_ARRAY -> 3;
            case GpType.OPERATION_RESPONSE -> 5;
            default -> 1;
        };
    }

    private PhotonDictionary readDictionaryBody(Header h) throws ProtocolException {
        int n = readCount("Dictionary", minSize(h.keyType) + minSize(h.valueType));
        enter();
        PhotonDictionary d = h.newDictionary();
        for (int i = 0; i < n; i++) {
            int at = pos;
            Object key = readDeclared(h.keyType, null);
            if (key == null) {
                throw errorAt(at, "null key in a Dictionary");
            }
            d.put(key, readDeclared(h.valueType, h.inner));
        }
        depth--;
        return d;
    }

    /** One header for all, then each dictionary's count and entries. */
    private PhotonDictionary[] readDictionaryArray() throws ProtocolException {
        enter();
        Header h = readHeader();
        int n = readCount("Dictionary[]", 1);
        PhotonDictionary[] a = new PhotonDictionary[n];
        for (int i = 0; i < n; i++) {
            a[i] = readDictionaryBody(h);
        }
        depth--;
        return a;
    }

    /** Count, one custom type code for all, then each element's length and body. */
    private Object readCustomArray() throws ProtocolException {
        int at = pos;
        long count = readVarUInt32("custom type array count");
        byte customCode = readByte("custom type code");
        checkCount(at, count, 1, "custom type array");
        int n = (int) count;
        CustomTypes.Registration<?> r = customTypes.forCode(customCode);
        Class<?> component = r != null ? r.type() : CustomTypeValue.class;
        Object a = Array.newInstance(component, n);
        enter();
        for (int i = 0; i < n; i++) {
            Object element = readCustom(customCode);
            if (!component.isInstance(element)) {
                throw error(0, "custom type " + (customCode & 0xFF) + " deserialized to "
                        + (element == null ? "null" : element.getClass().getName()) + " inside a custom type array");
            }
            Array.set(a, i, element);
        }
        depth--;
        return a;
    }

    // ---- counts, lengths, depth ----

    /** A varint byte length that must fit in the bytes left. */
    private int readLength(String what) throws ProtocolException {
        int at = pos;
        long length = readVarUInt32(what);
        if (length > end - pos) {
            throw errorAt(at, "truncated " + what + " of " + length + " bytes, " + (end - pos) + " left");
        }
        return (int) length;
    }

    /** A varint count of primitives of {@code minEach} bytes each, checked but not charged to the slot budget. */
    private int readPrimitiveCount(int minEach, String what) throws ProtocolException {
        int at = pos;
        long count = readVarUInt32(what + " count");
        checkPrimitiveCount(at, count, minEach, what);
        return (int) count;
    }

    /** A varint count of elements allocated as references, each at least {@code minEach} bytes. */
    private int readCount(String what, int minEach) throws ProtocolException {
        int at = pos;
        long count = readVarUInt32(what + " count");
        checkCount(at, count, minEach, what);
        return (int) count;
    }

    // ---- primitives ----

    /** LEB128, at most 5 bytes, and the value must fit 32 bits. Returned unsigned. */
    private long readVarUInt32(String what) throws ProtocolException {
        int at = pos;
        long value = 0;
        for (int shift = 0; shift < 35; shift += 7) {
            int b = readUnsignedByte(what);
            value |= (long) (b & 0x7F) << shift;
            if ((b & 0x80) == 0) {
                if (value > 0xFFFFFFFFL) {
                    throw errorAt(at, what + " does not fit 32 bits");
                }
                return value;
            }
        }
        throw errorAt(at, what + " is a varint longer than 5 bytes");
    }

    /** LEB128, at most 10 bytes, and the value must fit 64 bits. */
    private long readVarUInt64(String what) throws ProtocolException {
        int at = pos;
        long value = 0;
        for (int shift = 0; shift < 70; shift += 7) {
            int b = readUnsignedByte(what);
            if (shift == 63 && (b & 0x7E) != 0) {
                throw errorAt(at, what + " does not fit 64 bits");
            }
            value |= (long) (b & 0x7F) << shift;
            if ((b & 0x80) == 0) {
                return value;
            }
        }
        throw errorAt(at, what + " is a varint longer than 10 bytes");
    }

    private short readShort(String what) throws ProtocolException {
        return (short) readUnsignedShort(what);
    }

    private int readUnsignedShort(String what) throws ProtocolException {
        need(2, what);
        int v = data[pos] & 0xFF | (data[pos + 1] & 0xFF) << 8;
        pos += 2;
        return v;
    }

    /** Reads 4 little-endian bytes already known to be there. */
    private int getIntLE() {
        int v = data[pos] & 0xFF | (data[pos + 1] & 0xFF) << 8 | (data[pos + 2] & 0xFF) << 16
                | (data[pos + 3] & 0xFF) << 24;
        pos += 4;
        return v;
    }

    private long getLongLE() {
        long lo = getIntLE() & 0xFFFFFFFFL;
        return lo | (getIntLE() & 0xFFFFFFFFL) << 32;
    }

}
