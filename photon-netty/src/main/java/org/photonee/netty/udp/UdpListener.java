package org.photonee.netty.udp;

import io.netty.bootstrap.Bootstrap;
import io.netty.channel.Channel;
import io.netty.channel.ChannelOption;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.MultiThreadIoEventLoopGroup;
import io.netty.channel.epoll.EpollDatagramChannel;
import io.netty.channel.nio.NioIoHandler;
import io.netty.channel.socket.nio.NioDatagramChannel;
import org.photonee.core.codec.WireProtocols;
import org.photonee.core.config.UdpSettings;
import org.photonee.core.enet.DropCounters;
import org.photonee.core.peer.ApplicationBase;

import java.net.InetSocketAddress;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import java.util.logging.Logger;

/**
 * The reliable UDP listener ({@code photon.udp.port}): one datagram channel per role this instance runs, on the
 * port {@link UdpSettings#portFor} gives (master +0, game +1, name server +3). It runs on the Netty WebSocket
 * listener's event loops when there is one ({@link #start(EventLoopGroup, boolean)}), else on its own.
 */
public final class UdpListener {
    private static final Logger LOG = Logger.getLogger(UdpListener.class.getName());
    static final List<String> ROLES = List.of("ns", "master", "game");

    private final UdpSettings settings;
    private final Function<String, ApplicationBase> applications;
    private final WireProtocols protocols;
    private final DropCounters drops = new DropCounters();
    private final Map<String, Channel> channels = new LinkedHashMap<>();
    private final Map<String, UdpRoleHandler> handlers = new LinkedHashMap<>();
    private EventLoopGroup ownGroup;

    public UdpListener(UdpSettings settings, Function<String, ApplicationBase> applications, WireProtocols protocols) {
        this.settings = settings;
        this.applications = applications;
        this.protocols = protocols;
    }

    /** On its own single event loop (tests, or when the Netty WebSocket listener is off). */
    public synchronized UdpListener start(ThreadFactory threads) {
        ownGroup = new MultiThreadIoEventLoopGroup(1, threads, NioIoHandler.newFactory());
        try {
            return start(ownGroup, false);
        } catch (RuntimeException e) {
            ownGroup.shutdownGracefully(0, 1000, TimeUnit.MILLISECONDS);
            ownGroup = null;
            throw e;
        }
    }

    /** On the event loops of the running Netty WebSocket listener. */
    public UdpListener startOn(org.photonee.netty.NettyListener webSocketListener) {
        return start(webSocketListener.eventLoopGroup(), "epoll".equals(webSocketListener.ioKind()));
    }

    /** Binds every role endpoint this instance runs on {@code group}; {@code epoll}: the group's transport. */
    public synchronized UdpListener start(EventLoopGroup group, boolean epoll) {
        if (!channels.isEmpty()) {
            return this;
        }
        try {
            for (String role : ROLES) {
                if (applications.apply(role) == null) {
                    continue;
                }
                UdpRoleHandler handler = new UdpRoleHandler(role, applications, protocols, settings, drops);
                int port = settings.port() == 0 ? 0 : settings.portFor(role);
                Channel channel = new Bootstrap().group(group)
                        .channel(epoll ? EpollDatagramChannel.class : NioDatagramChannel.class)
                        .option(ChannelOption.SO_RCVBUF, 1 << 20)
                        .option(ChannelOption.SO_SNDBUF, 1 << 20)
                        .handler(handler)
                        .bind(new InetSocketAddress(settings.host(), port)).syncUninterruptibly().channel();
                channels.put(role, channel);
                handlers.put(role, handler);
            }
        } catch (RuntimeException e) {
            stop();
            throw new IllegalStateException("UDP listener cannot bind " + settings.host() + " near port "
                    + settings.port() + ": " + e.getMessage(), e);
        }
        LOG.info(() -> "UDP listener on " + settings.host() + ": " + ports());
        return this;
    }

    /** Role → bound port (the system's choice when configured with port 0, in tests). */
    public synchronized Map<String, Integer> ports() {
        Map<String, Integer> ports = new LinkedHashMap<>();
        channels.forEach((role, ch) -> ports.put(role, ((InetSocketAddress) ch.localAddress()).getPort()));
        return ports;
    }

    /** What was dropped or refused, across roles. */
    public DropCounters drops() {
        return drops;
    }

    /** Sessions held by one role's endpoint right now (read on its event loop). */
    public int sessionCount(String role) {
        UdpRoleHandler h = handlers.get(role);
        Channel ch = channels.get(role);
        if (h == null || ch == null) {
            return 0;
        }
        return ch.eventLoop().submit(h::sessionCount).syncUninterruptibly().getNow();
    }

    /** Tells every client good-bye (DISCONNECT, reason 1) and closes the ports. */
    public synchronized void stop() {
        for (Channel ch : channels.values()) {
            ch.close().syncUninterruptibly();
        }
        channels.clear();
        handlers.clear();
        if (ownGroup != null) {
            ownGroup.shutdownGracefully(0, 2000, TimeUnit.MILLISECONDS).awaitUninterruptibly(3000);
            ownGroup = null;
        }
    }
}
