package org.photonee.core.enet;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

class EnetSessionTest {
    private static final int CHALLENGE = 4242;
    private final SessionPair.Recorder events = new SessionPair.Recorder();
    private final DropCounters drops = new DropCounters();

    @Test
    void handshakeAssignsThePeerIdAndNegotiatesMtuAndChannels() {
        SessionPair pair = SessionPair.perfect();
        pair.connect();
        assertEquals(7, pair.client.peerId());
        assertTrue(pair.clientEvents.connected);
        assertTrue(pair.serverEvents.connected);
        assertEquals(2, pair.server.channelCount());
        assertEquals(1200, pair.server.mtu());
        assertEquals(12345, pair.server.challenge());
    }

    @Test
    void serverAcksConnectEchoingTheClientTimeAndStampsItsOwnClockAndTheChallenge() throws EnetException {
        EnetSession server = connectedServer(1000, 2);
        List<byte[]> out = server.service(1003);
        assertEquals(1, out.size());
        Datagram d = DatagramCodec.read(out.get(0), out.get(0).length, 255, drops);
        assertEquals(CHALLENGE, d.challenge());
        assertEquals(1003, d.sentTime());
        Command ack = d.commands().get(0);
        assertEquals(CommandType.ACK, ack.type());
        assertEquals(CommandType.CONTROL_CHANNEL, ack.channel());
        assertEquals(1, ack.ackSequence());
        assertEquals(555, ack.ackSentTime(), "echoes the sentTime of the client's datagram");
        Command verify = d.commands().get(1);
        assertEquals(CommandType.VERIFY_CONNECT, verify.type());
        assertEquals(9, ByteBuffer.wrap(verify.payload()).getShort(0));
    }

    @Test
    void aClientThatSendsCrcGetsCrcDatagramsBack() throws EnetException {
        EnetSession server = EnetSession.server(EnetSettings.DEFAULTS, events, drops, CHALLENGE, 9, 1000);
        byte[] connect = DatagramCodec.write(new Datagram(-1, true, 555, CHALLENGE,
                List.of(Command.control(CommandType.CONNECT, 1, Command.connectPayload(1200, 2)))));
        server.receive(DatagramCodec.read(connect, connect.length, 255, drops), 1000);
        byte[] answer = server.service(1001).get(0);
        assertEquals((byte) 0xCC, answer[2]);
        assertTrue(DatagramCodec.read(answer, answer.length, 255, drops).crc(), "and its checksum verifies");
    }

    @Test
    void aMissingReliableStallsOnlyItsOwnChannel() {
        EnetSession server = connectedServer(1000, 2);
        server.receive(datagram(Command.reliable(0, 2, bytes(2))), 1001);
        server.receive(datagram(Command.reliable(1, 1, bytes(11))), 1001);
        assertEquals(List.of("1:11"), delivered());
        server.receive(datagram(Command.reliable(0, 1, bytes(1))), 1002);
        assertEquals(List.of("1:11", "0:1", "0:2"), delivered());
        server.receive(datagram(Command.reliable(0, 1, bytes(1))), 1003);
        assertEquals(3, events.messages.size(), "a duplicate is not delivered again");
        assertEquals(1, drops.get(Drop.DUPLICATE));
    }

    @Test
    void unreliableFollowsItsReliableAndLateOnesAreDropped() {
        EnetSession server = connectedServer(1000, 2);
        // unreliable #1 follows reliable 1, which has not arrived: held
        server.receive(datagram(Command.unreliable(0, 1, 1, bytes(101))), 1001);
        assertEquals(List.of(), delivered());
        server.receive(datagram(Command.reliable(0, 1, bytes(1))), 1002);
        assertEquals(List.of("0:1", "0:101"), delivered());
        server.receive(datagram(Command.unreliable(0, 1, 3, bytes(103))), 1003);
        server.receive(datagram(Command.unreliable(0, 1, 2, bytes(102))), 1003);
        assertEquals(List.of("0:1", "0:101", "0:103"), delivered(), "#2 after #3 is late");
        server.receive(datagram(Command.reliable(0, 2, bytes(2))), 1004);
        server.receive(datagram(Command.unreliable(0, 1, 4, bytes(104))), 1005);
        assertEquals(List.of("0:1", "0:101", "0:103", "0:2"), delivered(), "follows a reliable already passed");
        assertEquals(2, drops.get(Drop.LATE_UNRELIABLE));
        assertFalse(events.messages.get(1).reliable());
    }

