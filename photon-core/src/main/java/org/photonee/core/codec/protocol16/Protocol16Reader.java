package org.photonee.core.codec.protocol16;

import java.lang.reflect.Array;
import java.nio.ByteBuffer;
import java.util.Arrays;
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
 * Decodes one Protocol16 message (or value) from a bounded byte range of untrusted input.
 *
 * <p>Safety rules, so that a hostile client can neither crash nor bloat the server:
 * <ul>
 *   <li>Every count and length is checked before anything is allocated: not negative, within
 *       {@link ProtocolLimits#maxCollectionLength()} / {@link ProtocolLimits#maxStringLength()}, and small enough that
 *       the elements' minimum encoded size fits in the bytes left.</li>
 *   <li>Across the whole message, containers may not announce more element slots than the message has bytes (every
 *       real element takes at least one byte), which keeps nested pre-allocation proportional to the input.</li>
 *   <li>Nesting of containers (Object[], typed arrays, Hashtables, Dictionaries, nested messages) is counted and
 *       bounded by {@link ProtocolLimits#maxDepth()}, capped at {@link #MAX_SUPPORTED_DEPTH} so recursion can never
 *       exhaust the stack.</li>
 *   <li>Anything wrong (truncation, unknown type code, invalid UTF-8, a boolean other than 0/1, trailing bytes) is a
 *       {@link ProtocolException} naming the problem and its offset from the start of the message; no other
 *       exception escapes.</li>
 * </ul>
 * One reader decodes one input; it is cheap to create and not thread-safe.
 */
public final class Protocol16Reader extends BinaryMessageReader {
    /** Hard ceiling on nesting whatever the limits say: the reader recurses once per level. */
    public static final int MAX_SUPPORTED_DEPTH = 128;

    public Protocol16Reader(byte[] data, int offset, int length, ProtocolLimits limits, CustomTypes customTypes) {
        super(data, offset, length, limits, customTypes, MAX_SUPPORTED_DEPTH);
    }

    /** A reader over the remaining bytes of a buffer, without copying when the buffer is array-backed. */
    public static Protocol16Reader over(ByteBuffer buffer, ProtocolLimits limits, CustomTypes customTypes) {
        return over(buffer, (d, offset, length) -> new Protocol16Reader(d, offset, length, limits, customTypes));
    }

    @Override
    protected String unsupportedType(int type) {
        return switch (type) {
            case MessageType.INIT, MessageType.INIT_RESPONSE, MessageType.DISCONNECT ->
                    "message type " + type + " (" + MessageType.name(type) + ") is not supported";
            default -> "unknown message type " + type;
        };
    }

    /** Reads one typed value (type code, body). */
    public Object readValue() throws ProtocolException {
        return readBody(readByte("type code"));
    }

    // ---- message bodies ----

    @Override
    protected OperationRequest readRequestBody(boolean internal) throws ProtocolException {
        int code = readByte("operation code") & 0xFF;
        return new OperationRequest(code, readParameters(), internal);
    }

    @Override
    protected OperationResponse readResponseBody(boolean internal) throws ProtocolException {
        int code = readByte("operation code") & 0xFF;
        short returnCode = readShort("return code");
        int at = pos;
        byte debugType = readByte("debug message type");
        String debugMessage = switch (debugType) {
            case TypeCode.NULL -> null;
            case TypeCode.STRING -> readString();
            default -> throw errorAt(at, "debug message must be null or a string, got type code "
                    + TypeCode.describe(debugType));
        };
        return new OperationResponse(code, returnCode, debugMessage, readParameters(), internal);
    }

    @Override
    protected EventData readEventBody() throws ProtocolException {
        int code = readByte("event code") & 0xFF;
        return new EventData(code, readParameters());
    }

    private Parameters readParameters() throws ProtocolException {
        int count = readCount("parameter table", 2);
        Parameters p = new Parameters(count);
        for (int i = 0; i < count; i++) {
            int key = readByte("parameter code") & 0xFF;
            p.put(key, readValue());
        }
        return p;
    }

    // ---- values ----

    private Object readBody(byte code) throws ProtocolException {
        return switch (code) {
            case TypeCode.NULL -> null;
            case TypeCode.BYTE -> readByte("byte");
            case TypeCode.BOOLEAN -> readBoolean();
            case TypeCode.SHORT -> readShort("short");
            case TypeCode.INT -> readInt("int");
            case TypeCode.LONG -> readLong("long");
            case TypeCode.FLOAT -> Float.intBitsToFloat(readInt("float"));
            case TypeCode.DOUBLE -> Double.longBitsToDouble(readLong("double"));
            case TypeCode.STRING -> readString();
            case TypeCode.BYTE_ARRAY -> readByteArray();
            case TypeCode.INT_ARRAY -> readIntArray();
            case TypeCode.STRING_ARRAY -> readStringArray();
            case TypeCode.OBJECT_ARRAY -> readObjectArray();
            case TypeCode.TYPED_ARRAY -> readTypedArray();
            case TypeCode.HASHTABLE -> readHashtable();
            case TypeCode.DICTIONARY -> readDictionary();
            case TypeCode.CUSTOM -> readCustom(readByte("custom type code"));
            case TypeCode.EVENT_DATA -> nestedEvent();
            case TypeCode.OPERATION_REQUEST -> nestedRequest();
            case TypeCode.OPERATION_RESPONSE -> nestedResponse();
            default -> throw error(-1, "unknown type code " + TypeCode.describe(code));
        };
    }

    private EventData nestedEvent() throws ProtocolException {
        enter();
        EventData e = readEventBody();
        depth--;
        return e;
    }

    private OperationRequest nestedRequest() throws ProtocolException {
        enter();
        OperationRequest r = readRequestBody(false);
        depth--;
        return r;
    }

    private OperationResponse nestedResponse() throws ProtocolException {
        enter();
        OperationResponse r = readResponseBody(false);
        depth--;
        return r;
    }

    private Boolean readBoolean() throws ProtocolException {
        byte b = readByte("boolean");
        if (b != 0 && b != 1) {
            throw error(-1, "boolean must be 0 or 1, got " + (b & 0xFF));
        }
        return b == 1;
    }

    private String readString() throws ProtocolException {
        int at = pos;
        int length = readShort("string length");
        if (length < 0) {
            throw errorAt(at, "negative string length " + length);
        }
        if (length > limits.maxStringLength()) {
            throw errorAt(at, "string of " + length + " bytes exceeds the limit of " + limits.maxStringLength());
        }
        need(length, "string");
        String s = decodeUtf8(pos, length);
        pos += length;
        return s;
    }

    private byte[] readByteArray() throws ProtocolException {
        int at = pos;
        int length = readInt("byte[] length");
        if (length < 0) {
            throw errorAt(at, "negative byte[] length " + length);
        }
        need(length, "byte[]");
        byte[] b = Arrays.copyOfRange(data, pos, pos + length);
        pos += length;
        return b;
    }

    private int[] readIntArray() throws ProtocolException {
        int at = pos;
        int count = readInt("int[] count");
        checkPrimitiveCount(at, count, 4, "int[]");
        int[] a = new int[count];
        for (int i = 0; i < count; i++) {
            a[i] = getInt();
        }
        return a;
    }

    private String[] readStringArray() throws ProtocolException {
        int count = readCount("String[]", 2);
        String[] a = new String[count];
        for (int i = 0; i < count; i++) {
            a[i] = readString();
        }
        return a;
    }

    private Object[] readObjectArray() throws ProtocolException {
        int count = readCount("Object[]", 1);
        enter();
        Object[] a = new Object[count];
        for (int i = 0; i < count; i++) {
            a[i] = readValue();
        }
        depth--;
        return a;
    }

    private PhotonHashtable readHashtable() throws ProtocolException {
        int count = readCount("Hashtable", 2);
        enter();
        PhotonHashtable t = new PhotonHashtable(count);
        for (int i = 0; i < count; i++) {
            int at = pos;
            Object key = readValue();
            if (key == null) {
                throw errorAt(at, "null key in a Hashtable");
            }
            t.put(key, readValue());
        }
        depth--;
        return t;
    }

    private PhotonDictionary readDictionary() throws ProtocolException {
        byte keyType = readDeclaredType("Dictionary key type");
        byte valueType = readDeclaredType("Dictionary value type");
        int count = readCount("Dictionary", minEncodedSize(keyType) + minEncodedSize(valueType));
        enter();
        PhotonDictionary d = new PhotonDictionary(keyType, valueType);
        for (int i = 0; i < count; i++) {
            int at = pos;
            Object key = TypeCode.isUntyped(keyType) ? readValue() : readBody(keyType);
            if (key == null) {
                throw errorAt(at, "null key in a Dictionary");
            }
            d.put(key, TypeCode.isUntyped(valueType) ? readValue() : readBody(valueType));
        }
        depth--;
        return d;
    }

    private byte readDeclaredType(String what) throws ProtocolException {
        byte type = readByte(what);
        if (!TypeCode.isUntyped(type) && minBodySize(type) < 0) {
            throw error(-1, "unknown " + what + " " + TypeCode.describe(type));
        }
        return type;
    }

    /**
     * Count, element type, bare elements. Custom elements share one custom type code written once after the element
     * type, each element then being length + bytes.
     */
    private Object readTypedArray() throws ProtocolException {
        int countAt = pos;
        int count = readShort("typed array count");
        byte elementType = readByte("typed array element type");
        int minSize = minBodySize(elementType);
        if (minSize <= 0) {
            throw error(-1, "invalid typed array element type " + TypeCode.describe(elementType));
        }
        return switch (elementType) {
            case TypeCode.BYTE -> {
                checkPrimitiveCount(countAt, count, 1, "byte array");
                byte[] a = Arrays.copyOfRange(data, pos, pos + count);
                pos += count;
                yield a;
            }
            case TypeCode.BOOLEAN -> readBooleans(countAt, count);
            case TypeCode.SHORT -> readShorts(countAt, count);
            case TypeCode.INT -> {
                checkPrimitiveCount(countAt, count, 4, "int array");
                int[] a = new int[count];
                for (int i = 0; i < count; i++) {
                    a[i] = getInt();
                }
                yield a;
            }
            case TypeCode.LONG -> {
                checkPrimitiveCount(countAt, count, 8, "long array");
                long[] a = new long[count];
                for (int i = 0; i < count; i++) {
                    a[i] = getLong();
                }
                yield a;
            }
            case TypeCode.FLOAT -> {
                checkPrimitiveCount(countAt, count, 4, "float array");
                float[] a = new float[count];
                for (int i = 0; i < count; i++) {
                    a[i] = Float.intBitsToFloat(getInt());
                }
                yield a;
            }
            case TypeCode.DOUBLE -> {
                checkPrimitiveCount(countAt, count, 8, "double array");
                double[] a = new double[count];
                for (int i = 0; i < count; i++) {
                    a[i] = Double.longBitsToDouble(getLong());
                }
                yield a;
            }
            case TypeCode.STRING -> {
                checkCount(countAt, count, 2, "string array");
                String[] a = new String[count];
                for (int i = 0; i < count; i++) {
                    a[i] = readString();
                }
                yield a;
            }
            case TypeCode.CUSTOM -> readCustomElements(countAt, count);
            default -> readContainerElements(countAt, count, elementType, minSize);
        };
    }

    private boolean[] readBooleans(int countAt, int count) throws ProtocolException {
        checkPrimitiveCount(countAt, count, 1, "boolean array");
        boolean[] a = new boolean[count];
        for (int i = 0; i < count; i++) {
            a[i] = readBoolean();
        }
        return a;
    }

    private short[] readShorts(int countAt, int count) throws ProtocolException {
        checkPrimitiveCount(countAt, count, 2, "short array");
        short[] a = new short[count];
        for (int i = 0; i < count; i++) {
            a[i] = (short) (data[pos] << 8 | data[pos + 1] & 0xFF);
            pos += 2;
        }
        return a;
    }

    private Object readCustomElements(int countAt, int count) throws ProtocolException {
        byte customCode = readByte("custom type code");
        checkCount(countAt, count, 2, "custom type array");
        CustomTypes.Registration<?> r = customTypes.forCode(customCode);
        Class<?> component = r != null ? r.type() : CustomTypeValue.class;
        Object a = Array.newInstance(component, count);
        enter();
        for (int i = 0; i < count; i++) {
            Object element = readCustom(customCode);
            if (!component.isInstance(element)) {
                throw error(0, "custom type " + (customCode & 0xFF) + " deserialized to "
                        + (element == null ? "null" : element.getClass().getName()) + " inside a typed array");
            }
            Array.set(a, i, element);
        }
        depth--;
        return a;
    }

    /**
     * Arrays of containers decode to arrays of their Java type (e.g. {@code PhotonHashtable[]}). An array of typed
     * arrays takes the common class of its elements (e.g. {@code short[][]}); when empty or mixed it is an
     * {@code Object[]}.
     */
    private Object readContainerElements(int countAt, int count, byte elementType, int minSize)
            throws ProtocolException {
        checkCount(countAt, count, minSize, "typed array");
        enter();
        Object[] a = (Object[]) Array.newInstance(componentTypeOf(elementType), count);
        for (int i = 0; i < count; i++) {
            a[i] = readBody(elementType);
        }
        depth--;
        if (elementType == TypeCode.TYPED_ARRAY && count > 0) {
            Class<?> common = a[0].getClass();
            for (Object o : a) {
                if (o.getClass() != common) {
                    return a;
                }
            }
            Object typed = Array.newInstance(common, count);
            System.arraycopy(a, 0, typed, 0, count);
            return typed;
        }
        return a;
    }

    private static Class<?> componentTypeOf(byte elementType) {
        return switch (elementType) {
            case TypeCode.BYTE_ARRAY -> byte[].class;
            case TypeCode.INT_ARRAY -> int[].class;
            case TypeCode.STRING_ARRAY -> String[].class;
            case TypeCode.OBJECT_ARRAY -> Object[].class;
            case TypeCode.HASHTABLE -> PhotonHashtable.class;
            case TypeCode.DICTIONARY -> PhotonDictionary.class;
            case TypeCode.EVENT_DATA -> EventData.class;
            case TypeCode.OPERATION_REQUEST -> OperationRequest.class;
            case TypeCode.OPERATION_RESPONSE -> OperationResponse.class;
            default -> Object.class;
        };
    }

    /** Length i16, bytes; a registered type is handed to its deserializer, any other stays opaque. */
    private Object readCustom(byte customCode) throws ProtocolException {
        int at = pos;
        int length = readShort("custom type length");
        if (length < 0) {
            throw errorAt(at, "negative custom type length " + length);
        }
        need(length, "custom type data");
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

    // ---- sizes, counts, depth ----

    /** Fewest bytes a body of this type can take, 0 for null, -1 for an unknown type code. */
    private static int minBodySize(byte code) {
        return switch (code) {
            case TypeCode.NULL -> 0;
            case TypeCode.BYTE, TypeCode.BOOLEAN -> 1;
            case TypeCode.SHORT, TypeCode.STRING, TypeCode.STRING_ARRAY, TypeCode.OBJECT_ARRAY,
                    TypeCode.HASHTABLE -> 2;
            case TypeCode.TYPED_ARRAY, TypeCode.CUSTOM, TypeCode.EVENT_DATA, TypeCode.OPERATION_REQUEST -> 3;
            case TypeCode.INT, TypeCode.FLOAT, TypeCode.BYTE_ARRAY, TypeCode.INT_ARRAY, TypeCode.DICTIONARY -> 4;
            case TypeCode.OPERATION_RESPONSE -> 6;
            case TypeCode.LONG, TypeCode.DOUBLE -> 8;
            default -> -1;
        };
    }

    /** Fewest bytes one dictionary key or value takes: its type code when untyped, else its body. */
    private static int minEncodedSize(byte declaredType) {
        return TypeCode.isUntyped(declaredType) ? 1 : Math.max(1, minBodySize(declaredType));
    }

    /** Reads an i16 count of elements that are each at least {@code minEach} bytes, and checks it. */
    private int readCount(String what, int minEach) throws ProtocolException {
        int at = pos;
        int count = readShort(what + " count");
        checkCount(at, count, minEach, what);
        return count;
    }

    // ---- primitives ----

    private short readShort(String what) throws ProtocolException {
        need(2, what);
        short v = (short) (data[pos] << 8 | data[pos + 1] & 0xFF);
        pos += 2;
        return v;
    }

    private int readInt(String what) throws ProtocolException {
        need(4, what);
        return getInt();
    }

    private long readLong(String what) throws ProtocolException {
        need(8, what);
        return getLong();
    }

    /** Reads 4 bytes already known to be there. */
    private int getInt() {
        int v = (data[pos] & 0xFF) << 24 | (data[pos + 1] & 0xFF) << 16 | (data[pos + 2] & 0xFF) << 8
                | data[pos + 3] & 0xFF;
        pos += 4;
        return v;
    }

    private long getLong() {
        long hi = getInt() & 0xFFFFFFFFL;
        return hi << 32 | getInt() & 0xFFFFFFFFL;
    }

}
