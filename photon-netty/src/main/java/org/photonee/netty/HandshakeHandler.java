package org.photonee.netty;

import io.netty.buffer.Unpooled;
import io.netty.channel.ChannelFutureListener;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.SimpleChannelInboundHandler;
import io.netty.handler.codec.http.DefaultFullHttpResponse;
import io.netty.handler.codec.http.FullHttpRequest;
import io.netty.handler.codec.http.FullHttpResponse;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpHeaderValues;
import io.netty.handler.codec.http.HttpMethod;
import io.netty.handler.codec.http.HttpResponseStatus;
import io.netty.handler.codec.http.HttpVersion;
import io.netty.handler.codec.http.QueryStringDecoder;
import io.netty.handler.codec.http.websocketx.WebSocketDecoderConfig;
import io.netty.handler.codec.http.websocketx.WebSocketServerHandshaker;
import io.netty.handler.codec.http.websocketx.WebSocketServerHandshakerFactory;
import org.photonee.core.codec.WireProtocols;
import org.photonee.core.codec.json.JsonProtocol;
import org.photonee.core.config.NettySettings;
import org.photonee.core.peer.ApplicationBase;
import org.photonee.core.peer.CloseCodes;
import org.photonee.core.peer.InitRequest;
import org.photonee.core.peer.PeerBase;
import org.photonee.core.peer.PeerSettings;
import org.photonee.core.peer.SendParameters;
import org.photonee.core.protocol.WireProtocol;

import java.nio.charset.StandardCharsets;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Function;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * The HTTP side of a connection: routes the request to a role ({@link RoleRequest}), negotiates the subprotocol,
 * refuses a request we cannot serve with an HTTP status before any upgrade (404 unknown path, 400 no WebSocket
 * upgrade or no subprotocol we speak), answers {@code GET /photon/api/health}, and after the upgrade offers the
 * connection to the role's application exactly as the container endpoint does (1008 when the role does not run
 * here or the application refuses, 1011 when it fails).
 */
final class HandshakeHandler extends SimpleChannelInboundHandler<FullHttpRequest> {
    private static final Logger LOG = Logger.getLogger(HandshakeHandler.class.getName());
    private static final AtomicLong CONNECTION_IDS = new AtomicLong();
    static final String HEALTH_PATH = NettySettings.CONTEXT_PATH + "/api/health";
    /** Headroom over our own limit, so the peer (not the frame decoder) rejects oversized messages, with a reason. */
    static final int DECODER_LIMIT_FACTOR = 2;

    private final Function<String, ApplicationBase> applications;
    private final WireProtocols protocols;
    private final HealthCheck health;
    private final boolean tls;
    private final Function<io.netty.channel.EventLoop, LoopFlusher> flushers;
    private final boolean fibersOnEventLoops;
    private final BenchRelay relay;

    /** @param relay the benchmark's bare relay, or null (the normal case: no such path) */
    HandshakeHandler(Function<String, ApplicationBase> applications, WireProtocols protocols, HealthCheck health,
                     boolean tls, Function<io.netty.channel.EventLoop, LoopFlusher> flushers,
                     boolean fibersOnEventLoops, BenchRelay relay) {
        this.applications = applications;
        this.protocols = protocols;
        this.health = health;
        this.tls = tls;
        this.flushers = flushers;
        this.fibersOnEventLoops = fibersOnEventLoops;
        this.relay = relay;
    }

    @Override
    protected void channelRead0(ChannelHandlerContext ctx, FullHttpRequest request) {
        if (!request.decoderResult().isSuccess()) {
            respond(ctx, HttpResponseStatus.BAD_REQUEST, "Malformed HTTP request");
            return;
        }
        String path = new QueryStringDecoder(request.uri()).path();
        if (path.equals(HEALTH_PATH) && request.method().equals(HttpMethod.GET)) {
            HealthCheck.Status status = health.status();
            respond(ctx, status.ready() ? HttpResponseStatus.OK : HttpResponseStatus.SERVICE_UNAVAILABLE,
                    status.json(), "application/json");
            return;
        }
        String relayGroup = relay == null ? null : BenchRelay.group(path);
        RoleRequest role = relayGroup != null ? null : RoleRequest.parse(request.uri(), NettySettings.CONTEXT_PATH);
        if (role == null && relayGroup == null) {
            respond(ctx, HttpResponseStatus.NOT_FOUND, "No Photon endpoint at " + path);
            return;
        }
        if (!request.headers().containsValue(HttpHeaderNames.UPGRADE, HttpHeaderValues.WEBSOCKET, true)) {
            respond(ctx, HttpResponseStatus.BAD_REQUEST, "WebSocket upgrade expected");
            return;
        }
        Optional<WireProtocol> protocol = protocols.select(
                WireProtocols.parseOffers(request.headers().getAll(HttpHeaderNames.SEC_WEBSOCKET_PROTOCOL)));
        if (protocol.isEmpty()) {
            respond(ctx, HttpResponseStatus.BAD_REQUEST, protocols.refusal());
            return;
        }
        if (relayGroup != null) {
            upgradeToRelay(ctx, request, protocol.get(), relayGroup);
            return;
        }
        ApplicationBase application = applications.apply(role.role());
        PeerSettings settings = application == null ? PeerSettings.DEFAULTS : application.environment().settings();
        int decoderLimit = settings.limits().maxMessageSize() * DECODER_LIMIT_FACTOR;
        WebSocketServerHandshaker handshaker = new WebSocketServerHandshakerFactory(webSocketUrl(request),
                protocol.get().subprotocol(), WebSocketDecoderConfig.newBuilder()
                .maxFramePayloadLength(decoderLimit).allowExtensions(false).closeOnProtocolViolation(true).build())
                .newHandshaker(request);
        if (handshaker == null) {
            WebSocketServerHandshakerFactory.sendUnsupportedVersionResponse(ctx.channel());
            return;
        }
        NettyConnection connection = new NettyConnection(newConnectionId(), ctx.channel(), settings.maxQueuedBytes(),
                flushers.apply(ctx.channel().eventLoop()), fibersOnEventLoops);
        handshaker.handshake(ctx.channel(), request).addListener((ChannelFutureListener) done -> {
            if (done.isSuccess()) {
                connection.upgraded();
            } else {
                ctx.close();
            }
        });
        open(ctx, role, protocol.get(), application, connection, decoderLimit);
    }

