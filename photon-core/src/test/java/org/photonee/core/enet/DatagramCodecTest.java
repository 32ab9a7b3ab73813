package org.photonee.core.enet;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

class DatagramCodecTest {
    private final DropCounters drops = new DropCounters();

    @Test
    void jamCrcIsTheNotOfZlibCrc() {
        byte[] check = "123456789".getBytes(StandardCharsets.US_ASCII);
        assertEquals(0x340BC6D9, Crc32Jam.compute(check, 0, check.length));
    }

    @Test
    void connectDatagramHasTheOfficialLayout() {
        Command connect = Command.control(CommandType.CONNECT, 1, Command.connectPayload(1200, 2));
        byte[] bytes = DatagramCodec.write(new Datagram(-1, false, 77, 0x01020304, List.of(connect)));
        assertEquals(12 + 44, bytes.length);
        ByteBuffer b = ByteBuffer.wrap(bytes);
        assertEquals(-1, b.getShort(0));
        assertEquals(0, b.get(2));
        assertEquals(1, b.get(3));
        assertEquals(77, b.getInt(4));
        assertEquals(0x01020304, b.getInt(8));
        assertEquals(CommandType.CONNECT, b.get(12));
        assertEquals((byte) 255, b.get(13));
        assertEquals(1, b.get(14));
        assertEquals(4, b.get(15));
        assertEquals(44, b.getInt(16));
        assertEquals(1, b.getInt(20));
        assertEquals(1200, b.getShort(24 + 2));
        assertEquals(2, b.getInt(24 + 8));
    }

    @Test
    void everyCommandTypeRoundTripsWithCrc() throws EnetException {
        List<Command> commands = List.of(
                Command.ack(Command.reliable(1, 9, new byte[0]), 555),
                Command.reliable(0, 3, new byte[]{(byte) 0xF3, 2, 1}),
                Command.unreliable(1, 4, 17, new byte[]{1, 2}),
                Command.fragment(0, 12, 10, 3, 2, 3000, 2304, new byte[]{5, 6, 7}),
                Command.disconnect(DisconnectCode.USER_LIMIT));
        byte[] bytes = DatagramCodec.write(new Datagram(7, true, -5, 99, commands));
        assertEquals((byte) 0xCC, bytes[2]);
        Datagram back = DatagramCodec.read(bytes, bytes.length, 255, drops);
        assertEquals(7, back.peerId());
        assertTrue(back.crc());
        assertEquals(-5, back.sentTime());
        assertEquals(5, back.commands().size());
        Command ack = back.commands().get(0);
        assertEquals(9, ack.ackSequence());
        assertEquals(555, ack.ackSentTime());
        Command fragment = back.commands().get(3);
        assertEquals(10, fragment.fragmentStart());
        assertEquals(3, fragment.fragmentCount());
        assertEquals(2, fragment.fragmentNumber());
        assertEquals(3000, fragment.fragmentTotalLength());
        assertEquals(2304, fragment.fragmentOffset());
        assertArrayEquals(new byte[]{5, 6, 7}, fragment.payload());
        assertEquals(17, back.commands().get(2).unreliableSequence());
        assertEquals(DisconnectCode.USER_LIMIT, back.commands().get(4).reserved());
    }

    @Test
    void aFlippedBitFailsTheCrc() {
        byte[] bytes = DatagramCodec.write(new Datagram(7, true, 1, 2,
                List.of(Command.reliable(0, 1, new byte[]{1, 2, 3}))));
        bytes[bytes.length - 1] ^= 1;
        EnetException e = assertThrows(EnetException.class, () -> DatagramCodec.read(bytes, bytes.length, 255, drops));
        assertEquals(Drop.BAD_CRC, e.drop());
    }

