package org.photonee.netty.udp;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.SimpleChannelInboundHandler;
import io.netty.channel.socket.DatagramPacket;
import io.netty.util.concurrent.ScheduledFuture;
import org.photonee.core.codec.WireProtocols;
import org.photonee.core.config.UdpSettings;
import org.photonee.core.enet.Command;
import org.photonee.core.enet.CommandType;
import org.photonee.core.enet.Datagram;
import org.photonee.core.enet.DatagramCodec;
import org.photonee.core.enet.DisconnectCode;
import org.photonee.core.enet.Drop;
import org.photonee.core.enet.DropCounters;
import org.photonee.core.enet.EnetException;
import org.photonee.core.enet.EnetSession;
import org.photonee.core.enet.EnetSettings;
import org.photonee.core.fiber.EndOfBatch;
import org.photonee.core.peer.ApplicationBase;
import org.photonee.core.peer.PeerSettings;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Function;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * One role's UDP endpoint on one datagram channel. Every datagram is untrusted: it is parsed with bounds, matched
 * to a session by sender address and challenge, and dropped (counted in {@link #drops}) when it matches none,
 * names another peer id, fails its CRC or breaks a bound. A new session needs a CONNECT and room under the
 * per-address and total limits (otherwise a DISCONNECT with reason 3, user limit, which is smaller than the
 * CONNECT, so it amplifies nothing). Sessions that do not send their init within {@value #INIT_TIMEOUT_MS} ms are
 * dropped, so a connect flood holds memory only briefly. A 10 ms timer drives resends, acks and timeouts.
 */
final class UdpRoleHandler extends SimpleChannelInboundHandler<DatagramPacket> {
    private static final Logger LOG = Logger.getLogger(UdpRoleHandler.class.getName());
    static final long INIT_TIMEOUT_MS = 5000;
    static final long TICK_MS = 10;
    private static final AtomicLong CONNECTION_IDS = new AtomicLong();

    private record SessionKey(InetSocketAddress address, int challenge) {
    }

    final String role;
    final Function<String, ApplicationBase> applications;
    final WireProtocols protocols;
    final DropCounters drops;
    private final UdpSettings settings;
    private final long epochNanos = System.nanoTime();
    private final Map<SessionKey, UdpPeer> peers = new HashMap<>();
    private final Map<InetAddress, Integer> perAddress = new HashMap<>();
    private final Set<UdpPeer> dirty = new LinkedHashSet<>();
    private boolean flushScheduled;
    private int nextPeerId;
    private ChannelHandlerContext ctx;
    private ScheduledFuture<?> timer;

    UdpRoleHandler(String role, Function<String, ApplicationBase> applications, WireProtocols protocols,
                   UdpSettings settings, DropCounters drops) {
        this.role = role;
        this.applications = applications;
        this.protocols = protocols;
        this.settings = settings;
        this.drops = drops;
    }

    /** Milliseconds of this endpoint's monotonic clock: every datagram's sentTime, what server time is based on. */
    long now() {
        return (System.nanoTime() - epochNanos) / 1_000_000L;
    }

    String newConnectionId() {
        return "u" + CONNECTION_IDS.incrementAndGet() + Long.toString(System.nanoTime() & 0xffff, 36);
    }

    /** Sessions held now (for tests and the dashboard). */
    int sessionCount() {
        return peers.size();
    }

    void execute(Runnable task) {
        if (ctx != null) {
            ctx.executor().execute(task);
        }
    }

    @Override
    public void channelActive(ChannelHandlerContext ctx) {
        this.ctx = ctx;
        timer = ctx.executor().scheduleAtFixedRate(this::serviceAll, TICK_MS, TICK_MS, TimeUnit.MILLISECONDS);
        ctx.fireChannelActive();
    }

    @Override
    public void channelInactive(ChannelHandlerContext ctx) {
        if (timer != null) {
            timer.cancel(false);
        }
        for (UdpPeer p : List.copyOf(peers.values())) {
            p.session.disconnect(DisconnectCode.SERVER_LOGIC, "server stopping");
            flush(p);
        }
        peers.clear();
        perAddress.clear();
        ctx.fireChannelInactive();
    }

    @Override
    protected void channelRead0(ChannelHandlerContext ctx, DatagramPacket packet) {
        ByteBuf content = packet.content();
        int length = content.readableBytes();
        if (length > 65_535) {
            drops.count(Drop.MALFORMED);
            return;
        }
        byte[] bytes = new byte[length];
        content.getBytes(content.readerIndex(), bytes);
        Datagram d;
        try {
            d = DatagramCodec.read(bytes, length, EnetSettings.MAX_COMMANDS_PER_DATAGRAM, drops);
        } catch (EnetException e) {
            drops.count(e.drop());
            return;
        }
        InetSocketAddress sender = packet.sender();
        SessionKey key = new SessionKey(sender, d.challenge());
        UdpPeer p = peers.get(key);
        long now = now();
        if (p == null) {
            p = newSession(key, d, now);
            if (p == null) {
                return;
            }
        } else if (d.peerId() >= 0 && d.peerId() != p.session.peerId()) {
            drops.count(Drop.UNKNOWN_PEER); // a spoofed or stale peer id from this address
            return;
        }
        UdpPeer peer = p;
        EndOfBatch.run(() -> peer.session.receive(d, now));
        p.heardFrom();
        flush(p);
    }

    private UdpPeer newSession(SessionKey key, Datagram d, long now) {
        boolean connect = !d.commands().isEmpty() && d.commands().get(0).type() == CommandType.CONNECT
                && d.peerId() < 0;
        if (!connect) {
            drops.count(Drop.UNKNOWN_PEER);
            return null;
        }
        InetAddress ip = key.address().getAddress();
        if (perAddress.getOrDefault(ip, 0) >= settings.maxPeersPerAddress() || peers.size() >= settings.maxPeers()) {
            drops.count(Drop.PEER_LIMIT);
            byte[] refusal = DatagramCodec.write(new Datagram(-1, d.crc(), (int) now, d.challenge(),
                    List.of(Command.disconnect(DisconnectCode.USER_LIMIT))));
            ctx.writeAndFlush(new DatagramPacket(Unpooled.wrappedBuffer(refusal), key.address()));
            return null;
        }
        UdpPeer p = new UdpPeer(key.address(), this, now);
        p.session = EnetSession.server(sessionSettings(), p, drops, d.challenge(), nextPeerId(), now);
        peers.put(key, p);
        perAddress.merge(ip, 1, Integer::sum);
        return p;
    }

    private EnetSettings sessionSettings() {
        ApplicationBase app = applications.apply(role);
        PeerSettings peerSettings = app == null ? PeerSettings.DEFAULTS : app.environment().settings();
        EnetSettings d = EnetSettings.DEFAULTS;
        return new EnetSettings(settings.mtu(), settings.maxChannels(), peerSettings.limits().maxMessageSize(),
                d.receiveWindow(), Math.max(d.maxBufferedBytes(), 2 * peerSettings.limits().maxMessageSize()),
                d.maxHeldUnreliable(), peerSettings.maxQueuedBytes(), d.sendWindow(), d.resendLimit(),
                d.disconnectTimeoutMillis(), d.pingIntervalMillis());
    }

    /** Peer ids 1..32767, reused after wrapping: a session is found by address and challenge, the id only checked. */
    private int nextPeerId() {
        nextPeerId = nextPeerId >= Short.MAX_VALUE ? 1 : nextPeerId + 1;
        return nextPeerId;
    }

    /** Sends what the session has due now; forgets it once it ended. */
    void flush(UdpPeer p) {
        List<byte[]> out = p.session.service(now());
        for (byte[] datagram : out) {
            ctx.write(new DatagramPacket(Unpooled.wrappedBuffer(datagram), p.address), ctx.voidPromise());
        }
        if (!out.isEmpty()) {
            ctx.flush();
        }
        p.serviced();
        if (p.session.state() == EnetSession.State.DISCONNECTED) {
            forget(p);
        }
    }

    /** Batches flushes of sends made from other threads: one service per session per event-loop turn. */
    void flushSoon(UdpPeer p) {
        dirty.add(p);
        if (!flushScheduled) {
            flushScheduled = true;
            ctx.executor().execute(() -> {
                flushScheduled = false;
                List<UdpPeer> batch = new ArrayList<>(dirty);
                dirty.clear();
                for (UdpPeer q : batch) {
                    flush(q);
                }
            });
        }
    }

    private void serviceAll() {
        long now = now();
        Iterator<UdpPeer> it = new ArrayList<>(peers.values()).iterator();
        while (it.hasNext()) {
            UdpPeer p = it.next();
            try {
                if (!p.initialized() && now - p.createdAt > INIT_TIMEOUT_MS
                        && p.session.state() != EnetSession.State.DISCONNECTED) {
                    drops.count(Drop.BAD_INIT);
                    p.session.disconnect(DisconnectCode.SERVER_LOGIC, "no init within " + INIT_TIMEOUT_MS + " ms");
                }
                flush(p);
            } catch (RuntimeException e) {
                LOG.log(Level.WARNING, "UDP session of " + p.address + " failed", e);
                forget(p);
            }
        }
    }

    private void forget(UdpPeer p) {
        if (peers.remove(new SessionKey(p.address, p.session.challenge())) != null) {
            perAddress.computeIfPresent(p.address.getAddress(), (ip, n) -> n <= 1 ? null : n - 1);
        }
        dirty.remove(p);
    }

    @Override
    public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
        LOG.log(Level.FINE, "UDP " + role + " endpoint error", cause); // e.g. ICMP port unreachable: keep serving
    }
}