    @Test
    void farOutOfWindowSequenceNumbersAreDroppedUnacked() throws EnetException {
        EnetSession server = connectedServer(1000, 2);
        server.service(1000);
        server.receive(datagram(Command.reliable(0, 5000, bytes(1))), 1001);
        assertEquals(1, drops.get(Drop.OUT_OF_WINDOW));
        assertTrue(server.service(1001).isEmpty(), "no ack for it");
        assertEquals(0, server.bufferedBytes());
    }

    @Test
    void buffersAreBoundedAndTheNextExpectedCommandIsAlwaysAccepted() {
        EnetSettings small = new EnetSettings(1200, 4, 1000, 1024, 2000, 4, 1 << 20, 50, 7, 10_000, 1000);
        EnetSession server = connectedServer(small, 1000, 2);
        for (int seq = 2; seq < 100; seq++) {
            server.receive(datagram(Command.reliable(0, seq, new byte[500])), 1001);
        }
        assertTrue(server.bufferedBytes() <= 2000);
        assertTrue(drops.get(Drop.BUFFER_LIMIT) > 0);
        server.receive(datagram(Command.reliable(0, 1, new byte[10])), 1002);
        assertEquals(5, events.messages.size(), "1, then the four kept behind it");
        assertEquals(0, server.bufferedBytes());
    }

    @Test
    void inconsistentFragmentsDisconnectWithReasonServerLogic() throws EnetException {
        EnetSession server = connectedServer(1000, 2);
        server.service(1000);
        server.receive(datagram(Command.fragment(0, 1, 1, 2, 0, 10, 0, new byte[6])), 1001);
        server.receive(datagram(Command.fragment(0, 2, 1, 2, 1, 10, 3, new byte[6])), 1001); // overlaps
        List<byte[]> out = server.service(1002);
        Datagram d = DatagramCodec.read(out.get(0), out.get(0).length, 255, drops);
        Command last = d.commands().get(d.commands().size() - 1);
        assertEquals(CommandType.DISCONNECT, last.type());
        assertEquals(DisconnectCode.SERVER_LOGIC, last.reserved());
        assertEquals(EnetSession.State.DISCONNECTED, server.state());
        assertEquals(1, drops.get(Drop.BAD_FRAGMENT));
        assertFalse(events.disconnectedByPeer);
    }

    @Test
    void fragmentCountsAndLengthsAreChecked() {
        EnetSession server = connectedServer(1000, 2);
        server.receive(datagram(Command.fragment(0, 1, 1, 2, 0, Integer.MAX_VALUE, 0, new byte[6])), 1001);
        server.service(1002);
        assertEquals(EnetSession.State.DISCONNECTED, server.state());
        assertEquals(1, drops.get(Drop.BAD_FRAGMENT));
    }

    @Test
    void largeMessagesAreFragmentedToTheMtuAndReassembled() {
        SessionPair pair = SessionPair.perfect();
        pair.connect();
        byte[] big = new byte[10_000];
        new Random(3).nextBytes(big);
        assertTrue(pair.server.send(1, true, big, pair.now));
        assertTrue(pair.client.send(0, true, big, pair.now));
        pair.run(200);
        assertArrayEquals(big, pair.clientEvents.messages.get(0).message());
        assertEquals(1, pair.clientEvents.messages.get(0).channel());
        assertArrayEquals(big, pair.serverEvents.messages.get(0).message());
    }

    @Test
    void resendsBackOffAndGiveUpWithATimeoutDisconnect() throws EnetException {
        EnetSettings patient = EnetSettings.DEFAULTS.withDisconnectTimeout(60_000);
        EnetSession server = connectedServer(patient, 1000, 2);
        server.service(1000);
        // the client acks the verify-connect so only our message stays unacked
        server.receive(datagram(ackOf(CommandType.CONTROL_CHANNEL, 1, 1000)), 1001);
        server.send(0, true, bytes(1), 1001);
        List<Long> sendTimes = new ArrayList<>();
        long now = 1001;
        while (server.state() != EnetSession.State.DISCONNECTED && now < 100_000) {
            for (byte[] out : server.service(now)) {
                Datagram d = DatagramCodec.read(out, out.length, 255, drops);
                if (d.commands().get(0).type() == CommandType.SEND_RELIABLE) {
                    sendTimes.add(now);
                }
                if (d.commands().get(0).type() == CommandType.DISCONNECT) {
                    assertEquals(DisconnectCode.TIMEOUT, d.commands().get(0).reserved());
                }
            }
            // the client keeps pinging so the peer is not idle
            if (now % 500 == 0) {
                server.receive(datagram(Command.control(CommandType.PING, 2, null)), now);
            }
            now++;
        }
        assertEquals(EnetSession.State.DISCONNECTED, server.state());
        assertEquals(DisconnectCode.TIMEOUT, events.disconnectReason);
        assertEquals(8, sendTimes.size(), "the first send and 7 resends");
        for (int i = 2; i < sendTimes.size(); i++) {
            long gap = sendTimes.get(i) - sendTimes.get(i - 1);
            long previous = sendTimes.get(i - 1) - sendTimes.get(i - 2);
            assertTrue(gap >= previous * 2 - 1, "back-off doubles: " + sendTimes);
        }
    }

