package org.photonee.client;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.SocketException;
import java.net.URI;
import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.security.SecureRandom;
import java.util.ArrayDeque;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Function;
import org.photonee.core.config.UdpSettings;
import org.photonee.core.enet.Datagram;
import org.photonee.core.enet.DatagramCodec;
import org.photonee.core.enet.DisconnectCode;
import org.photonee.core.enet.DropCounters;
import org.photonee.core.enet.EnetException;
import org.photonee.core.enet.EnetSession;
import org.photonee.core.enet.EnetSettings;
import org.photonee.core.enet.InitMessage;
import org.photonee.core.enet.TokenInit;
import org.photonee.core.peer.CloseCodes;
import org.photonee.core.peer.Connection;
import org.photonee.core.peer.SendParameters;
import org.photonee.core.peer.SendResult;
import org.photonee.core.peer.WebSocketConnector;
import org.photonee.core.protocol.WireFrame;
import org.photonee.core.protocol.WireProtocol;

/**
 * Connects over Photon's reliable UDP instead of WebSocket: pass it as the {@link ConnectionSettings#connector}
 * ({@link ConnectionSettings#withUdp}). Each connection runs an {@link EnetSession} (client side) on a
 * connected datagram socket: CONNECT, then the binary init naming the protocol's version (1.6 or 1.8) and the app
 * id, then messages on the channel and with the reliability their {@link SendParameters} ask for.
 *
 * <p>Addresses: servers hand UDP clients "host:port" addresses (which the client sees as ws://host:port without a
 * path); the first address, a name server or master WebSocket URL (ws://host:port/photon/&lt;role&gt;), is
 * translated by {@code resolve}: {@link #forPort} maps the role to the UDP port layout of {@link UdpSettings} on the
 * same host and passes "host:port" and {@code udp://host:port} through.
 */
public final class UdpConnector implements WebSocketConnector {
    private static final SecureRandom RANDOM = new SecureRandom();
    private static final long TICK_MS = 10;
    /** How long CONNECT and init may take before the connect fails. */
    private static final long CONNECT_TIMEOUT_MS = 5000;

    private final Function<URI, InetSocketAddress> resolve;
    private final int channelCount;
    private final String applicationId;
    private final DropCounters drops = new DropCounters();

    /**
     * @param resolve        maps a server address to its UDP endpoint
     * @param channelCount   channels asked for in CONNECT (the official client's default is 2)
     * @param applicationId  the app id written into the init message (may be empty)
     */
    public UdpConnector(Function<URI, InetSocketAddress> resolve, int channelCount, String applicationId) {
        this.resolve = resolve;
        this.channelCount = channelCount;
        this.applicationId = applicationId == null ? "" : applicationId;
    }

    /** Translates ws://host:…/photon/&lt;role&gt; to host:{@code udpPort}+role offset; udp:// URIs pass through. */
    public static UdpConnector forPort(int udpPort, int channelCount, String applicationId) {
        UdpSettings layout = UdpSettings.OFF.withPort(udpPort);
        return new UdpConnector(uri -> {
            if ("udp".equals(uri.getScheme())) {
                return new InetSocketAddress(uri.getHost(), uri.getPort());
            }
            String path = uri.getPath() == null ? "" : uri.getPath().replaceAll("/+$", "");
            if (path.isEmpty() && uri.getPort() > 0) {
                return new InetSocketAddress(uri.getHost(), uri.getPort()); // a UDP "host:port" the server handed out
            }
            String role = path.substring(path.lastIndexOf('/') + 1);
            int port = layout.portFor(role);
            if (port < 0) {
                throw new IllegalArgumentException("no UDP endpoint for " + uri);
            }
            return new InetSocketAddress(uri.getHost(), port);
        }, channelCount, applicationId);
    }

    /** What this connector's sessions dropped (bad datagrams, late unreliable commands, duplicates). */
    public DropCounters drops() {
        return drops;
    }

    @Override
    public CompletableFuture<Connection> connect(URI uri, WireProtocol protocol, Listener listener) {
        return connect(uri, protocol, listener, null);
    }

    /**
     * As {@link #connect(URI, WireProtocol, Listener)}; with a {@code token} the init is the HTTP-style one carrying
     * it (NATIVE-PROTOCOLS.md §1.7 B, the AuthOnce modes), and the server authenticates at connect.
     */
    public CompletableFuture<Connection> connect(URI uri, WireProtocol protocol, Listener listener, String token) {
        CompletableFuture<Connection> result = new CompletableFuture<>();
        try {
            InetSocketAddress address = resolve.apply(uri);
            InitMessage binary = initFor(protocol);
            byte[] init = token == null ? binary.toBytes()
                    : new TokenInit(protocol.subprotocol(), applicationId, binary.clientVersion(), token)
                            .toBytes(address.getHostString() + ":" + address.getPort());
            UdpClientConnection c = new UdpClientConnection(address, listener, result, init);
            c.start();
        } catch (IOException | RuntimeException e) {
            result.completeExceptionally(e);
        }
        return result;
    }

    private InitMessage initFor(WireProtocol protocol) {
        String name = protocol.subprotocol();
        int minor = switch (name) {
            case "GpBinaryV16" -> 6;
            case "GpBinaryV18" -> 8;
            default -> throw new IllegalArgumentException("UDP carries GpBinaryV16 or GpBinaryV18, not " + name);
        };
        return new InitMessage(1, minor, 0, "4.1.0.0", applicationId);
    }

    private static final AtomicLong IDS = new AtomicLong();

