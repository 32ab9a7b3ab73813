package org.photonee.netty;

import io.netty.buffer.ByteBuf;
import io.netty.channel.ChannelFutureListener;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.SimpleChannelInboundHandler;
import io.netty.handler.codec.TooLongFrameException;
import io.netty.handler.codec.http.websocketx.BinaryWebSocketFrame;
import io.netty.handler.codec.http.websocketx.CloseWebSocketFrame;
import io.netty.handler.codec.http.websocketx.CorruptedWebSocketFrameException;
import io.netty.handler.codec.http.websocketx.PingWebSocketFrame;
import io.netty.handler.codec.http.websocketx.PongWebSocketFrame;
import io.netty.handler.codec.http.websocketx.TextWebSocketFrame;
import io.netty.handler.codec.http.websocketx.WebSocketFrame;
import org.photonee.core.codes.DisconnectReason;
import org.photonee.core.fiber.EndOfBatch;
import org.photonee.core.peer.CloseCodes;
import org.photonee.core.peer.PeerBase;
import org.photonee.core.protocol.WireFrame;

import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Dispatch: whole WebSocket messages to the peer, control frames answered here. Never touches message bytes
 * beyond handing them over; limits, text/binary mismatch and malformed input are the peer's to judge (with the
 * same close codes as on the container endpoints). One received message is one batch of work: what the peer
 * sends in answer is flushed once.
 */
final class PeerFrameHandler extends SimpleChannelInboundHandler<WebSocketFrame> {
    private static final Logger LOG = Logger.getLogger(PeerFrameHandler.class.getName());

    private final PeerBase peer;
    private final NettyConnection connection;

    PeerFrameHandler(PeerBase peer, NettyConnection connection) {
        this.peer = peer;
        this.connection = connection;
    }

    @Override
    protected void channelRead0(ChannelHandlerContext ctx, WebSocketFrame frame) {
        if (frame instanceof TextWebSocketFrame text) {
            WireFrame message = WireFrame.text(text.text());
            EndOfBatch.run(() -> peer.receive(message));
        } else if (frame instanceof BinaryWebSocketFrame binary) {
            WireFrame message = binaryMessage(binary.content());
            EndOfBatch.run(() -> peer.receive(message));
        } else if (frame instanceof PingWebSocketFrame) {
            ctx.writeAndFlush(new PongWebSocketFrame(frame.content().retain()));
        } else if (frame instanceof CloseWebSocketFrame close) {
            connection.closed();
            peer.transportClosed(DisconnectReason.CLIENT_DISCONNECT, close.statusCode() + " " + close.reasonText());
            ctx.writeAndFlush(new CloseWebSocketFrame(close.statusCode() < 0 ? CloseCodes.NORMAL : close.statusCode(),
                    "")).addListener(ChannelFutureListener.CLOSE);
        }
        // Pong frames: nothing to do; the peer's own inactivity check decides when a client is gone.
    }

    /** Heap content is decoded in place (the decoders copy values out); direct content is copied once. */
    private static WireFrame binaryMessage(ByteBuf content) {
        if (content.hasArray()) {
            return WireFrame.view(java.nio.ByteBuffer.wrap(content.array(), content.arrayOffset()
                    + content.readerIndex(), content.readableBytes()));
        }
        byte[] bytes = new byte[content.readableBytes()];
        content.getBytes(content.readerIndex(), bytes);
        return WireFrame.binary(bytes);
    }

    @Override
    public void channelInactive(ChannelHandlerContext ctx) {
        connection.closed();
        peer.transportClosed(DisconnectReason.CLIENT_DISCONNECT, "connection closed");
        ctx.fireChannelInactive();
    }

    @Override
    public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
        if (cause instanceof TooLongFrameException) {
            // A fragmented message over the aggregator's bound (twice the message size limit).
            connection.abort(CloseCodes.MESSAGE_TOO_BIG, "Message exceeds the size limit");
        } else if (cause instanceof CorruptedWebSocketFrameException) {
            // The frame decoder has already sent its close code (1002 protocol, 1007 bad UTF-8, 1009 size).
            connection.closed();
        } else {
            LOG.log(Level.FINE, "WebSocket error on " + connection, cause);
            peer.transportClosed(DisconnectReason.SERVER_DISCONNECT, String.valueOf(cause));
            connection.abort(CloseCodes.INTERNAL_ERROR, "Transport error");
        }
    }
}
