package org.photonee.core.codec.protocol16;

/** The message header of Protocol16: {@link #MAGIC}, then one of these type bytes (PROTOCOL.md section 2). */
public final class MessageType {
    /** First byte of every Protocol16 message. */
    public static final byte MAGIC = (byte) 0xF3;
    /** Set in the type byte when the body is encrypted. */
    public static final int ENCRYPTED_FLAG = 0x80;

    public static final byte INIT = 0;
    public static final byte INIT_RESPONSE = 1;
    public static final byte OPERATION_REQUEST = 2;
    public static final byte OPERATION_RESPONSE = 3;
    public static final byte EVENT = 4;
    public static final byte DISCONNECT = 5;
    public static final byte INTERNAL_OPERATION_REQUEST = 6;
    public static final byte INTERNAL_OPERATION_RESPONSE = 7;

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
            default -> "unknown";
        };
    }
}
