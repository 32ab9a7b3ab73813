package org.photonee.core.codec.protocol18;

/** The message header (NATIVE-PROTOCOLS.md §1.12): {@link #MAGIC}, then one of these type bytes. */
public final class MessageType {
    /** First byte of every message. */
    public static final int MAGIC = 0xF3;
    /** Set in the type byte when the rest is AES ciphertext (payload encryption; decrypted by the peer before decoding). */
    public static final int ENCRYPTED_FLAG = 0x80;

    public static final int INIT = 0;
    public static final int INIT_RESPONSE = 1;
    public static final int OPERATION_REQUEST = 2;
    public static final int OPERATION_RESPONSE = 3;
    public static final int EVENT = 4;
    public static final int DISCONNECT = 5;
    public static final int INTERNAL_OPERATION_REQUEST = 6;
    public static final int INTERNAL_OPERATION_RESPONSE = 7;
    public static final int MESSAGE = 8;
    public static final int RAW_MESSAGE = 9;

    private MessageType() {
    }

    static String name(int type) {
        return switch (type) {
            case INIT -> "Init";
            case INIT_RESPONSE -> "InitResponse";
            case OPERATION_REQUEST -> "OperationRequest";
            case OPERATION_RESPONSE -> "OperationResponse";
            case EVENT -> "Event";
            case DISCONNECT -> "Disconnect";
            case INTERNAL_OPERATION_REQUEST -> "InternalOperationRequest";
            case INTERNAL_OPERATION_RESPONSE -> "InternalOperationResponse";
            case MESSAGE -> "Message";
            case RAW_MESSAGE -> "RawMessage";
            default -> "unknown";
        };
    }
}
