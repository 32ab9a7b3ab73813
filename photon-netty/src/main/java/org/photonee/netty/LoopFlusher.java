package org.photonee.netty;

import io.netty.channel.EventLoop;
import io.netty.util.internal.PlatformDependent;

import java.util.Queue;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * One per event loop: collects the connections that have frames to write and drains them all in one task on the
 * loop, so the end of a room's batch hands its loop one task however many members it sent to.
 */
final class LoopFlusher implements Runnable {
    private final EventLoop loop;
    private final Queue<NettyConnection> pending = PlatformDependent.newMpscQueue();
    private final AtomicBoolean scheduled = new AtomicBoolean();

    LoopFlusher(EventLoop loop) {
        this.loop = loop;
    }

    void add(NettyConnection connection) {
        pending.add(connection);
        if (scheduled.compareAndSet(false, true)) {
            try {
                loop.execute(this);
            } catch (RejectedExecutionException e) {
                pending.clear(); // the listener is stopping: its channels are closing with it
            }
        }
    }

    @Override
    public void run() {
        scheduled.set(false);
        NettyConnection next;
        while ((next = pending.poll()) != null) {
            next.drain();
        }
    }
}
