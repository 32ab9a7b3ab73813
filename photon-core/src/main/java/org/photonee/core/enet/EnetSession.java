package org.photonee.core.enet;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * One peer's reliable-UDP session (§1.6-1.11), either side: a {@link Role#SERVER} session answers CONNECT with
 * VERIFYCONNECT, a {@link Role#CLIENT} session sends CONNECT and waits for it. No I/O and no clock of its own: the
 * owner hands in received datagrams with {@link #receive}, queues messages with {@link #send}, and calls
 * {@link #service} with the time to get the datagrams to put on the wire (acks, new sends, resends, pings). Not
 * thread-safe: one thread (a Netty event loop, a test) drives it.
 *
 * <p>Sequencing per channel (§1.8): reliable commands are delivered strictly in sequence, so a missing one stalls
 * its own channel only; unreliable commands are dropped when late and held while the reliable command they follow
 * is missing. Every reliable command is acked, duplicates too, echoing the sentTime of the datagram that carried
 * it. Everything a peer can make this side keep is bounded by {@link EnetSettings}; breaking a bound drops the
 * command (not acked, so an honest sender resends it) or, for malformed fragments, disconnects the peer.
 */
public final class EnetSession {
    public enum Role { SERVER, CLIENT }

    public enum State { CONNECTING, CONNECTED, DISCONNECTED }

    /** What the session reports, synchronously from {@link #receive} and {@link #service}. */
    public interface Listener {
        /** Server: a CONNECT was accepted. Client: VERIFYCONNECT arrived. */
        void onConnected();

        /** One whole message, in order for its channel. */
        void onMessage(int channel, boolean reliable, byte[] message);

        /**
         * The session ended: {@code byPeer} when the other side sent DISCONNECT, else our own decision (timeout,
         * protocol violation, {@link #disconnect}); {@code reason} is the {@link DisconnectCode}.
         */
        void onDisconnected(boolean byPeer, int reason, String detail);
    }

    private static final class Channel {
        final int id;
        int outReliable;
        int outUnreliable;
        int inReliable;
        int inUnreliable;
        final TreeMap<Integer, Command> received = new TreeMap<>();
        final TreeMap<Integer, Command> heldUnreliable = new TreeMap<>();
        final TreeSet<Integer> seenUnsequenced = new TreeSet<>();
        final ArrayDeque<Command> waiting = new ArrayDeque<>();
        final TreeMap<Integer, InFlight> inFlight = new TreeMap<>();

        Channel(int id) {
            this.id = id;
        }
    }

    private static final class InFlight {
        final Command command;
        int sentCount;
        long firstSent;
        long nextSendAt;
        long timeout;

        InFlight(Command command, long now) {
            this.command = command;
            this.nextSendAt = now;
        }
    }

    private static final int DEDUPE_WINDOW = 128;

    private final Role role;
    private final EnetSettings settings;
    private final Listener listener;
    private final DropCounters drops;
    private final int challenge;
    private int peerId;
    private State state = State.CONNECTING;
    private boolean crc;
    private int mtu;
    private Channel[] channels = new Channel[0];
    private final Channel control = new Channel(CommandType.CONTROL_CHANNEL);
    private final List<Command> acks = new ArrayList<>();
    private final ArrayDeque<Command> unreliableOut = new ArrayDeque<>();
    private final TreeSet<Integer> seenGroups = new TreeSet<>();
    private int outGroup;
    private long bufferedBytes;
    private long queuedBytes;
    private long lastReceive;
    private long lastAckReceived;
    private long lastPingSent;
    private int roundTrip = 200;
    private int roundTripVariance = 5;
    private Command pendingDisconnect;
    private String disconnectDetail;
    private int disconnectReason;

    private EnetSession(Role role, EnetSettings settings, Listener listener, DropCounters drops, int challenge,
                        int peerId, long now) {
        this.role = role;
        this.settings = settings;
        this.listener = listener;
        this.drops = drops;
        this.challenge = challenge;
        this.peerId = peerId;
        this.mtu = settings.maxMtu();
        this.lastReceive = now;
        this.lastAckReceived = now;
    }

    /** A server session for a client whose first datagram carried {@code challenge}; {@code peerId} is assigned. */
    public static EnetSession server(EnetSettings settings, Listener listener, DropCounters drops, int challenge,
                                     int peerId, long now) {
        return new EnetSession(Role.SERVER, settings, listener, drops, challenge, peerId, now);
    }

    /** A client session; it queues CONNECT at once (asking for {@code channelCount} channels and the MTU). */
    public static EnetSession client(EnetSettings settings, Listener listener, DropCounters drops, int challenge,
                                     int channelCount, boolean crc, long now) {
        EnetSession s = new EnetSession(Role.CLIENT, settings, listener, drops, challenge, -1, now);
        s.crc = crc;
        s.openChannels(Math.min(channelCount, settings.maxChannels()));
        s.queueReliable(s.control, CommandType.CONNECT,
                Command.connectPayload(settings.maxMtu(), s.channels.length), now);
        return s;
    }

    public State state() {
        return state;
    }

    public int peerId() {
        return peerId;
    }

    public int challenge() {
        return challenge;
    }

    public int mtu() {
        return mtu;
    }

    public int channelCount() {
        return channels.length;
    }

    public int roundTripMillis() {
        return roundTrip;
    }

    public boolean crc() {
        return crc;
    }

    /** Bytes queued or in flight, not yet acked. */
    public long queuedBytes() {
        return queuedBytes;
    }

    /** Bytes kept for reordering and reassembly. */
    public long bufferedBytes() {
        return bufferedBytes;
    }

    public long lastReceiveMillis() {
        return lastReceive;
    }

    // ---- receiving ----

    /** Handles one parsed datagram received at {@code now} (ms, the same clock as {@link #service}). */
    public void receive(Datagram d, long now) {
        if (state == State.DISCONNECTED || pendingDisconnect != null) {
            return;
        }
        if (d.challenge() != challenge) {
            drops.count(Drop.UNKNOWN_PEER);
            return;
        }
        lastReceive = now;
        for (Command c : d.commands()) {
            if (state == State.DISCONNECTED) {
                return;
            }
            handle(c, d, now);
        }
    }

    private void handle(Command c, Datagram d, long now) {
        switch (c.type()) {
            case CommandType.ACK, CommandType.ACK_UNSEQUENCED -> onAck(c, now);
            case CommandType.CONNECT -> {
                acks.add(Command.ack(c, d.sentTime()));
                onConnect(c, d, now);
            }
            case CommandType.VERIFY_CONNECT -> {
                acks.add(Command.ack(c, d.sentTime()));
                onVerifyConnect(c);
            }
            case CommandType.DISCONNECT -> closed(true, c.reserved(), "disconnect from peer");
            case CommandType.PING, CommandType.SERVER_TIME -> {
                if (c.reliable()) {
                    acks.add(Command.ack(c, d.sentTime()));
                }
            }
            case CommandType.SEND_RELIABLE, CommandType.SEND_FRAGMENT -> onReliable(c, d, now);
            case CommandType.SEND_UNRELIABLE -> onUnreliable(c);
            case CommandType.SEND_UNSEQUENCED -> onUnsequenced(c);
            case CommandType.SEND_RELIABLE_UNSEQUENCED -> onReliableUnsequenced(c, d);
            default -> drops.count(Drop.UNKNOWN_COMMAND); // 15 (unsequenced fragments) is not supported: not acked
        }
    }

    private void onConnect(Command c, Datagram d, long now) {
        if (role != Role.SERVER || state != State.CONNECTING) {
            return; // a resent CONNECT: the ack above stops it; VERIFYCONNECT is already in flight
        }
        if (c.payload().length < CommandType.CONNECT_PAYLOAD_SIZE) {
            protocolViolation(Drop.MALFORMED, "connect payload of " + c.payload().length + " bytes");
            return;
        }
        byte[] p = c.payload();
        int clientMtu = ((p[2] & 0xff) << 8) | (p[3] & 0xff);
        long channelCount = ((long) (p[8] & 0xff) << 24) | ((p[9] & 0xff) << 16) | ((p[10] & 0xff) << 8)
                | (p[11] & 0xff);
        mtu = Math.max(EnetSettings.MIN_MTU, Math.min(settings.maxMtu(), clientMtu));
        openChannels((int) Math.max(1, Math.min(settings.maxChannels(), channelCount)));
        crc = d.crc();
        state = State.CONNECTED;
        queueReliable(control, CommandType.VERIFY_CONNECT, Command.verifyPayload(peerId), now);
        listener.onConnected();
    }

    private void onVerifyConnect(Command c) {
        if (role != Role.CLIENT || state != State.CONNECTING || c.payload().length < 2) {
            return;
        }
        peerId = (short) (((c.payload()[0] & 0xff) << 8) | (c.payload()[1] & 0xff));
        state = State.CONNECTED;
        listener.onConnected();
    }

    private void onAck(Command c, long now) {
        Channel ch = c.channel() == CommandType.CONTROL_CHANNEL ? control : channel(c.channel());
        if (ch == null) {
            drops.count(Drop.BAD_CHANNEL);
            return;
        }
        InFlight f = ch.inFlight.remove(c.ackSequence());
        if (f == null || f.sentCount == 0) {
            return; // a duplicate ack
        }
        lastAckReceived = now;
        queuedBytes -= f.command.payload().length;
        int sample = (int) now - c.ackSentTime(); // our own datagram time, echoed; int arithmetic survives wrap
        if (sample < 0 || sample > settings.disconnectTimeoutMillis()) {
            return; // an echoed time that is not ours: no RTT sample
        }
        if (f.command.type() == CommandType.CONNECT) {
            roundTrip = Math.max(15, sample);
        } else {
            int delta = sample - roundTrip;
            roundTrip += delta / 8;
            roundTripVariance += (Math.abs(delta) - roundTripVariance) / 4;
            roundTrip = Math.max(1, roundTrip);
        }
        promoteWaiting(ch, now);
    }

    private void onReliable(Command c, Datagram d, long now) {
        Channel ch = dataChannel(c);
        if (ch == null) {
            return;
        }
        int seq = c.reliableSequence();
        if (seq - ch.inReliable <= 0) {
            drops.count(Drop.DUPLICATE);
            acks.add(Command.ack(c, d.sentTime()));
            return;
        }
        if (seq - ch.inReliable > settings.receiveWindow()) {
            drops.count(Drop.OUT_OF_WINDOW);
            return;
        }
        if (c.type() == CommandType.SEND_FRAGMENT && !validFragment(c)) {
            protocolViolation(Drop.BAD_FRAGMENT, "fragment " + c.fragmentNumber() + "/" + c.fragmentCount()
                    + " at " + c.fragmentOffset() + "+" + c.payload().length + " of " + c.fragmentTotalLength());
            return;
        }
        if (c.type() == CommandType.SEND_RELIABLE && c.payload().length > settings.maxMessageSize()) {
            protocolViolation(Drop.TOO_LARGE, "message of " + c.payload().length + " bytes");
            return;
        }
        if (ch.received.containsKey(seq)) {
            drops.count(Drop.DUPLICATE);
            acks.add(Command.ack(c, d.sentTime()));
            return;
        }
        boolean next = seq == ch.inReliable + 1;
        if (!next && bufferedBytes + c.payload().length > settings.maxBufferedBytes()) {
            drops.count(Drop.BUFFER_LIMIT); // not acked: the sender resends it once the buffer drained
            return;
        }
        acks.add(Command.ack(c, d.sentTime()));
        ch.received.put(seq, c);
        bufferedBytes += c.payload().length;
        deliverReady(ch);
    }

    private boolean validFragment(Command c) {
        int maxCount = Math.min(settings.receiveWindow(), settings.maxMessageSize());
        return c.fragmentCount() >= 1 && c.fragmentCount() <= maxCount
                && c.fragmentNumber() >= 0 && c.fragmentNumber() < c.fragmentCount()
                && c.fragmentStart() == c.reliableSequence() - c.fragmentNumber()
                && c.fragmentTotalLength() >= 1 && c.fragmentTotalLength() <= settings.maxMessageSize()
                && c.fragmentOffset() >= 0 && c.fragmentOffset() < c.fragmentTotalLength()
                && c.payload().length >= 1 && c.payload().length <= c.fragmentTotalLength() - c.fragmentOffset();
    }

    /** Delivers what is next in sequence: single messages, and fragmented ones once every piece is there. */
    private void deliverReady(Channel ch) {
        while (state != State.DISCONNECTED) {
            Command head = ch.received.get(ch.inReliable + 1);
            if (head == null) {
                return;
            }
            if (head.type() == CommandType.SEND_RELIABLE) {
                ch.received.remove(head.reliableSequence());
                bufferedBytes -= head.payload().length;
                ch.inReliable++;
                listener.onMessage(ch.id, true, head.payload());
            } else {
                if (head.fragmentNumber() != 0) {
                    protocolViolation(Drop.BAD_FRAGMENT, "message starts with fragment " + head.fragmentNumber());
                    return;
                }
                byte[] whole = assemble(ch, head);
                if (whole == null) {
                    return;
                }
                ch.inReliable += head.fragmentCount();
                listener.onMessage(ch.id, true, whole);
            }
            releaseHeld(ch);
        }
    }

    /** The message of fragments start..start+count-1, removed from the buffer; null while one is missing. */
    private byte[] assemble(Channel ch, Command head) {
        int start = head.reliableSequence();
        for (int i = 1; i < head.fragmentCount(); i++) {
            if (!ch.received.containsKey(start + i)) {
                return null;
            }
        }
        byte[] whole = new byte[head.fragmentTotalLength()];
        int filled = 0;
        for (int i = 0; i < head.fragmentCount(); i++) {
            Command f = ch.received.get(start + i);
            if (f.type() != CommandType.SEND_FRAGMENT || f.fragmentCount() != head.fragmentCount()
                    || f.fragmentTotalLength() != whole.length || f.fragmentNumber() != i
                    || f.fragmentOffset() != filled || filled + f.payload().length > whole.length) {
                protocolViolation(Drop.BAD_FRAGMENT, "fragments of message " + start + " overlap or disagree");
                return null;
            }
            System.arraycopy(f.payload(), 0, whole, filled, f.payload().length);
            filled += f.payload().length;
        }
        if (filled != whole.length) {
            protocolViolation(Drop.BAD_FRAGMENT, "fragments of message " + start + " leave a gap");
            return null;
        }
        for (int i = 0; i < head.fragmentCount(); i++) {
            bufferedBytes -= ch.received.remove(start + i).payload().length;
        }
        return whole;
    }

    private void onUnreliable(Command c) {
        Channel ch = dataChannel(c);
        if (ch == null) {
            return;
        }
        if (c.unreliableSequence() - ch.inUnreliable <= 0 || c.reliableSequence() - ch.inReliable < 0) {
            drops.count(Drop.LATE_UNRELIABLE);
            return;
        }
        if (c.payload().length > settings.maxMessageSize()) {
            drops.count(Drop.TOO_LARGE);
            return;
        }
        if (c.reliableSequence() != ch.inReliable) {
            if (ch.heldUnreliable.size() >= settings.maxHeldUnreliable()
                    || c.reliableSequence() - ch.inReliable > settings.receiveWindow()
                    || bufferedBytes + c.payload().length > settings.maxBufferedBytes()) {
                drops.count(Drop.BUFFER_LIMIT);
                return;
            }
            if (ch.heldUnreliable.putIfAbsent(c.unreliableSequence(), c) == null) {
                bufferedBytes += c.payload().length;
            }
            return;
        }
        ch.inUnreliable = c.unreliableSequence();
        listener.onMessage(ch.id, false, c.payload());
    }

    /** After the channel's reliable number moved: held unreliable commands that now follow it go out, late ones drop. */
    private void releaseHeld(Channel ch) {
        Iterator<Map.Entry<Integer, Command>> it = ch.heldUnreliable.entrySet().iterator();
        while (it.hasNext() && state != State.DISCONNECTED) {
            Command c = it.next().getValue();
            int diff = c.reliableSequence() - ch.inReliable;
            if (diff > 0) {
                continue;
            }
            it.remove();
            bufferedBytes -= c.payload().length;
            if (diff < 0 || c.unreliableSequence() - ch.inUnreliable <= 0) {
                drops.count(Drop.LATE_UNRELIABLE);
            } else {
                ch.inUnreliable = c.unreliableSequence();
                listener.onMessage(ch.id, false, c.payload());
            }
        }
    }

    private void onUnsequenced(Command c) {
        Channel ch = dataChannel(c);
        if (ch == null) {
            return;
        }
        if (!firstTime(seenGroups, c.unreliableSequence())) {
            drops.count(Drop.DUPLICATE);
            return;
        }
        listener.onMessage(ch.id, false, c.payload());
    }

    private void onReliableUnsequenced(Command c, Datagram d) {
        Channel ch = dataChannel(c);
        if (ch == null) {
            return;
        }
        acks.add(Command.ack(c, d.sentTime()));
        if (!firstTime(ch.seenUnsequenced, c.reliableSequence())) {
            drops.count(Drop.DUPLICATE);
            return;
        }
        listener.onMessage(ch.id, true, c.payload());
    }

    /** A bounded duplicate filter: the last {@value #DEDUPE_WINDOW} numbers; older ones count as seen. */
    private static boolean firstTime(TreeSet<Integer> seen, int number) {
        if (seen.contains(number) || (seen.size() >= DEDUPE_WINDOW && number < seen.first())) {
            return false;
        }
        seen.add(number);
        if (seen.size() > DEDUPE_WINDOW) {
            seen.pollFirst();
        }
        return true;
    }

    private Channel dataChannel(Command c) {
        if (state != State.CONNECTED) {
            return null;
        }
        Channel ch = channel(c.channel());
        if (ch == null) {
            drops.count(Drop.BAD_CHANNEL);
        }
        return ch;
    }

    private Channel channel(int id) {
        return id >= 0 && id < channels.length ? channels[id] : null;
    }

    private void openChannels(int count) {
        channels = new Channel[count];
        for (int i = 0; i < count; i++) {
            channels[i] = new Channel(i);
        }
    }

    // ---- sending ----

    /**
     * Queues a message. Channels beyond the peer's count go on its last channel; unreliable messages too big for
     * one datagram go reliable (fragmented). Returns false, queueing nothing, when over
     * {@link EnetSettings#maxQueuedBytes} or not connected.
     */
    public boolean send(int channelId, boolean reliable, byte[] message, long now) {
        if (state != State.CONNECTED || channels.length == 0) {
            return false;
        }
        if (queuedBytes > 0 && queuedBytes + message.length > settings.maxQueuedBytes()) {
            return false;
        }
        Channel ch = channels[Math.min(Math.max(0, channelId), channels.length - 1)];
        int room = mtu - DatagramCodec.headerSize(crc);
        if (!reliable && CommandType.HEADER_SIZE + 4 + message.length <= room) {
            unreliableOut.add(Command.unreliable(ch.id, ch.outReliable, ++ch.outUnreliable, message));
            queuedBytes += message.length; // until the next service sends it
            return true;
        }
        queuedBytes += message.length;
        if (CommandType.HEADER_SIZE + message.length <= room) {
            enqueue(ch, Command.reliable(ch.id, ++ch.outReliable, message), now);
            return true;
        }
        // The official client's rule (§1.11): chunks of MTU - 12 - 36, whatever the CRC setting.
        int chunk = mtu - DatagramCodec.HEADER_SIZE - 36;
        int count = (message.length + chunk - 1) / chunk;
        int start = ch.outReliable + 1;
        for (int i = 0; i < count; i++) {
            int offset = i * chunk;
            byte[] piece = java.util.Arrays.copyOfRange(message, offset, Math.min(message.length, offset + chunk));
            enqueue(ch, Command.fragment(ch.id, ++ch.outReliable, start, count, i, message.length, offset, piece), now);
        }
        return true;
    }

    /** Asks the server for its time (EG_SERVERTIME; client side, §1.9); the answer is the ack. */
    public void requestServerTime(long now) {
        if (role == Role.CLIENT && state == State.CONNECTED) {
            queueReliable(control, CommandType.SERVER_TIME, null, now);
        }
    }

    /** Sends DISCONNECT with the reason at the next {@link #service} and ends the session there. */
    public void disconnect(int reason, String detail) {
        if (state != State.DISCONNECTED && pendingDisconnect == null) {
            pendingDisconnect = Command.disconnect(reason);
            disconnectReason = reason;
            disconnectDetail = detail;
        }
    }

    private void queueReliable(Channel ch, int type, byte[] payload, long now) {
        queuedBytes += payload == null ? 0 : payload.length;
        enqueue(ch, Command.control(type, ++ch.outReliable, payload), now);
    }

    private void enqueue(Channel ch, Command c, long now) {
        ch.waiting.add(c);
        promoteWaiting(ch, now);
    }

    /** Moves waiting commands into flight while the channel's send window allows. */
    private void promoteWaiting(Channel ch, long now) {
        while (!ch.waiting.isEmpty()) {
            int lowest = ch.inFlight.isEmpty() ? ch.waiting.peek().reliableSequence() : ch.inFlight.firstKey();
            if (ch.waiting.peek().reliableSequence() - lowest >= settings.sendWindow()) {
                return;
            }
            Command c = ch.waiting.poll();
            ch.inFlight.put(c.reliableSequence(), new InFlight(c, now));
        }
    }

    /**
     * The datagrams due at {@code now}: acks first, then reliable commands due for their first send or a resend,
     * then unreliable ones, each datagram at most the MTU. Also finds timeouts and, on a client, sends pings.
     */
    public List<byte[]> service(long now) {
        List<byte[]> out = new ArrayList<>(1);
        if (state == State.DISCONNECTED) {
            return out;
        }
        List<Command> commands = new ArrayList<>(acks);
        acks.clear();
        if (pendingDisconnect != null) {
            // A managed disconnect still delivers what was sent before it (the error response that explains it):
            // commands never sent go out once, in order, in front of DISCONNECT. Nothing waits for their acks.
            addUnsent(control, commands);
            for (Channel ch : channels) {
                addUnsent(ch, commands);
            }
            commands.add(pendingDisconnect);
            pack(commands, now, out);
            closed(false, disconnectReason, disconnectDetail);
            return out;
        }
        if (now - lastReceive > settings.disconnectTimeoutMillis()) {
            timedOut("nothing received for " + (now - lastReceive) + " ms", now, out);
            return out;
        }
        if (role == Role.CLIENT && state == State.CONNECTED && nothingInFlight()
                && now - lastAckReceived >= settings.pingIntervalMillis()
                && now - lastPingSent >= settings.pingIntervalMillis()) {
            lastPingSent = now;
            queueReliable(control, CommandType.PING, null, now);
        }
        if (!collectDue(control, now, commands, out)) {
            return out;
        }
        for (Channel ch : channels) {
            if (!collectDue(ch, now, commands, out)) {
                return out;
            }
        }
        for (Command c : unreliableOut) {
            queuedBytes -= c.payload().length;
            commands.add(c);
        }
        unreliableOut.clear();
        pack(commands, now, out);
        return out;
    }

    private static void addUnsent(Channel ch, List<Command> commands) {
        for (InFlight f : ch.inFlight.values()) {
            if (f.sentCount == 0) {
                commands.add(f.command);
            }
        }
    }

    private boolean nothingInFlight() {
        if (!control.inFlight.isEmpty()) {
            return false;
        }
        for (Channel ch : channels) {
            if (!ch.inFlight.isEmpty()) {
                return false;
            }
        }
        return true;
    }

    private boolean collectDue(Channel ch, long now, List<Command> commands, List<byte[]> out) {
        for (InFlight f : ch.inFlight.values()) {
            if (f.nextSendAt > now) {
                continue;
            }
            if (f.sentCount > settings.resendLimit()
                    || (f.sentCount > 0 && now - f.firstSent > settings.disconnectTimeoutMillis())) {
                timedOut("command " + f.command.reliableSequence() + " on channel " + ch.id + " unacked after "
                        + f.sentCount + " sends", now, out);
                return false;
            }
            if (f.sentCount == 0) {
                f.firstSent = now;
                f.timeout = Math.max(EnetSettings.MIN_RESEND_MS,
                        Math.min(roundTrip + 4L * roundTripVariance, EnetSettings.INITIAL_RESEND_MAX_MS));
            } else {
                f.timeout = Math.min(f.timeout * 2, settings.disconnectTimeoutMillis());
            }
            f.sentCount++;
            f.nextSendAt = now + f.timeout;
            commands.add(f.command);
        }
        return true;
    }

    private void timedOut(String detail, long now, List<byte[]> out) {
        drops.count(Drop.TIMEOUT);
        pack(List.of(Command.disconnect(DisconnectCode.TIMEOUT)), now, out);
        closed(false, DisconnectCode.TIMEOUT, detail);
    }

    /** Splits commands into datagrams of at most the MTU and 255 commands, in order. */
    private void pack(List<Command> commands, long now, List<byte[]> out) {
        int limit = mtu;
        List<Command> current = new ArrayList<>();
        int size = DatagramCodec.headerSize(crc);
        for (Command c : commands) {
            if (!current.isEmpty() && (size + c.size() > limit
                    || current.size() == EnetSettings.MAX_COMMANDS_PER_DATAGRAM)) {
                out.add(DatagramCodec.write(new Datagram(peerId, crc, (int) now, challenge, current)));
                current = new ArrayList<>();
                size = DatagramCodec.headerSize(crc);
            }
            current.add(c);
            size += c.size();
        }
        if (!current.isEmpty()) {
            out.add(DatagramCodec.write(new Datagram(peerId, crc, (int) now, challenge, current)));
        }
    }

    private void protocolViolation(Drop drop, String detail) {
        drops.count(drop);
        disconnect(DisconnectCode.SERVER_LOGIC, detail);
    }

    private void closed(boolean byPeer, int reason, String detail) {
        if (state == State.DISCONNECTED) {
            return;
        }
        state = State.DISCONNECTED;
        for (Channel ch : channels) {
            ch.received.clear();
            ch.heldUnreliable.clear();
            ch.waiting.clear();
            ch.inFlight.clear();
        }
        unreliableOut.clear();
        bufferedBytes = 0;
        queuedBytes = 0;
        listener.onDisconnected(byPeer, reason, detail);
    }
}
