package org.photonee.netty;

import io.netty.channel.Channel;
import io.netty.channel.ChannelFutureListener;
import io.netty.handler.codec.http.websocketx.CloseWebSocketFrame;
import io.netty.util.internal.PlatformDependent;
import org.photonee.core.fiber.EndOfBatch;
import org.photonee.core.peer.CloseCodes;
import org.photonee.core.peer.Connection;
import org.photonee.core.peer.SendParameters;
import org.photonee.core.peer.SendResult;
import org.photonee.core.peer.Transport;
import org.photonee.core.protocol.WireFrame;

import java.util.Queue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A Netty channel as a peer's {@link Connection}. Sends from any thread go into an outbox; the channel's event loop
 * writes them as views of each frame's shared encoding ({@link SharedFrames}) and flushes once per drain. A drain
 * is requested once per batch of work ({@link EndOfBatch}: a room fiber's drain, one received frame), through the
 * loop's {@link LoopFlusher}, so a broadcast to many connections of one loop costs one thread hop, not one per
 * recipient. A slow reader is found by the channel's writability (its high-water mark is
 * {@code photon.maxQueuedBytes}) and by the outbox's own bound: the send returns SEND_BUFFER_FULL and the peer
 * disconnects it, as on the container endpoints.
 */
final class NettyConnection implements Connection {
    /** How long a close frame may take to be written before the channel is closed anyway. */
    static final long CLOSE_WRITE_TIMEOUT_MS = 2000;
    /** Outbox slots allocated at a time: an idle connection holds one chunk. */
    private static final int OUTBOX_CHUNK = 64;

    private record CloseRequest(int code, String reason) {
    }

    private final String id;
    private final Channel channel;
    private final String remoteAddress;
    private final long maxQueuedBytes;
    private final LoopFlusher flusher;
    /** The channel's event loop when the peer's and its rooms' fibers run there, else null (the pool). */
    private final java.util.concurrent.Executor ioExecutor;
    /**
     * Many producers (room fibers), one consumer (the event loop). Netty's default MPSC queue preallocates a
     * 1,024-slot chunk (4 KiB per idle connection, half of an idle in-room peer's heap); this one grows in chunks of
     * {@link #OUTBOX_CHUNK} slots. Its element bound is never the limit: {@code maxQueuedBytes} is.
     * ({@code ConcurrentLinkedQueue} was tried: as small, but its node per frame cost 1 µs per delivery.)
     */
    private final Queue<Object> outbox = PlatformDependent.newMpscQueue(OUTBOX_CHUNK, 1 << 30);
    private final AtomicLong outboxBytes = new AtomicLong();
    private final AtomicBoolean drainRequested = new AtomicBoolean();
    private final Runnable requestDrain;
    private volatile boolean closing;
    /** Frames still in the outbox are dropped (abort), not written. */
    private volatile boolean dropping;
    /** False until the handshake response is written: frames wait in the outbox until the upgrade is done. */
    private volatile boolean upgraded;

    /** wss: the TLS handler sits in front of the WebSocket codec in this channel's pipeline. */
    @Override
    public boolean isSecure() {
        return channel.pipeline().get(io.netty.handler.ssl.SslHandler.class) != null;
    }

    NettyConnection(String id, Channel channel, long maxQueuedBytes, LoopFlusher flusher, boolean fibersOnEventLoop) {
        this.id = id;
        this.ioExecutor = fibersOnEventLoop ? channel.eventLoop() : null;
        this.channel = channel;
        this.remoteAddress = String.valueOf(channel.remoteAddress()).replaceFirst("^/", "");
        this.maxQueuedBytes = maxQueuedBytes;
        this.flusher = flusher;
        this.requestDrain = () -> flusher.add(this);
    }

    @Override
    public java.util.concurrent.Executor ioExecutor() {
        return ioExecutor;
    }

    @Override
    public String id() {
        return id;
    }

    @Override
    public String remoteAddress() {
        return remoteAddress;
    }

    @Override
    public boolean isOpen() {
        return !closing && channel.isActive();
    }

    @Override
    public Transport transport() {
        return Transport.NETTY;
    }

    @Override
    public SendResult send(WireFrame frame, SendParameters sendParameters) {
        if (!isOpen()) {
            return SendResult.DISCONNECTED;
        }
        if (!channel.isWritable()) {
            return SendResult.SEND_BUFFER_FULL;
        }
        long size = frame.length();
        long total = outboxBytes.addAndGet(size);
        // One frame is always accepted into an empty outbox: its size is bounded by the message size limit.
        if (total > maxQueuedBytes && total != size) {
            outboxBytes.addAndGet(-size);
            return SendResult.SEND_BUFFER_FULL;
        }
        outbox.add(frame);
        scheduleDrain();
        return SendResult.OK;
    }

    @Override
    public void close(int code, String reason) {
        if (!closing) {
            closing = true;
            outbox.add(new CloseRequest(code, CloseCodes.trimReason(reason)));
            scheduleDrain();
        }
    }

    @Override
    public void abort(int code, String reason) {
        if (!closing) {
            closing = true;
            dropping = true;
            outbox.add(new CloseRequest(code, CloseCodes.trimReason(reason)));
            scheduleDrain();
        }
    }

    /** The handshake response is written: what waits in the outbox goes out now. */
    void upgraded() {
        upgraded = true;
        scheduleDrain();
    }

    /** The client closed or the channel went away: later sends report DISCONNECTED. */
    void closed() {
        closing = true;
    }

    /** Bytes accepted but not yet handed to the channel. */
    long queuedBytes() {
        return outboxBytes.get();
    }

    private void scheduleDrain() {
        if (drainRequested.compareAndSet(false, true) && !EndOfBatch.defer(requestDrain)) {
            requestDrain.run();
        }
    }

    /** On the event loop: writes what the outbox holds, then flushes once. */
    void drain() {
        drainRequested.set(false);
        if (!upgraded) {
            return;
        }
        boolean wrote = false;
        Object next;
        while ((next = outbox.poll()) != null) {
            if (next instanceof CloseRequest close) {
                outbox.clear();
                closeChannel(close);
                return;
            }
            WireFrame frame = (WireFrame) next;
            outboxBytes.addAndGet(-frame.length());
            if (!dropping && channel.isActive()) {
                channel.write(SharedFrames.forWrite(frame), channel.voidPromise());
                wrote = true;
            }
        }
        if (wrote) {
            channel.flush();
        }
    }

    /**
     * Sends the close frame and closes once it is written. A reader too slow to take the close frame (an abort of a
     * slow consumer finds the channel unwritable) is not waited for: the channel closes now, or at the latest
     * {@value #CLOSE_WRITE_TIMEOUT_MS} ms later, so a client that stops reading cannot hold the connection open.
     */
    private void closeChannel(CloseRequest close) {
        if (dropping && !channel.isWritable()) {
            channel.close();
            return;
        }
        channel.writeAndFlush(new CloseWebSocketFrame(close.code(), close.reason()))
                .addListener(ChannelFutureListener.CLOSE);
        channel.eventLoop().schedule(() -> channel.close(), CLOSE_WRITE_TIMEOUT_MS, TimeUnit.MILLISECONDS);
    }

    @Override
    public String toString() {
        return "NettyConnection[" + id + " " + remoteAddress + "]";
    }
}
