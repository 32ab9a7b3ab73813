package org.photonee.netty;

import io.netty.channel.ChannelInitializer;
import io.netty.channel.ChannelPipeline;
import io.netty.channel.socket.SocketChannel;
import io.netty.handler.codec.http.HttpObjectAggregator;
import io.netty.handler.codec.http.HttpServerCodec;
import io.netty.handler.codec.http.websocketx.WebSocketFrameAggregator;
import io.netty.handler.ssl.SslContext;
import io.netty.handler.timeout.ReadTimeoutHandler;

import java.util.concurrent.TimeUnit;

/**
 * The protocol stack of one connection, top to bottom. Before the upgrade:
 * <ol>
 *   <li>{@code handshake-timeout}: a connection that sends no complete request within {@value #HANDSHAKE_TIMEOUT_S} s
 *       is closed;</li>
 *   <li>{@code tls} (wss:// only);</li>
 *   <li>{@code http}: request line ≤ {@value #MAX_INITIAL_LINE} bytes, headers ≤ {@value #MAX_HEADER_BYTES};</li>
 *   <li>{@code http-aggregator}: the whole request, body ≤ {@value #MAX_REQUEST_BODY} bytes (a handshake has none);</li>
 *   <li>{@code handshake}: routing, subprotocol negotiation, refusals, health ({@link HandshakeHandler}).</li>
 * </ol>
 * The handshake replaces the HTTP codec with Netty's WebSocket frame decoder and encoder (frames ≤ twice the
 * message size limit, no extensions, protocol violations closed with their code); then {@link #afterHandshake}:
 * <ol>
 *   <li>{@code ws-aggregator}: fragmented messages joined, ≤ twice the message size limit (over it: 1009);</li>
 *   <li>{@code peer}: whole messages to the peer ({@link PeerFrameHandler}).</li>
 * </ol>
 * Outbound frames bypass the frame encoder: {@link NettyConnection} writes them already framed ({@link SharedFrames}).
 */
final class PhotonChannelInitializer extends ChannelInitializer<SocketChannel> {
    static final int HANDSHAKE_TIMEOUT_S = 10;
    static final int MAX_INITIAL_LINE = 4096;
    static final int MAX_HEADER_BYTES = 8192;
    static final int MAX_REQUEST_BODY = 8192;

    private final SslContext tls;
    private final HandshakeHandlerFactory handshakes;

    /** Makes the per-connection handshake handler (it holds no per-connection state until the request arrives). */
    @FunctionalInterface
    interface HandshakeHandlerFactory {
        HandshakeHandler create();
    }

    PhotonChannelInitializer(SslContext tls, HandshakeHandlerFactory handshakes) {
        this.tls = tls;
        this.handshakes = handshakes;
    }

    @Override
    protected void initChannel(SocketChannel channel) {
        ChannelPipeline p = channel.pipeline();
        p.addLast("handshake-timeout", new ReadTimeoutHandler(HANDSHAKE_TIMEOUT_S, TimeUnit.SECONDS));
        if (tls != null) {
            p.addLast("tls", tls.newHandler(channel.alloc()));
        }
        p.addLast("http", new HttpServerCodec(MAX_INITIAL_LINE, MAX_HEADER_BYTES, MAX_REQUEST_BODY));
        p.addLast("http-aggregator", new HttpObjectAggregator(MAX_REQUEST_BODY));
        p.addLast("handshake", handshakes.create());
    }

    /** Once upgraded: the message aggregator and the peer's handler in place of the handshake. */
    static void afterHandshake(ChannelPipeline p, int maxMessageBytes, PeerFrameHandler peer) {
        p.remove("handshake-timeout");
        p.replace("handshake", "ws-aggregator", new WebSocketFrameAggregator(maxMessageBytes));
        p.addLast("peer", peer);
    }
}