    /** One UDP connection: a socket, a receive thread, and the session under this object's lock. */
    private final class UdpClientConnection implements Connection, EnetSession.Listener {
        private final String id = "udp-client-" + IDS.incrementAndGet();
        private final InetSocketAddress address;
        private final Listener listener;
        private final CompletableFuture<Connection> opened;
        private final byte[] init;
        private final DatagramSocket socket;
        private final long epoch = System.nanoTime();
        private final EnetSession session;
        /** Callbacks collected under the session lock, run outside it in order (see {@link #deliver}). */
        private final ArrayDeque<Runnable> callbacks = new ArrayDeque<>();
        private final Object callbackLock = new Object();
        private ScheduledFuture<?> ticker;
        private volatile boolean open = true;
        private boolean initialized;

        UdpClientConnection(InetSocketAddress address, Listener listener, CompletableFuture<Connection> opened,
                            byte[] init) throws SocketException {
            this.address = address;
            this.listener = listener;
            this.opened = opened;
            this.init = init;
            this.socket = new DatagramSocket();
            this.socket.connect(address);
            this.socket.setReceiveBufferSize(1 << 20);
            this.session = EnetSession.client(EnetSettings.DEFAULTS, this, drops, RANDOM.nextInt() & 0x7fffffff,
                    channelCount, false, now());
        }

        long now() {
            return (System.nanoTime() - epoch) / 1_000_000L;
        }

        void start() {
            Thread receiver = new Thread(this::receiveLoop, id + "-receive");
            receiver.setDaemon(true);
            receiver.start();
            ticker = ClientThreads.SCHEDULER.scheduleAtFixedRate(this::tick, 0, TICK_MS, TimeUnit.MILLISECONDS);
        }

        private void tick() {
            synchronized (this) {
                if (!initialized && now() > CONNECT_TIMEOUT_MS && session.state() != EnetSession.State.DISCONNECTED) {
                    session.disconnect(DisconnectCode.TIMEOUT, "no answer from " + address + " within "
                            + CONNECT_TIMEOUT_MS + " ms");
                }
                flush();
            }
            deliver();
        }

        private void receiveLoop() {
            byte[] buffer = new byte[65_535];
            DatagramPacket packet = new DatagramPacket(buffer, buffer.length);
            while (open) {
                try {
                    socket.receive(packet);
                } catch (IOException e) {
                    if (open) {
                        // ICMP port unreachable before the server listens: keep trying until the connect timeout
                        continue;
                    }
                    return;
                }
                Datagram d;
                try {
                    d = DatagramCodec.read(buffer, packet.getLength(), EnetSettings.MAX_COMMANDS_PER_DATAGRAM, drops);
                } catch (EnetException e) {
                    drops.count(e.drop());
                    continue;
                }
                synchronized (this) {
                    session.receive(d, now());
                    flush();
                }
                deliver();
            }
        }

        /** Under the lock: sends what the session has due. */
        private void flush() {
            List<byte[]> out = session.service(now());
            for (byte[] datagram : out) {
                try {
                    socket.send(new DatagramPacket(datagram, datagram.length));
                } catch (IOException e) {
                    // a lost datagram: the session resends reliable commands
                }
            }
        }

        /** Outside the session lock, so a listener that sends (and takes its own locks) cannot deadlock with us. */
        private void deliver() {
            synchronized (callbackLock) {
                while (true) {
                    Runnable r;
                    synchronized (this) {
                        r = callbacks.poll();
                    }
                    if (r == null) {
                        return;
                    }
                    r.run();
                }
            }
        }

        @Override
        public void onConnected() {
            session.send(0, true, init, now());
        }

        @Override
        public void onMessage(int channel, boolean reliable, byte[] message) {
            if (!initialized) {
                if (InitMessage.isResponse(message)) {
                    initialized = true;
                    session.requestServerTime(now());
                    callbacks.add(() -> opened.complete(this));
                }
                return;
            }
            WireFrame frame = WireFrame.binary(message);
            callbacks.add(() -> listener.onFrame(frame));
        }

        @Override
        public void onDisconnected(boolean byPeer, int reason, String detail) {
            open = false;
            int code = byPeer ? (reason == DisconnectCode.SERVER_LOGIC ? CloseCodes.POLICY_VIOLATION
                    : CloseCodes.GOING_AWAY) : reason == DisconnectCode.TIMEOUT ? 1006 : CloseCodes.NORMAL;
            String text = byPeer ? "disconnected by the server (reason " + reason + ")" : detail;
            boolean wasInitialized = initialized;
            callbacks.add(() -> {
                shutdown();
                if (wasInitialized) {
                    listener.onClosed(code, text);
                } else {
                    opened.completeExceptionally(new IOException("UDP connect to " + address + " failed: " + text));
                }
            });
        }

        private void shutdown() {
            if (ticker != null) {
                ticker.cancel(false);
            }
            socket.close();
        }

        @Override
        public String id() {
            return id;
        }

        @Override
        public String remoteAddress() {
            return address.getHostString() + ":" + address.getPort();
        }

        @Override
        public boolean isOpen() {
            return open;
        }

        @Override
        public SendResult send(WireFrame frame, SendParameters sendParameters) {
            java.nio.ByteBuffer data = frame.binary();
            byte[] bytes = new byte[data.remaining()];
            data.get(bytes);
            synchronized (this) {
                if (!open) {
                    return SendResult.DISCONNECTED;
                }
                if (!session.send(sendParameters.channelId(), !sendParameters.unreliable(), bytes, now())) {
                    return SendResult.SEND_BUFFER_FULL;
                }
                flush();
            }
            return SendResult.OK;
        }

        @Override
        public void close(int closeCode, String reason) {
            synchronized (this) {
                session.disconnect(DisconnectCode.NONE, reason);
                flush();
            }
            deliver();
        }
    }
}
