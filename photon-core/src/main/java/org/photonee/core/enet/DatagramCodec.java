package org.photonee.core.enet;

import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads and writes datagrams (§1.2-1.5), big-endian. Reading trusts nothing: every count and length is checked
 * against the datagram's own size and the limits before anything is allocated, and each failure is an
 * {@link EnetException} naming the {@link Drop}. Unknown command types are skipped by their length, as the
 * official client does.
 */
public final class DatagramCodec {
    public static final int HEADER_SIZE = 12;
    public static final int CRC_SIZE = 4;
    static final int FLAG_CRC = 0xCC;
    static final int FLAG_ENCRYPTED = 0x01;

    private DatagramCodec() {
    }

    /** Header size with or without the CRC field. */
    public static int headerSize(boolean crc) {
        return HEADER_SIZE + (crc ? CRC_SIZE : 0);
    }

    /** Parses one datagram of {@code length} bytes. Unknown commands are skipped, and counted in {@code drops}. */
    public static Datagram read(byte[] data, int length, int maxCommands, DropCounters drops) throws EnetException {
        if (length < HEADER_SIZE || length > data.length) {
            throw new EnetException(Drop.MALFORMED, "datagram of " + length + " bytes");
        }
        ByteBuffer b = ByteBuffer.wrap(data, 0, length);
        int peerId = b.getShort();
        int flags = b.get() & 0xff;
        int count = b.get() & 0xff;
        int sentTime = b.getInt();
        int challenge = b.getInt();
        boolean crc;
        if (flags == FLAG_CRC) {
            crc = true;
            if (length < HEADER_SIZE + CRC_SIZE) {
                throw new EnetException(Drop.MALFORMED, "no room for the CRC");
            }
            int expected = b.getInt();
            byte[] copy = java.util.Arrays.copyOf(data, length);
            copy[12] = copy[13] = copy[14] = copy[15] = 0;
            if (Crc32Jam.compute(copy, 0, length) != expected) {
                throw new EnetException(Drop.BAD_CRC, "CRC mismatch");
            }
        } else if (flags == FLAG_ENCRYPTED) {
            throw new EnetException(Drop.ENCRYPTED_DATAGRAM, "datagram encryption is not enabled");
        } else if (flags == 0) {
            crc = false;
        } else {
            throw new EnetException(Drop.MALFORMED, "datagram flags " + flags);
        }
        if (count == 0) {
            throw new EnetException(Drop.MALFORMED, "no commands");
        }
        if (count > maxCommands) {
            throw new EnetException(Drop.TOO_MANY_COMMANDS, count + " commands, limit " + maxCommands);
        }
        List<Command> commands = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            Command c = readCommand(b, drops);
            if (c != null) {
                commands.add(c);
            }
        }
        if (b.hasRemaining()) {
            throw new EnetException(Drop.MALFORMED, b.remaining() + " bytes after the last command");
        }
        return new Datagram(peerId, crc, sentTime, challenge, commands);
    }

    private static Command readCommand(ByteBuffer b, DropCounters drops) throws EnetException {
        if (b.remaining() < CommandType.HEADER_SIZE) {
            throw new EnetException(Drop.MALFORMED, "command header truncated");
        }
        int type = b.get() & 0xff;
        int channel = b.get() & 0xff;
        int flags = b.get() & 0xff;
        int reserved = b.get() & 0xff;
        int commandLength = b.getInt();
        int seq = b.getInt();
        if (commandLength < CommandType.HEADER_SIZE || commandLength - CommandType.HEADER_SIZE > b.remaining()) {
            throw new EnetException(Drop.MALFORMED, "command length " + commandLength);
        }
        int body = commandLength - CommandType.HEADER_SIZE;
        int extra = CommandType.extraHeaderSize(type);
        if (extra < 0) {
            b.position(b.position() + body);
            drops.count(Drop.UNKNOWN_COMMAND);
            return null;
        }
        if (body < extra) {
            throw new EnetException(Drop.MALFORMED, "command type " + type + " of " + commandLength + " bytes");
        }
        int a = 0, ackSeq = 0, ackTime = 0, fStart = 0, fCount = 0, fNumber = 0, fTotal = 0, fOffset = 0;
        switch (type) {
            case CommandType.ACK, CommandType.ACK_UNSEQUENCED -> {
                ackSeq = b.getInt();
                ackTime = b.getInt();
            }
            case CommandType.SEND_UNRELIABLE, CommandType.SEND_UNSEQUENCED -> a = b.getInt();
            case CommandType.SEND_FRAGMENT, CommandType.SEND_FRAGMENT_UNSEQUENCED -> {
                fStart = b.getInt();
                fCount = b.getInt();
                fNumber = b.getInt();
                fTotal = b.getInt();
                fOffset = b.getInt();
            }
            default -> {
            }
        }
        byte[] payload = new byte[body - extra];
        b.get(payload);
        return new Command(type, channel, flags, reserved, seq, a, ackSeq, ackTime, fStart, fCount, fNumber, fTotal,
                fOffset, payload);
    }

    /** Bytes of a datagram holding these commands. */
    public static int size(List<Command> commands, boolean crc) {
        int n = headerSize(crc);
        for (Command c : commands) {
            n += c.size();
        }
        return n;
    }

    public static byte[] write(Datagram d) {
        byte[] out = new byte[size(d.commands(), d.crc())];
        ByteBuffer b = ByteBuffer.wrap(out);
        b.putShort((short) d.peerId()).put((byte) (d.crc() ? FLAG_CRC : 0)).put((byte) d.commands().size())
                .putInt(d.sentTime()).putInt(d.challenge());
        if (d.crc()) {
            b.putInt(0);
        }
        for (Command c : d.commands()) {
            b.put((byte) c.type()).put((byte) c.channel()).put((byte) c.flags()).put((byte) c.reserved())
                    .putInt(c.size()).putInt(c.reliableSequence());
            switch (c.type()) {
                case CommandType.ACK, CommandType.ACK_UNSEQUENCED -> b.putInt(c.ackSequence()).putInt(c.ackSentTime());
                case CommandType.SEND_UNRELIABLE, CommandType.SEND_UNSEQUENCED -> b.putInt(c.unreliableSequence());
                case CommandType.SEND_FRAGMENT, CommandType.SEND_FRAGMENT_UNSEQUENCED -> b.putInt(c.fragmentStart())
                        .putInt(c.fragmentCount()).putInt(c.fragmentNumber()).putInt(c.fragmentTotalLength())
                        .putInt(c.fragmentOffset());
                default -> {
                }
            }
            b.put(c.payload());
        }
        if (d.crc()) {
            int crc = Crc32Jam.compute(out, 0, out.length);
            ByteBuffer.wrap(out, 12, 4).putInt(crc);
        }
        return out;
    }
}
