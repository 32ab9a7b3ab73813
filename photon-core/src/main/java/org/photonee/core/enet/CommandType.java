package org.photonee.core.enet;

/** Command type codes and fixed sizes (§1.4). Only the types this implementation handles are named. */
public final class CommandType {
    public static final int ACK = 1;
    public static final int CONNECT = 2;
    public static final int VERIFY_CONNECT = 3;
    public static final int DISCONNECT = 4;
    public static final int PING = 5;
    public static final int SEND_RELIABLE = 6;
    public static final int SEND_UNRELIABLE = 7;
    public static final int SEND_FRAGMENT = 8;
    public static final int SEND_UNSEQUENCED = 11;
    public static final int SERVER_TIME = 12;
    public static final int SEND_RELIABLE_UNSEQUENCED = 14;
    public static final int SEND_FRAGMENT_UNSEQUENCED = 15;
    public static final int ACK_UNSEQUENCED = 16;

    /** Command header size: type, channel, flags, reserved, length, reliable sequence number. */
    public static final int HEADER_SIZE = 12;
    /** Connect and verify-connect carry a 32-byte eNet-1.2-style payload. */
    public static final int CONNECT_PAYLOAD_SIZE = 32;
    /** The control channel of connect, ping, disconnect and server time. */
    public static final int CONTROL_CHANNEL = 255;

    /** Command flag bits. */
    public static final int FLAG_RELIABLE = 1;
    public static final int FLAG_UNSEQUENCED = 2;

    /** The reserved byte the official client writes on new commands. */
    public static final int RESERVED_DEFAULT = 4;

    private CommandType() {
    }

    /** Bytes between the 12-byte header and the payload, for types with a payload; -1 for unknown types. */
    static int extraHeaderSize(int type) {
        return switch (type) {
            case ACK, ACK_UNSEQUENCED -> 8;
            case CONNECT, VERIFY_CONNECT -> 0;
            case DISCONNECT, PING, SERVER_TIME, SEND_RELIABLE, SEND_RELIABLE_UNSEQUENCED -> 0;
            case SEND_UNRELIABLE, SEND_UNSEQUENCED -> 4;
            case SEND_FRAGMENT, SEND_FRAGMENT_UNSEQUENCED -> 20;
            default -> -1;
        };
    }
}
