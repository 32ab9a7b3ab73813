package org.photonee.netty;

import io.netty.bootstrap.ServerBootstrap;
import io.netty.channel.Channel;
import io.netty.channel.ChannelOption;
import io.netty.channel.EventLoop;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.IoHandlerFactory;
import io.netty.channel.MultiThreadIoEventLoopGroup;
import io.netty.channel.ServerChannel;
import io.netty.channel.WriteBufferWaterMark;
import io.netty.channel.epoll.Epoll;
import io.netty.channel.epoll.EpollIoHandler;
import io.netty.channel.epoll.EpollServerSocketChannel;
import io.netty.channel.nio.NioIoHandler;
import io.netty.channel.socket.nio.NioServerSocketChannel;
import io.netty.handler.ssl.SslContext;
import org.photonee.core.codec.WireProtocols;
import org.photonee.core.config.NettySettings;
import org.photonee.core.peer.ApplicationBase;
import org.photonee.core.peer.PeerSettings;

import java.net.InetSocketAddress;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import java.util.logging.Logger;

/**
 * The Netty WebSocket listener: binds {@code photon.netty.host:photon.netty.port}, serves the role endpoints on
 * event loops whose threads come from the given factory (the container's {@code ManagedThreadFactory}), with
 * native epoll where it loads and NIO otherwise. Started and stopped by its owner (the web module's startup
 * observer), never from inside an EJB.
 */
public final class NettyListener {
    private static final Logger LOG = Logger.getLogger(NettyListener.class.getName());
    /** How long a stop waits for the event loops to finish what they hold. */
    private static final long SHUTDOWN_QUIET_MS = 0;
    private static final long SHUTDOWN_TIMEOUT_MS = 3000;

    private final NettySettings settings;
    private final Function<String, ApplicationBase> applications;
    private final ThreadFactory threads;
    private final HealthCheck health;
    private final long maxQueuedBytes;
    private volatile BenchRelay benchRelay;
    private final Map<EventLoop, LoopFlusher> flushers = new ConcurrentHashMap<>();
    private EventLoopGroup group;
    private Channel server;
    private String kind;

    /**
     * @param applications   role endpoint ("ns", "master", "game", "s2s") → its application, or null when off
     * @param maxQueuedBytes {@code photon.maxQueuedBytes}: the channels' high-water mark
     */
    public NettyListener(NettySettings settings, Function<String, ApplicationBase> applications, ThreadFactory threads,
                         HealthCheck health, long maxQueuedBytes) {
        this.settings = settings;
        this.applications = applications;
        this.threads = threads;
        this.health = health;
        this.maxQueuedBytes = maxQueuedBytes;
    }

    public NettyListener(NettySettings settings, Function<String, ApplicationBase> applications, ThreadFactory threads,
                         HealthCheck health) {
        this(settings, applications, threads, health, PeerSettings.DEFAULT_MAX_QUEUED_BYTES);
    }

    /** Also serves the benchmark's bare relay ({@code photon.bench.relay=true}); call before {@link #start}. */
    public NettyListener withBenchRelay() {
        benchRelay = new BenchRelay();
        return this;
    }

    /** Binds the port; throws when it cannot (port taken, TLS files unusable), leaving nothing running. */
    public synchronized NettyListener start() {
        if (server != null) {
            return this;
        }
        SslContext tls = TlsContexts.server(settings);
        boolean epoll = Epoll.isAvailable();
        IoHandlerFactory io = epoll ? EpollIoHandler.newFactory() : NioIoHandler.newFactory();
        Class<? extends ServerChannel> channelType = epoll ? EpollServerSocketChannel.class
                : NioServerSocketChannel.class;
        kind = epoll ? "epoll" : "nio";
        group = new MultiThreadIoEventLoopGroup(settings.eventLoops(), threads, io);
        WireProtocols protocols = WireProtocols.defaults();
        int high = (int) Math.min(Integer.MAX_VALUE, Math.max(2, maxQueuedBytes));
        try {
            server = new ServerBootstrap()
                    .group(group)
                    .channel(channelType)
                    .childOption(ChannelOption.TCP_NODELAY, true)
                    .childOption(ChannelOption.WRITE_BUFFER_WATER_MARK, new WriteBufferWaterMark(high / 2, high))
                    .childHandler(new PhotonChannelInitializer(tls, () -> new HandshakeHandler(applications,
                            protocols, health, tls != null, loop -> flushers.computeIfAbsent(loop, LoopFlusher::new),
                            settings.fibersOnEventLoops(), benchRelay)))
                    .bind(new InetSocketAddress(settings.host(), settings.port()))
                    .syncUninterruptibly()
                    .channel();
        } catch (RuntimeException e) {
            group.shutdownGracefully(SHUTDOWN_QUIET_MS, SHUTDOWN_TIMEOUT_MS, TimeUnit.MILLISECONDS);
            group = null;
            throw new IllegalStateException("Netty listener cannot bind " + settings.host() + ":" + settings.port()
                    + ": " + e.getMessage(), e);
        }
        LOG.info(() -> "Netty WebSocket listener on " + (tls != null ? "wss" : "ws") + "://" + settings.host() + ":"
                + localPort() + NettySettings.CONTEXT_PATH + " (" + kind + ", " + settings.eventLoops()
                + " event loops)");
        return this;
    }

    /** The bound port (the configured one, or the one the system chose for port 0 in tests). */
    public synchronized int localPort() {
        return server == null ? -1 : ((InetSocketAddress) server.localAddress()).getPort();
    }

    /** The event loops, once started: the UDP listener runs on them too. */
    public synchronized EventLoopGroup eventLoopGroup() {
        return group;
    }

    /** "epoll" or "nio" once started. */
    public synchronized String ioKind() {
        return kind;
    }

    /** Closes the port and every connection, and stops the event loops. */
    public synchronized void stop() {
        if (server == null) {
            return;
        }
        server.close().syncUninterruptibly();
        group.shutdownGracefully(SHUTDOWN_QUIET_MS, SHUTDOWN_TIMEOUT_MS, TimeUnit.MILLISECONDS)
                .awaitUninterruptibly(SHUTDOWN_TIMEOUT_MS + 1000);
        server = null;
        group = null;
        flushers.clear();
        LOG.info("Netty WebSocket listener stopped");
    }
}
