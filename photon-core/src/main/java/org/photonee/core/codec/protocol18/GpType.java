package org.photonee.core.codec.protocol18;

/** The Protocol18 type codes (NATIVE-PROTOCOLS.md §2.3): one byte in front of every typed value. */
public final class GpType {
    /** Only in dictionary headers: each key or value carries its own type code. */
    public static final int UNKNOWN = 0;
    public static final int BOOLEAN = 2;
    public static final int BYTE = 3;
    public static final int SHORT = 4;
    public static final int FLOAT = 5;
    public static final int DOUBLE = 6;
    public static final int STRING = 7;
    public static final int NULL = 8;
    public static final int COMPRESSED_INT = 9;
    public static final int COMPRESSED_LONG = 10;
    public static final int INT1 = 11;
    public static final int INT1_NEGATIVE = 12;
    public static final int INT2 = 13;
    public static final int INT2_NEGATIVE = 14;
    public static final int LONG1 = 15;
    public static final int LONG1_NEGATIVE = 16;
    public static final int LONG2 = 17;
    public static final int LONG2_NEGATIVE = 18;
    public static final int CUSTOM = 19;
    public static final int DICTIONARY = 20;
    public static final int HASHTABLE = 21;
    public static final int OBJECT_ARRAY = 23;
    public static final int OPERATION_REQUEST = 24;
    public static final int OPERATION_RESPONSE = 25;
    public static final int EVENT_DATA = 26;
    public static final int BOOLEAN_FALSE = 27;
    public static final int BOOLEAN_TRUE = 28;
    public static final int SHORT_ZERO = 29;
    public static final int INT_ZERO = 30;
    public static final int LONG_ZERO = 31;
    public static final int FLOAT_ZERO = 32;
    public static final int DOUBLE_ZERO = 33;
    public static final int BYTE_ZERO = 34;
    /** Marks array types: an array of T is {@code T | ARRAY}; on its own it is an array of arrays. */
    public static final int ARRAY = 0x40;
    public static final int BOOLEAN_ARRAY = ARRAY | BOOLEAN;
    public static final int BYTE_ARRAY = ARRAY | BYTE;
    public static final int SHORT_ARRAY = ARRAY | SHORT;
    public static final int FLOAT_ARRAY = ARRAY | FLOAT;
    public static final int DOUBLE_ARRAY = ARRAY | DOUBLE;
    public static final int STRING_ARRAY = ARRAY | STRING;
    public static final int COMPRESSED_INT_ARRAY = ARRAY | COMPRESSED_INT;
    public static final int COMPRESSED_LONG_ARRAY = ARRAY | COMPRESSED_LONG;
    public static final int CUSTOM_TYPE_ARRAY = ARRAY | CUSTOM;
    public static final int DICTIONARY_ARRAY = ARRAY | DICTIONARY;
    public static final int HASHTABLE_ARRAY = ARRAY | HASHTABLE;
    /** {@code CUSTOM_SLIM + code} is a custom type with code below 100, without a separate code byte. */
    public static final int CUSTOM_SLIM = 0x80;
    /** Custom codes below this use the slim form when written. */
    public static final int SLIM_CODE_LIMIT = 100;
    /** The highest slim type byte the official reader accepts (one more than the writer produces). */
    public static final int CUSTOM_SLIM_MAX = 228;

    private GpType() {
    }

    static boolean isSlimCustom(int code) {
        return code >= CUSTOM_SLIM && code <= CUSTOM_SLIM_MAX;
    }
}
