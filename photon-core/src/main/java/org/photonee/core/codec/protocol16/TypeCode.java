package org.photonee.core.codec.protocol16;

/** The Protocol16 type codes (PROTOCOL.md section 2): one byte in front of every typed value. */
public final class TypeCode {
    /** In a Dictionary header: entries carry their own type code. {@link #NULL} means the same there. */
    public static final byte UNTYPED = 0;
    public static final byte NULL = 42;           // '*'
    public static final byte DICTIONARY = 68;     // 'D'
    public static final byte STRING_ARRAY = 97;   // 'a'
    public static final byte BYTE = 98;           // 'b'
    public static final byte CUSTOM = 99;         // 'c'
    public static final byte DOUBLE = 100;        // 'd'
    public static final byte EVENT_DATA = 101;    // 'e'
    public static final byte FLOAT = 102;         // 'f'
    public static final byte HASHTABLE = 104;     // 'h'
    public static final byte INT = 105;           // 'i'
    public static final byte SHORT = 107;         // 'k'
    public static final byte LONG = 108;          // 'l'
    public static final byte INT_ARRAY = 110;     // 'n'
    public static final byte BOOLEAN = 111;       // 'o'
    public static final byte OPERATION_RESPONSE = 112; // 'p'
    public static final byte OPERATION_REQUEST = 113;  // 'q'
    public static final byte STRING = 115;        // 's'
    public static final byte BYTE_ARRAY = 120;    // 'x'
    public static final byte TYPED_ARRAY = 121;   // 'y'
    public static final byte OBJECT_ARRAY = 122;  // 'z'

    private TypeCode() {
    }

    /** True for the two codes that mean "each entry typed" in a Dictionary header. */
    static boolean isUntyped(byte code) {
        return code == UNTYPED || code == NULL;
    }

    /** "105 ('i')" for error messages. */
    static String describe(byte code) {
        int c = code & 0xFF;
        return c >= 33 && c < 127 ? c + " ('" + (char) c + "')" : String.valueOf(c);
    }
}
