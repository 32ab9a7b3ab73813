package org.photonee.netty.client;

import io.netty.bootstrap.Bootstrap;
import io.netty.buffer.Unpooled;
import io.netty.channel.Channel;
import io.netty.channel.ChannelFutureListener;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.ChannelOption;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.IoHandlerFactory;
import io.netty.channel.MultiThreadIoEventLoopGroup;
import io.netty.channel.SimpleChannelInboundHandler;
import io.netty.channel.epoll.Epoll;
import io.netty.channel.epoll.EpollIoHandler;
import io.netty.channel.epoll.EpollSocketChannel;
import io.netty.channel.nio.NioIoHandler;
import io.netty.channel.socket.SocketChannel;
import io.netty.channel.socket.nio.NioSocketChannel;
import io.netty.handler.codec.http.DefaultHttpHeaders;
import io.netty.handler.codec.http.HttpClientCodec;
import io.netty.handler.codec.http.HttpObjectAggregator;
import io.netty.handler.codec.http.websocketx.BinaryWebSocketFrame;
import io.netty.handler.codec.http.websocketx.CloseWebSocketFrame;
import io.netty.handler.codec.http.websocketx.TextWebSocketFrame;
import io.netty.handler.codec.http.websocketx.WebSocketClientHandshakerFactory;
import io.netty.handler.codec.http.websocketx.WebSocketClientProtocolConfig;
import io.netty.handler.codec.http.websocketx.WebSocketClientProtocolHandler;
import io.netty.handler.codec.http.websocketx.WebSocketFrame;
import io.netty.handler.codec.http.websocketx.WebSocketFrameAggregator;
import io.netty.handler.codec.http.websocketx.WebSocketVersion;
import org.photonee.core.peer.CloseCodes;
import org.photonee.core.peer.Connection;
import org.photonee.core.peer.SendParameters;
import org.photonee.core.peer.SendResult;
import org.photonee.core.peer.WebSocketConnector;
import org.photonee.core.protocol.WireFrame;
import org.photonee.core.protocol.WireProtocol;