    @Test
    void aSilentPeerTimesOut() {
        EnetSession server = connectedServer(1000, 2);
        assertFalse(server.service(5000).isEmpty());
        assertEquals(EnetSession.State.CONNECTED, server.state());
        server.service(11_001);
        assertEquals(EnetSession.State.DISCONNECTED, server.state());
        assertEquals(DisconnectCode.TIMEOUT, events.disconnectReason);
    }

    @Test
    void roundTripIsMeasuredFromEchoedTimes() {
        SessionPair pair = new SessionPair(EnetSettings.DEFAULTS, 5, 0, 0, 40);
        pair.connect();
        for (int i = 0; i < 50; i++) {
            pair.client.send(0, true, bytes(i), pair.now);
            pair.run(50);
        }
        int rtt = pair.client.roundTripMillis();
        assertTrue(rtt >= 15 && rtt <= 90, "one-way delays of 1..40 ms: " + rtt);
    }

    @Test
    void disconnectByPeerCarriesTheReason() {
        SessionPair pair = SessionPair.perfect();
        pair.connect();
        pair.server.disconnect(DisconnectCode.USER_LIMIT, "full");
        pair.run(50);
        assertEquals(EnetSession.State.DISCONNECTED, pair.client.state());
        assertTrue(pair.clientEvents.disconnectedByPeer);
        assertEquals(DisconnectCode.USER_LIMIT, pair.clientEvents.disconnectReason);
        assertFalse(pair.serverEvents.disconnectedByPeer);
    }

    @Test
    void aMessageSentJustBeforeAManagedDisconnectStillArrivesAheadOfIt() {
        SessionPair pair = SessionPair.perfect();
        pair.connect();
        int before = pair.clientEvents.messages.size();
        // E.g. the AuthOnce error response, then the disconnect it explains, in the same service round.
        pair.server.send(0, true, bytes(7), pair.now);
        pair.server.disconnect(DisconnectCode.SERVER_LOGIC, "bad token");
        pair.run(50);
        assertEquals(before + 1, pair.clientEvents.messages.size());
        assertArrayEquals(bytes(7), pair.clientEvents.messages.get(before).message());
        assertEquals(EnetSession.State.DISCONNECTED, pair.client.state());
    }

    @Test
    void clientPingsWhenIdleAndTheServerKeepsItAlive() {
        SessionPair pair = SessionPair.perfect();
        pair.connect();
        pair.run(30_000);
        assertEquals(EnetSession.State.CONNECTED, pair.client.state());
        assertEquals(EnetSession.State.CONNECTED, pair.server.state());
    }

