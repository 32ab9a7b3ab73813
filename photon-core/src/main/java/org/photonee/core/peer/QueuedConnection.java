package org.photonee.core.peer;

import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.photonee.core.protocol.WireFrame;

/**
 * A connection whose sends go through an ordered queue with one write in flight at a time: WebSocket APIs
 * (Jakarta's async remote, {@code java.net.http.WebSocket}) refuse a new send before the previous completed. Queued
 * bytes are bounded ({@code MaxQueuedDataPerPeer}); past the bound a send returns SEND_BUFFER_FULL instead of
 * letting a slow reader grow the heap. Subclasses only write one frame and report completion.
 */
public abstract class QueuedConnection implements Connection {
    /** Marks the queue position of an orderly close. */
    private static final WireFrame CLOSE_MARKER = WireFrame.binary(new byte[0]);

    private final String id;
    private final long maxQueuedBytes;
    private final Queue<WireFrame> queue = new ConcurrentLinkedQueue<>();
    private final AtomicLong queuedBytes = new AtomicLong();
    /** Work-in-progress counter of the drain loop: only one thread drains, others leave a "missed" mark. */
    private final AtomicInteger wip = new AtomicInteger();
    private final AtomicBoolean closeRequested = new AtomicBoolean();
    private volatile boolean writing;
    private volatile int closeCode;
    private volatile String closeReason;

    protected QueuedConnection(String id, long maxQueuedBytes) {
        this.id = id;
        this.maxQueuedBytes = maxQueuedBytes;
    }

    @Override
    public final String id() {
        return id;
    }

    @Override
    public final SendResult send(WireFrame frame, SendParameters sendParameters) {
        if (closeRequested.get() || !isOpen()) {
            return SendResult.DISCONNECTED;
        }
        long size = frame.length();
        long total = queuedBytes.addAndGet(size);
        // One frame is always accepted into an empty queue: its size is bounded by the message size limit instead.
        if (total > maxQueuedBytes && total != size) {
            queuedBytes.addAndGet(-size);
            return SendResult.SEND_BUFFER_FULL;
        }
        queue.add(frame);
        drain();
        return SendResult.OK;
    }

    @Override
    public final void close(int code, String reason) {
        if (closeRequested.compareAndSet(false, true)) {
            closeCode = code;
            closeReason = CloseCodes.trimReason(reason);
            queue.add(CLOSE_MARKER);
            drain();
        }
    }

    @Override
    public final void abort(int code, String reason) {
        if (closeRequested.compareAndSet(false, true)) {
            queue.clear();
            closeNow(code, CloseCodes.trimReason(reason));
        }
    }

    /** Bytes accepted but not yet written. */
    public final long queuedBytes() {
        return queuedBytes.get();
    }

    private void drain() {
        if (wip.getAndIncrement() != 0) {
            return;
        }
        int missed = 1;
        do {
            while (!writing) {
                WireFrame next = queue.poll();
                if (next == null) {
                    break;
                }
                if (next == CLOSE_MARKER) {
                    queue.clear();
                    closeNow(closeCode, closeReason);
                    break;
                }
                writing = true;
                try {
                    write(next);
                } catch (RuntimeException e) {
                    writeFailed(next, e);
                }
            }
            missed = wip.addAndGet(-missed);
        } while (missed != 0);
    }

    /** Subclasses call this when a write started by {@link #write} finished, successfully or not. */
    protected final void writeCompleted(WireFrame frame, Throwable error) {
        queuedBytes.addAndGet(-frame.length());
        writing = false;
        if (error != null) {
            writeFailed(frame, error);
            return;
        }
        drain();
    }

    private void writeFailed(WireFrame frame, Throwable error) {
        writing = false;
        queue.clear();
        queuedBytes.set(0);
        closeRequested.set(true);
        onWriteFailed(error);
    }

    /** Starts writing one frame; must eventually call {@link #writeCompleted}, possibly from inside this call. */
    protected abstract void write(WireFrame frame);

    /** Closes the underlying transport now. */
    protected abstract void closeNow(int code, String reason);

    /** A write failed: the transport is broken. Subclasses abort it and report the disconnect. */
    protected abstract void onWriteFailed(Throwable error);
}
