package org.photonee.core.peer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.photonee.core.protocol.WireFrame;

class QueuedConnectionTest {
    /** Completes writes only when the test says so, like a socket that is slow to drain. */
    static final class ManualConnection extends QueuedConnection {
        final List<Integer> written = new ArrayList<>();
        final Deque<WireFrame> inFlight = new ArrayDeque<>();
        Integer closedWith;

        ManualConnection(long max) {
            super("m", max);
        }

        @Override
        public String remoteAddress() {
            return "memory";
        }

        @Override
        public boolean isOpen() {
            return closedWith == null;
        }

        @Override
        protected void write(WireFrame frame) {
            written.add(frame.length());
            inFlight.add(frame);
        }

        void completeOne() {
            writeCompleted(inFlight.poll(), null);
        }

        @Override
        protected void closeNow(int code, String reason) {
            closedWith = code;
        }

        @Override
        protected void onWriteFailed(Throwable error) {
            closedWith = 1006;
        }
    }

    @Test
    void oneWriteInFlightAndOrderKept() {
        ManualConnection c = new ManualConnection(1000);
        c.send(WireFrame.binary(new byte[1]), SendParameters.DEFAULT);
        c.send(WireFrame.binary(new byte[2]), SendParameters.DEFAULT);
        c.send(WireFrame.binary(new byte[3]), SendParameters.DEFAULT);
        assertEquals(List.of(1), c.written);
        c.completeOne();
        c.completeOne();
        assertEquals(List.of(1, 2, 3), c.written);
        c.completeOne();
        assertEquals(0, c.queuedBytes());
    }

    @Test
    void queueIsBoundedInBytes() {
        ManualConnection c = new ManualConnection(10);
        assertEquals(SendResult.OK, c.send(WireFrame.binary(new byte[6]), SendParameters.DEFAULT));
        assertEquals(SendResult.OK, c.send(WireFrame.binary(new byte[4]), SendParameters.DEFAULT));
        assertEquals(SendResult.SEND_BUFFER_FULL, c.send(WireFrame.binary(new byte[1]), SendParameters.DEFAULT));
        c.completeOne();
        assertEquals(SendResult.OK, c.send(WireFrame.binary(new byte[5]), SendParameters.DEFAULT));
    }

    @Test
    void orderlyCloseWaitsForQueuedFramesAbortDoesNot() {
        ManualConnection c = new ManualConnection(100);
        c.send(WireFrame.binary(new byte[1]), SendParameters.DEFAULT);
        c.send(WireFrame.binary(new byte[2]), SendParameters.DEFAULT);
        c.close(1000, "bye");
        assertNull(c.closedWith);
        assertEquals(SendResult.DISCONNECTED, c.send(WireFrame.binary(new byte[1]), SendParameters.DEFAULT));
        c.completeOne();
        assertNull(c.closedWith);
        c.completeOne();
        assertEquals(1000, c.closedWith);

        ManualConnection d = new ManualConnection(100);
        d.send(WireFrame.binary(new byte[1]), SendParameters.DEFAULT);
        d.abort(1008, "slow");
        assertEquals(1008, d.closedWith);
    }

    @Test
    void concurrentSendersWithAsyncCompletionLoseNothing() throws Exception {
        ExecutorService completer = Executors.newSingleThreadExecutor();
        List<Integer> written = java.util.Collections.synchronizedList(new ArrayList<>());
        QueuedConnection c = new QueuedConnection("async", Long.MAX_VALUE) {
            @Override
            public String remoteAddress() {
                return "memory";
            }

            @Override
            public boolean isOpen() {
                return true;
            }

            @Override
            protected void write(WireFrame frame) {
                written.add(frame.length());
                completer.execute(() -> writeCompleted(frame, null));
            }

            @Override
            protected void closeNow(int code, String reason) {
            }

            @Override
            protected void onWriteFailed(Throwable error) {
            }
        };
        int threads = 4;
        int perThread = 5000;
        CountDownLatch done = new CountDownLatch(threads);
        for (int t = 0; t < threads; t++) {
            new Thread(() -> {
                for (int i = 0; i < perThread; i++) {
                    c.send(WireFrame.binary(new byte[1]), SendParameters.DEFAULT);
                }
                done.countDown();
            }).start();
        }
        done.await(10, TimeUnit.SECONDS);
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (written.size() < threads * perThread && System.nanoTime() < deadline) {
            Thread.sleep(5);
        }
        completer.shutdown();
        assertEquals(threads * perThread, written.size());
    }
}