import java.net.URI;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Outbound WebSocket connections on Netty (ws:// only): what the benchmark's load generator uses instead of the
 * JDK client, whose per-frame cost saturated the generator's core at 600 users. Every connection shares one event
 * loop group (by default one thread); received messages are handed to the listener on the loop, one at a time.
 */
public final class NettyWebSocketConnector implements WebSocketConnector, AutoCloseable {
    private static final AtomicLong IDS = new AtomicLong();
    private static final int MAX_HANDSHAKE_RESPONSE = 8192;

    private final EventLoopGroup group;
    private final Class<? extends SocketChannel> channelType;
    private final int maxMessageBytes;

    public NettyWebSocketConnector(int eventLoops, int maxMessageBytes, ThreadFactory threads) {
        boolean epoll = Epoll.isAvailable();
        IoHandlerFactory io = epoll ? EpollIoHandler.newFactory() : NioIoHandler.newFactory();
        this.group = new MultiThreadIoEventLoopGroup(eventLoops, threads, io);
        this.channelType = epoll ? EpollSocketChannel.class : NioSocketChannel.class;
        this.maxMessageBytes = maxMessageBytes;
    }

    @Override
    public CompletableFuture<Connection> connect(URI uri, WireProtocol protocol, Listener listener) {
        if (!"ws".equals(uri.getScheme())) {
            return CompletableFuture.failedFuture(new IllegalArgumentException("ws:// only: " + uri));
        }
        CompletableFuture<Connection> opened = new CompletableFuture<>();
        WebSocketClientProtocolConfig config = WebSocketClientProtocolConfig.newBuilder()
                .webSocketUri(uri).subprotocol(protocol.subprotocol()).version(WebSocketVersion.V13)
                .maxFramePayloadLength(maxMessageBytes).handleCloseFrames(false).dropPongFrames(true)
                .handshakeTimeoutMillis(10_000).build();
        int port = uri.getPort() > 0 ? uri.getPort() : 80;
        new Bootstrap().group(group).channel(channelType)
                .option(ChannelOption.TCP_NODELAY, true)
                .handler(new ChannelInitializer<SocketChannel>() {
                    @Override
                    protected void initChannel(SocketChannel ch) {
                        ch.pipeline().addLast(new HttpClientCodec(), new HttpObjectAggregator(MAX_HANDSHAKE_RESPONSE),
                                new WebSocketClientProtocolHandler(config),
                                new WebSocketFrameAggregator(maxMessageBytes),
                                new FrameHandler(listener, opened));
                    }
                })
                .connect(uri.getHost(), port)
                .addListener((ChannelFutureListener) f -> {
                    if (!f.isSuccess()) {
                        opened.completeExceptionally(f.cause());
                    }
                });
        return opened;
    }

    /**
     * An event loop of this connector, as a scheduler: with one loop (the load generator's), the loop every
     * connection reads and writes on, so a task scheduled here sends without waking another thread.
     */
    public ScheduledExecutorService eventLoop() {
        return group.next();
    }

    /** Stops the event loops; connections still open are closed with them. */
    @Override
    public void close() {
        group.shutdownGracefully(0, 2, TimeUnit.SECONDS).syncUninterruptibly();
    }

    private static final class FrameHandler extends SimpleChannelInboundHandler<WebSocketFrame> {
        private final Listener listener;
        private final CompletableFuture<Connection> opened;
        private final AtomicBoolean closed = new AtomicBoolean();
        private int closeCode = 1006;
        private String closeReason = "";

        FrameHandler(Listener listener, CompletableFuture<Connection> opened) {
            this.listener = listener;
            this.opened = opened;
        }

        @Override
        public void userEventTriggered(ChannelHandlerContext ctx, Object event) throws Exception {
            if (event == WebSocketClientProtocolHandler.ClientHandshakeStateEvent.HANDSHAKE_COMPLETE) {
                opened.complete(new ClientConnection("nc" + IDS.incrementAndGet(), ctx.channel()));
            } else if (event == WebSocketClientProtocolHandler.ClientHandshakeStateEvent.HANDSHAKE_TIMEOUT) {
                opened.completeExceptionally(new java.util.concurrent.TimeoutException("WebSocket handshake"));
            }
            super.userEventTriggered(ctx, event);
        }

        @Override
        protected void channelRead0(ChannelHandlerContext ctx, WebSocketFrame frame) {
            if (frame instanceof BinaryWebSocketFrame b) {
                byte[] bytes = new byte[b.content().readableBytes()];
                b.content().getBytes(b.content().readerIndex(), bytes);
                listener.onFrame(WireFrame.binary(bytes));
            } else if (frame instanceof TextWebSocketFrame t) {
                listener.onFrame(WireFrame.text(t.text()));
            } else if (frame instanceof CloseWebSocketFrame c) {
                closeCode = c.statusCode() < 0 ? 1005 : c.statusCode();
                closeReason = c.reasonText();
                ctx.writeAndFlush(new CloseWebSocketFrame(closeCode, "")).addListener(ChannelFutureListener.CLOSE);
            }
        }

        @Override
        public void channelInactive(ChannelHandlerContext ctx) {
            if (!opened.isDone()) {
                opened.completeExceptionally(new java.io.IOException("connection closed during the handshake"));
            }
            if (closed.compareAndSet(false, true)) {
                listener.onClosed(closeCode, closeReason);
            }
        }

        @Override
        public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
            if (!opened.isDone()) {
                opened.completeExceptionally(cause);
            }
            ctx.close();
        }
    }

    /** The client side's Connection: writes go straight to the channel, flushed each. */
    private static final class ClientConnection implements Connection {
        private final String id;
        private final Channel channel;

        ClientConnection(String id, Channel channel) {
            this.id = id;
            this.channel = channel;
        }

        @Override
        public String id() {
            return id;
        }

        @Override
        public String remoteAddress() {
            return String.valueOf(channel.remoteAddress());
        }

        @Override
        public boolean isOpen() {
            return channel.isActive();
        }

        @Override
        public SendResult send(WireFrame frame, SendParameters sendParameters) {
            if (!channel.isActive()) {
                return SendResult.DISCONNECTED;
            }
            if (!channel.isWritable()) {
                return SendResult.SEND_BUFFER_FULL;
            }
            WebSocketFrame out = frame.isText() ? new TextWebSocketFrame(frame.text())
                    : new BinaryWebSocketFrame(Unpooled.wrappedBuffer(frame.binary()));
            channel.writeAndFlush(out, channel.voidPromise());
            return SendResult.OK;
        }

        @Override
        public void close(int code, String reason) {
            if (channel.isActive()) {
                channel.writeAndFlush(new CloseWebSocketFrame(code, CloseCodes.trimReason(reason)));
            }
        }

        @Override
        public void abort(int code, String reason) {
            channel.close();
        }
    }
}
