package org.photonee.core.codec.protocol18;

import org.photonee.core.codec.protocol16.TypeCode;
import org.photonee.core.protocol.PhotonDictionary;

/**
 * Translates the declared key and value types of a {@link PhotonDictionary} between Protocol18 codes and the
 * Protocol16 codes that {@code PhotonDictionary} keeps (its common vocabulary, so a dictionary from a V16 client
 * reaches a V18 client with its declared types and back).
 *
 * <p>Protocol16 has one code ({@code y}) for every typed array and one ({@code c}) for every custom type, while a
 * Protocol18 header names the exact array or custom type. So V18 headers for short[], long[], float[], arrays of
 * arrays and the like read as {@code y}, custom ones as {@code c}; when writing, a code with no single V18
 * equivalent is sent as 0 ("each entry typed"), which carries the same values with a type byte each ({@code y} with
 * values of one primitive array kind is the exception: the writer names that array's code).
 */
final class DictionaryTypes {
    private DictionaryTypes() {
    }

    /** The PhotonDictionary (Protocol16) code for a Protocol18 header code already known to be valid. */
    static byte toProtocol16(int v18) {
        return switch (v18) {
            case GpType.UNKNOWN -> PhotonDictionary.ANY_TYPE;
            case GpType.BOOLEAN -> TypeCode.BOOLEAN;
            case GpType.BYTE -> TypeCode.BYTE;
            case GpType.SHORT -> TypeCode.SHORT;
            case GpType.FLOAT -> TypeCode.FLOAT;
            case GpType.DOUBLE -> TypeCode.DOUBLE;
            case GpType.STRING -> TypeCode.STRING;
            case GpType.COMPRESSED_INT -> TypeCode.INT;
            case GpType.COMPRESSED_LONG -> TypeCode.LONG;
            case GpType.DICTIONARY -> TypeCode.DICTIONARY;
            case GpType.HASHTABLE -> TypeCode.HASHTABLE;
            case GpType.OBJECT_ARRAY -> TypeCode.OBJECT_ARRAY;
            case GpType.OPERATION_REQUEST -> TypeCode.OPERATION_REQUEST;
            case GpType.OPERATION_RESPONSE -> TypeCode.OPERATION_RESPONSE;
            case GpType.EVENT_DATA -> TypeCode.EVENT_DATA;
            case GpType.BYTE_ARRAY -> TypeCode.BYTE_ARRAY;
            case GpType.COMPRESSED_INT_ARRAY -> TypeCode.INT_ARRAY;
            case GpType.STRING_ARRAY -> TypeCode.STRING_ARRAY;
            case GpType.CUSTOM -> TypeCode.CUSTOM;
            default -> GpType.isSlimCustom(v18) ? TypeCode.CUSTOM : TypeCode.TYPED_ARRAY;
        };
    }

    /** The Protocol18 header code for a PhotonDictionary code, or 0 (each entry typed) when there is no single one. */
    static int toProtocol18(byte p16) {
        return switch (p16) {
            case TypeCode.BOOLEAN -> GpType.BOOLEAN;
            case TypeCode.BYTE -> GpType.BYTE;
            case TypeCode.SHORT -> GpType.SHORT;
            case TypeCode.FLOAT -> GpType.FLOAT;
            case TypeCode.DOUBLE -> GpType.DOUBLE;
            case TypeCode.STRING -> GpType.STRING;
            case TypeCode.INT -> GpType.COMPRESSED_INT;
            case TypeCode.LONG -> GpType.COMPRESSED_LONG;
            case TypeCode.DICTIONARY -> GpType.DICTIONARY;
            case TypeCode.HASHTABLE -> GpType.HASHTABLE;
            case TypeCode.OBJECT_ARRAY -> GpType.OBJECT_ARRAY;
            case TypeCode.OPERATION_REQUEST -> GpType.OPERATION_REQUEST;
            case TypeCode.OPERATION_RESPONSE -> GpType.OPERATION_RESPONSE;
            case TypeCode.EVENT_DATA -> GpType.EVENT_DATA;
            case TypeCode.BYTE_ARRAY -> GpType.BYTE_ARRAY;
            case TypeCode.INT_ARRAY -> GpType.COMPRESSED_INT_ARRAY;
            case TypeCode.STRING_ARRAY -> GpType.STRING_ARRAY;
            default -> GpType.UNKNOWN;
        };
    }
}