    @Test
    void lengthsAndCountsAreBounded() {
        byte[] ok = DatagramCodec.write(new Datagram(7, false, 1, 2,
                List.of(Command.reliable(0, 1, new byte[]{1, 2, 3}), Command.reliable(0, 2, new byte[]{4}))));
        assertEquals(Drop.MALFORMED, dropOf(java.util.Arrays.copyOf(ok, 11)));
        byte[] longLength = ok.clone();
        ByteBuffer.wrap(longLength).putInt(16, Integer.MAX_VALUE);
        assertEquals(Drop.MALFORMED, dropOf(longLength));
        byte[] negative = ok.clone();
        ByteBuffer.wrap(negative).putInt(16, -20);
        assertEquals(Drop.MALFORMED, dropOf(negative));
        byte[] moreCommandsThanBytes = ok.clone();
        moreCommandsThanBytes[3] = 3;
        assertEquals(Drop.MALFORMED, dropOf(moreCommandsThanBytes));
        byte[] zero = ok.clone();
        zero[3] = 0;
        assertEquals(Drop.MALFORMED, dropOf(zero));
        EnetException e = assertThrows(EnetException.class, () -> DatagramCodec.read(ok, ok.length, 1, drops));
        assertEquals(Drop.TOO_MANY_COMMANDS, e.drop());
        byte[] encrypted = ok.clone();
        encrypted[2] = 1;
        assertEquals(Drop.ENCRYPTED_DATAGRAM, dropOf(encrypted));
    }

    @Test
    void unknownCommandTypesAreSkippedByTheirLength() throws EnetException {
        byte[] ok = DatagramCodec.write(new Datagram(7, false, 1, 2,
                List.of(Command.reliable(0, 1, new byte[]{1, 2, 3}), Command.reliable(0, 2, new byte[]{4}))));
        ok[12] = 13;
        Datagram d = DatagramCodec.read(ok, ok.length, 255, drops);
        assertEquals(1, d.commands().size());
        assertEquals(2, d.commands().get(0).reliableSequence());
        assertEquals(1, drops.get(Drop.UNKNOWN_COMMAND));
    }

    @Test
    void randomBytesNeverThrowAnythingButEnetException() {
        Random random = new Random(42);
        byte[] valid = DatagramCodec.write(new Datagram(7, false, 1, 2, List.of(
                Command.fragment(0, 12, 10, 3, 2, 3000, 2304, new byte[]{5, 6, 7}),
                Command.ack(Command.reliable(1, 9, new byte[0]), 555))));
        for (int i = 0; i < 200_000; i++) {
            byte[] data = random.nextBoolean() ? valid.clone() : new byte[random.nextInt(80)];
            if (data.length == valid.length) {
                for (int k = 0; k < 1 + random.nextInt(4); k++) {
                    data[random.nextInt(data.length)] = (byte) random.nextInt();
                }
            } else {
                random.nextBytes(data);
            }
            try {
                DatagramCodec.read(data, data.length, 255, drops);
            } catch (EnetException expected) {
                // dropped, fine
            }
        }
    }

    @Test
    void binaryInitRoundTripsAndSelectsTheProtocol() {
        InitMessage init = new InitMessage(1, 8, 15, "4.1.8.3", "my-application-id-that-is-longer-than-32");
        byte[] bytes = init.toBytes();
        assertEquals(41, bytes.length);
        assertEquals(30, bytes[4]);
        assertEquals(0x41, bytes[5]);
        InitMessage back = InitMessage.parse(bytes);
        assertEquals("GpBinaryV18", back.subprotocol());
        assertEquals("my-application-id-that-is-longer", back.applicationId());
        assertEquals("4.1.8.3", back.clientVersion());
        assertEquals("GpBinaryV16", InitMessage.parse(new InitMessage(1, 6, 0, "1.0.0.0", "").toBytes()).subprotocol());
        assertNull(InitMessage.parse(new byte[]{(byte) 0xF3, 2, 0}));
        assertTrue(InitMessage.isResponse(InitMessage.response()));
    }

    private Drop dropOf(byte[] data) {
        return assertThrows(EnetException.class, () -> DatagramCodec.read(data, data.length, 255, drops)).drop();
    }
}