    private void upgradeToRelay(ChannelHandlerContext ctx, FullHttpRequest request, WireProtocol protocol,
                                String group) {
        int limit = PeerSettings.DEFAULTS.limits().maxMessageSize() * DECODER_LIMIT_FACTOR;
        WebSocketServerHandshaker handshaker = new WebSocketServerHandshakerFactory(webSocketUrl(request),
                protocol.subprotocol(), WebSocketDecoderConfig.newBuilder().maxFramePayloadLength(limit)
                .allowExtensions(false).closeOnProtocolViolation(true).build()).newHandshaker(request);
        if (handshaker == null) {
            WebSocketServerHandshakerFactory.sendUnsupportedVersionResponse(ctx.channel());
            return;
        }
        handshaker.handshake(ctx.channel(), request);
        ctx.pipeline().remove("handshake-timeout");
        ctx.pipeline().replace(this, "relay", relay.join(group, ctx.channel()));
    }

    /** After the upgrade: the peer, then the frame handlers in place of this one. */
    private void open(ChannelHandlerContext ctx, RoleRequest role, WireProtocol protocol, ApplicationBase application,
                      NettyConnection connection, int decoderLimit) {
        if (application == null || !application.isRunning()) {
            connection.close(CloseCodes.POLICY_VIOLATION, "Role '" + role.role() + "' does not run on this server");
            return;
        }
        if (protocol instanceof JsonProtocol) {
            // The JavaScript SDK waits for the session frame before it sends anything.
            connection.send(JsonProtocol.sessionGreeting(connection.id()), SendParameters.DEFAULT);
        }
        PeerBase peer;
        try {
            peer = application.connect(new InitRequest(connection, protocol, role.role(), role.applicationId(),
                    role.clientVersion(), role.query()));
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "createPeer failed on " + role.role(), e);
            connection.abort(CloseCodes.INTERNAL_ERROR, "Internal server error");
            return;
        }
        if (peer == null) {
            connection.close(CloseCodes.POLICY_VIOLATION, "Connection refused by the " + role.role() + " application");
            return;
        }
        PhotonChannelInitializer.afterHandshake(ctx.pipeline(), decoderLimit, new PeerFrameHandler(peer, connection));
    }

    /** Timeouts, TLS failures, resets before or during the handshake: nothing to tell the client. */
    @Override
    public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
        LOG.log(Level.FINE, "handshake failed", cause);
        ctx.close();
    }

    private String webSocketUrl(FullHttpRequest request) {
        String host = request.headers().get(HttpHeaderNames.HOST, "localhost");
        return (tls ? "wss://" : "ws://") + host + request.uri();
    }

    private static String newConnectionId() {
        return "n" + CONNECTION_IDS.incrementAndGet() + Long.toString(System.nanoTime() & 0xffff, 36);
    }

    private static void respond(ChannelHandlerContext ctx, HttpResponseStatus status, String text) {
        respond(ctx, status, text + "\n", "text/plain; charset=UTF-8");
    }

    private static void respond(ChannelHandlerContext ctx, HttpResponseStatus status, String body, String type) {
        FullHttpResponse response = new DefaultFullHttpResponse(HttpVersion.HTTP_1_1, status,
                Unpooled.copiedBuffer(body, StandardCharsets.UTF_8));
        response.headers().set(HttpHeaderNames.CONTENT_TYPE, type)
                .setInt(HttpHeaderNames.CONTENT_LENGTH, response.content().readableBytes())
                .set(HttpHeaderNames.CONNECTION, HttpHeaderValues.CLOSE);
        ctx.writeAndFlush(response).addListener(ChannelFutureListener.CLOSE);
    }
}
