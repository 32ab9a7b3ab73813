package org.photonee.core.enet;

/**
 * One command of a datagram (§1.4-1.5). Fields a type does not use are 0; {@code payload} is never null (empty
 * when the type has none). For ACKs {@code ackSequence}/{@code ackSentTime} are set; for unreliable and
 * unsequenced sends {@code unreliableSequence} holds the unreliable or group number; fragments use the
 * {@code fragment*} fields.
 */
public record Command(int type, int channel, int flags, int reserved, int reliableSequence,
                      int unreliableSequence, int ackSequence, int ackSentTime,
                      int fragmentStart, int fragmentCount, int fragmentNumber, int fragmentTotalLength,
                      int fragmentOffset, byte[] payload) {
    private static final byte[] EMPTY = new byte[0];

    public Command {
        payload = payload == null ? EMPTY : payload;
    }

    public boolean reliable() {
        return (flags & CommandType.FLAG_RELIABLE) != 0;
    }

    public boolean unsequenced() {
        return (flags & CommandType.FLAG_UNSEQUENCED) != 0;
    }

    /** Bytes this command takes in a datagram. */
    public int size() {
        return CommandType.HEADER_SIZE + Math.max(0, CommandType.extraHeaderSize(type)) + payload.length;
    }

    static Command simple(int type, int channel, int flags, int reserved, int seq, byte[] payload) {
        return new Command(type, channel, flags, reserved, seq, 0, 0, 0, 0, 0, 0, 0, 0, payload);
    }

    public static Command ack(Command acked, int datagramSentTime) {
        int type = acked.unsequenced() ? CommandType.ACK_UNSEQUENCED : CommandType.ACK;
        return new Command(type, acked.channel(), 0, CommandType.RESERVED_DEFAULT, 0, 0, acked.reliableSequence(),
                datagramSentTime, 0, 0, 0, 0, 0, null);
    }

    public static Command reliable(int channel, int seq, byte[] message) {
        return simple(CommandType.SEND_RELIABLE, channel, CommandType.FLAG_RELIABLE, CommandType.RESERVED_DEFAULT,
                seq, message);
    }

    public static Command unreliable(int channel, int reliableSeq, int unreliableSeq, byte[] message) {
        return new Command(CommandType.SEND_UNRELIABLE, channel, 0, CommandType.RESERVED_DEFAULT, reliableSeq,
                unreliableSeq, 0, 0, 0, 0, 0, 0, 0, message);
    }

    public static Command fragment(int channel, int seq, int start, int count, int number, int total, int offset,
                                   byte[] chunk) {
        return new Command(CommandType.SEND_FRAGMENT, channel, CommandType.FLAG_RELIABLE,
                CommandType.RESERVED_DEFAULT, seq, 0, 0, 0, start, count, number, total, offset, chunk);
    }

    /** A control command on channel 255 (connect, verify, ping, server time), reliable. */
    public static Command control(int type, int seq, byte[] payload) {
        return simple(type, CommandType.CONTROL_CHANNEL, CommandType.FLAG_RELIABLE, CommandType.RESERVED_DEFAULT,
                seq, payload);
    }

    /** Disconnect with a reason byte (§1.10), unsequenced so it needs no ack: the sender does not wait. */
    public static Command disconnect(int reason) {
        return simple(CommandType.DISCONNECT, CommandType.CONTROL_CHANNEL, CommandType.FLAG_UNSEQUENCED,
                reason & 0xff, 0, null);
    }

    /** The connect payload (§1.5): MTU at +2, channel count at +8, the rest as the official client writes it. */
    public static byte[] connectPayload(int mtu, int channelCount) {
        java.nio.ByteBuffer b = java.nio.ByteBuffer.allocate(CommandType.CONNECT_PAYLOAD_SIZE);
        b.putShort((short) 0).putShort((short) mtu).putInt(0x8000).putInt(channelCount).putInt(0).putInt(0)
                .putInt(5000).putInt(2).putInt(2);
        return b.array();
    }

    /** The verify-connect payload: peer id at +0, feature flags 0 (no ACK2) at +4. */
    public static byte[] verifyPayload(int peerId) {
        byte[] p = new byte[CommandType.CONNECT_PAYLOAD_SIZE];
        p[0] = (byte) (peerId >> 8);
        p[1] = (byte) peerId;
        return p;
    }

    @Override
    public String toString() {
        return "Command[type=" + type + " ch=" + channel + " flags=" + flags + " seq=" + reliableSequence
                + (type == CommandType.ACK || type == CommandType.ACK_UNSEQUENCED ? " ack=" + ackSequence : "")
                + " payload=" + payload.length + "]";
    }
}
