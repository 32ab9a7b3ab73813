package org.photonee.core.protocol;

/**
 * Bounds applied while decoding untrusted input, checked before anything is allocated.
 *
 * @param maxMessageSize      largest accepted message in bytes (Json: UTF-16 code units), default 512000
 * @param maxDepth            deepest accepted nesting of containers (tables, arrays, nested messages)
 * @param maxStringLength     longest accepted string, in bytes on the wire
 * @param maxCollectionLength most elements accepted in one array, table or dictionary
 */
public record ProtocolLimits(int maxMessageSize, int maxDepth, int maxStringLength, int maxCollectionLength) {
    public static final int DEFAULT_MAX_MESSAGE_SIZE = 512_000;
    public static final int DEFAULT_MAX_DEPTH = 32;
    public static final int DEFAULT_MAX_STRING_LENGTH = 32_767;
    public static final int DEFAULT_MAX_COLLECTION_LENGTH = 65_536;

    public static final ProtocolLimits DEFAULTS = new ProtocolLimits(DEFAULT_MAX_MESSAGE_SIZE, DEFAULT_MAX_DEPTH,
            DEFAULT_MAX_STRING_LENGTH, DEFAULT_MAX_COLLECTION_LENGTH);

    public ProtocolLimits {
        if (maxMessageSize <= 0 || maxDepth <= 0 || maxStringLength <= 0 || maxCollectionLength <= 0) {
            throw new IllegalArgumentException("protocol limits must be positive");
        }
    }
}