    @Test
    void everyReliableMessageArrivesOnceInOrderPerChannelOverALossyNetwork() {
        for (long seed = 1; seed <= 5; seed++) {
            SessionPair pair = new SessionPair(EnetSettings.DEFAULTS, seed, 0.05, 0.05, 30);
            pair.connect();
            Random sizes = new Random(seed);
            int perChannel = 300;
            for (int i = 0; i < perChannel; i++) {
                for (int ch = 0; ch < 2; ch++) {
                    byte[] m = message(ch, i, sizes.nextInt(10) == 0 ? 3000 : 20);
                    assertTrue(pair.client.send(ch, true, m, pair.now));
                    assertTrue(pair.server.send(ch, true, m, pair.now));
                    pair.client.send(ch, false, message(ch, 100_000 + i, 8), pair.now);
                }
                pair.run(5);
            }
            assertTrue(pair.runUntil(() -> reliableCount(pair.serverEvents) == 2 * perChannel
                    && reliableCount(pair.clientEvents) == 2 * perChannel, 60_000), "seed " + seed);
            pair.run(500);
            for (SessionPair.Recorder r : List.of(pair.serverEvents, pair.clientEvents)) {
                int[] next = new int[2];
                int[] lastUnreliable = {99_999, 99_999};
                for (SessionPair.Received m : r.messages) {
                    ByteBuffer b = ByteBuffer.wrap(m.message());
                    assertEquals(m.channel(), b.getInt());
                    int n = b.getInt();
                    if (m.reliable()) {
                        assertEquals(next[m.channel()]++, n, "in order, once, seed " + seed);
                    } else {
                        assertTrue(n > lastUnreliable[m.channel()], "unreliable never goes back");
                        lastUnreliable[m.channel()] = n;
                    }
                }
                assertEquals(perChannel, next[0]);
                assertEquals(perChannel, next[1]);
            }
            assertEquals(EnetSession.State.CONNECTED, pair.client.state());
            assertTrue(pair.serverDrops.get(Drop.DUPLICATE) > 0, "the network duplicated and lost");
            assertEquals(0, pair.server.bufferedBytes());
        }
    }

    @Test
    void randomCommandsNeverThrowAndNeverGrowTheBuffersBeyondTheirBound() {
        Random random = new Random(11);
        EnetSettings bounded = new EnetSettings(1200, 4, 4000, 256, 8000, 8, 1 << 20, 50, 7, 10_000, 1000);
        for (int round = 0; round < 200; round++) {
            EnetSession server = connectedServer(bounded, 1000, 2);
            for (int i = 0; i < 500 && server.state() != EnetSession.State.DISCONNECTED; i++) {
                int seq = random.nextInt(300) - 20;
                int ch = random.nextInt(4);
                byte[] payload = new byte[random.nextInt(600)];
                Command c = switch (random.nextInt(6)) {
                    case 0 -> Command.reliable(ch, seq, payload);
                    case 1 -> Command.unreliable(ch, random.nextInt(40), random.nextInt(400) - 10, payload);
                    case 2 -> Command.fragment(ch, seq, seq - random.nextInt(4), random.nextInt(6) - 1,
                            random.nextInt(6) - 1, random.nextInt(5000) - 10, random.nextInt(5000) - 10, payload);
                    case 3 -> ackOf(ch, seq, random.nextInt());
                    case 4 -> Command.simple(CommandType.SEND_UNSEQUENCED, ch, 2, 4, 0, payload);
                    default -> Command.simple(CommandType.SEND_RELIABLE_UNSEQUENCED, ch, 3, 4, seq, payload);
                };
                server.receive(datagram(c), 1000 + i);
                assertTrue(server.bufferedBytes() <= bounded.maxBufferedBytes() + 600,
                        "buffered " + server.bufferedBytes());
                if (i % 50 == 0) {
                    server.service(1000 + i);
                }
            }
        }
    }

    private static long reliableCount(SessionPair.Recorder r) {
        return r.messages.stream().filter(SessionPair.Received::reliable).count();
    }

    private static byte[] message(int channel, int n, int size) {
        return ByteBuffer.allocate(Math.max(8, size)).putInt(channel).putInt(n).array();
    }

    // ---- helpers for hand-made datagrams to a server session ----

    private EnetSession connectedServer(long now, int channels) {
        return connectedServer(EnetSettings.DEFAULTS, now, channels);
    }

    private EnetSession connectedServer(EnetSettings settings, long now, int channels) {
        EnetSession server = EnetSession.server(settings, events, drops, CHALLENGE, 9, now);
        server.receive(new Datagram(-1, false, 555, CHALLENGE,
                List.of(Command.control(CommandType.CONNECT, 1, Command.connectPayload(1200, channels)))), now);
        assertEquals(EnetSession.State.CONNECTED, server.state());
        return server;
    }

    private static Datagram datagram(Command c) {
        return new Datagram(9, false, 600, CHALLENGE, List.of(c));
    }

    private static Command ackOf(int channel, int seq, int sentTime) {
        return Command.ack(Command.simple(CommandType.SEND_RELIABLE, channel, 1, 4, seq, null), sentTime);
    }

    private static byte[] bytes(int n) {
        return new byte[]{(byte) n};
    }

    private List<String> delivered() {
        List<String> out = new ArrayList<>();
        for (SessionPair.Received m : events.messages) {
            out.add(m.channel() + ":" + (m.message()[0] & 0xff));
        }
        return out;
    }
}
