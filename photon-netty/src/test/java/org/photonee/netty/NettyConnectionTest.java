package org.photonee.netty;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelOutboundHandlerAdapter;
import io.netty.channel.WriteBufferWaterMark;
import io.netty.channel.embedded.EmbeddedChannel;
import io.netty.handler.codec.http.websocketx.CloseWebSocketFrame;
import org.junit.jupiter.api.Test;
import org.photonee.core.fiber.EndOfBatch;
import org.photonee.core.peer.SendParameters;
import org.photonee.core.peer.SendResult;
import org.photonee.core.protocol.WireFrame;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The connection's write path on an embedded channel: batching, sharing, bounds, close and abort. */
class NettyConnectionTest {
    private static final SendParameters SP = SendParameters.DEFAULT;

    /** Counts flushes reaching the channel. */
    private static final class FlushCounter extends ChannelOutboundHandlerAdapter {
        int flushes;

        @Override
        public void flush(ChannelHandlerContext ctx) {
            flushes++;
            ctx.flush();
        }
    }

    private static NettyConnection upgraded(EmbeddedChannel channel, long maxQueued) {
        NettyConnection c = new NettyConnection("c1", channel, maxQueued, new LoopFlusher(channel.eventLoop()), true);
        c.upgraded();
        channel.runPendingTasks();
        return c;
    }

    @Test
    void framesSentInOneBatchAreFlushedOnce() {
        FlushCounter counter = new FlushCounter();
        EmbeddedChannel channel = new EmbeddedChannel(counter);
        NettyConnection c = upgraded(channel, 512_000);
        int before = counter.flushes;
        EndOfBatch.run(() -> {
            for (int i = 0; i < 3; i++) {
                assertEquals(SendResult.OK, c.send(WireFrame.binary(new byte[]{(byte) i}), SP));
            }
        });
        channel.runPendingTasks();
        assertEquals(1, counter.flushes - before);
        for (int i = 0; i < 3; i++) {
            ByteBuf out = channel.readOutbound();
            assertEquals(3, out.readableBytes()); // 0x82, length 1, payload
            assertEquals(i, out.getByte(2));
            out.release();
        }
        assertNull(channel.readOutbound());
        assertEquals(0, c.queuedBytes());
    }

    @Test
    void recipientsShareOneEncodedBuffer() {
        EmbeddedChannel a = new EmbeddedChannel();
        EmbeddedChannel b = new EmbeddedChannel();
        NettyConnection ca = upgraded(a, 512_000);
        NettyConnection cb = upgraded(b, 512_000);
        WireFrame frame = WireFrame.binary(new byte[64]);
        EndOfBatch.run(() -> {
            ca.send(frame, SP);
            cb.send(frame, SP);
        });
        a.runPendingTasks();
        b.runPendingTasks();
        ByteBuf outA = a.readOutbound();
        ByteBuf outB = b.readOutbound();
        assertTrue(outA.isDirect() && outA.hasMemoryAddress(), outA.toString());
        assertEquals(outA.memoryAddress(), outB.memoryAddress(), "both writes are views of one buffer");
        outA.release();
        outB.release();
    }

    @Test
    void outboxOverTheBoundIsRefused() {
        EmbeddedChannel channel = new EmbeddedChannel();
        NettyConnection c = upgraded(channel, 1000);
        // The loop has not run: both frames wait in the outbox.
        assertEquals(SendResult.OK, c.send(WireFrame.binary(new byte[600]), SP));
        assertEquals(SendResult.SEND_BUFFER_FULL, c.send(WireFrame.binary(new byte[600]), SP));
        assertEquals(600, c.queuedBytes());
    }

    @Test
    void unwritableChannelIsASlowConsumer() {
        EmbeddedChannel channel = new EmbeddedChannel();
        channel.config().setWriteBufferWaterMark(new WriteBufferWaterMark(10, 20));
        NettyConnection c = upgraded(channel, 512_000);
        channel.write(Unpooled.buffer(100).writeZero(100)); // written, not flushed: over the high-water mark
        assertFalse(channel.isWritable());
        assertEquals(SendResult.SEND_BUFFER_FULL, c.send(WireFrame.binary(new byte[1]), SP));
    }

    @Test
    void closeWritesQueuedFramesFirst() {
        EmbeddedChannel channel = new EmbeddedChannel();
        NettyConnection c = upgraded(channel, 512_000);
        EndOfBatch.run(() -> {
            c.send(WireFrame.binary(new byte[]{1}), SP);
            c.close(1000, "bye");
            assertEquals(SendResult.DISCONNECTED, c.send(WireFrame.binary(new byte[]{2}), SP));
        });
        channel.runPendingTasks();
        ByteBuf first = channel.readOutbound();
        assertEquals(1, first.getByte(2));
        first.release();
        CloseWebSocketFrame close = assertInstanceOf(CloseWebSocketFrame.class, channel.readOutbound());
        assertEquals(1000, close.statusCode());
        assertEquals("bye", close.reasonText());
        close.release();
        assertFalse(channel.isOpen());
    }

    @Test
    void abortDropsQueuedFrames() {
        EmbeddedChannel channel = new EmbeddedChannel();
        NettyConnection c = upgraded(channel, 512_000);
        EndOfBatch.run(() -> {
            c.send(WireFrame.binary(new byte[]{1}), SP);
            c.abort(1008, "Send buffer full: client too slow");
        });
        channel.runPendingTasks();
        CloseWebSocketFrame close = assertInstanceOf(CloseWebSocketFrame.class, channel.readOutbound());
        assertEquals(1008, close.statusCode());
        close.release();
        assertNull(channel.readOutbound());
    }

    @Test
    void abortOfASlowConsumerClosesWithoutWaitingForItToRead() {
        EmbeddedChannel channel = new EmbeddedChannel();
        channel.config().setWriteBufferWaterMark(new WriteBufferWaterMark(10, 20));
        NettyConnection c = upgraded(channel, 512_000);
        channel.write(Unpooled.buffer(100).writeZero(100)); // a reader that takes nothing: never flushed out
        c.abort(1008, "Send buffer full: client too slow");
        channel.runPendingTasks();
        assertFalse(channel.isOpen());
    }

    @Test
    void aCloseFrameThatIsNeverWrittenStillClosesTheChannel() {
        EmbeddedChannel channel = new EmbeddedChannel(new ChannelOutboundHandlerAdapter() {
            @Override
            public void write(ChannelHandlerContext ctx, Object msg, io.netty.channel.ChannelPromise promise) {
                // swallow: the write never completes, as with a peer that stopped reading
            }
        });
        NettyConnection c = upgraded(channel, 512_000);
        c.close(1000, "bye");
        channel.runPendingTasks();
        assertTrue(channel.isOpen());
        channel.advanceTimeBy(NettyConnection.CLOSE_WRITE_TIMEOUT_MS, java.util.concurrent.TimeUnit.MILLISECONDS);
        channel.runScheduledPendingTasks();
        assertFalse(channel.isOpen());
    }

    @Test
    void framesWaitForTheUpgrade() {
        EmbeddedChannel channel = new EmbeddedChannel();
        NettyConnection c = new NettyConnection("c2", channel, 512_000, new LoopFlusher(channel.eventLoop()), true);
        c.send(WireFrame.text("~m~5~m~hello"), SP);
        channel.runPendingTasks();
        assertNull(channel.readOutbound());
        c.upgraded();
        channel.runPendingTasks();
        ByteBuf greeting = channel.readOutbound();
        assertEquals((byte) 0x81, greeting.getByte(0));
        greeting.release();
    }
}
