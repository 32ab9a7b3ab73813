package org.photonee.core.fiber;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class PoolFiberTest {
    private final ExecutorService pool = Executors.newFixedThreadPool(4);
    private final ScheduledExecutorService scheduler = Executors.newSingleThreadScheduledExecutor();

    @AfterEach
    void tearDown() {
        pool.shutdownNow();
        scheduler.shutdownNow();
    }

    @Test
    void actionsRunInOrderAndNeverConcurrently() throws Exception {
        PoolFiber fiber = new PoolFiber("f", pool, scheduler);
        AtomicInteger running = new AtomicInteger();
        AtomicInteger maxRunning = new AtomicInteger();
        List<Integer> order = Collections.synchronizedList(new ArrayList<>());
        int n = 2000;
        CountDownLatch done = new CountDownLatch(n);
        for (int i = 0; i < n; i++) {
            int k = i;
            fiber.enqueue(() -> {
                maxRunning.accumulateAndGet(running.incrementAndGet(), Math::max);
                order.add(k);
                running.decrementAndGet();
                done.countDown();
            });
        }
        assertTrue(done.await(10, TimeUnit.SECONDS));
        assertEquals(1, maxRunning.get());
        for (int i = 0; i < n; i++) {
            assertEquals(i, order.get(i));
        }
    }

    @Test
    void concurrentEnqueuersAreSerialized() throws Exception {
        PoolFiber fiber = new PoolFiber("f", pool, scheduler);
        int[] counter = {0}; // unsynchronized on purpose: the fiber is the only writer at a time
        int threads = 4;
        int per = 5000;
        CountDownLatch done = new CountDownLatch(threads * per);
        for (int t = 0; t < threads; t++) {
            new Thread(() -> {
                for (int i = 0; i < per; i++) {
                    fiber.enqueue(() -> {
                        counter[0]++;
                        done.countDown();
                    });
                }
            }).start();
        }
        assertTrue(done.await(10, TimeUnit.SECONDS));
        CountDownLatch read = new CountDownLatch(1);
        int[] seen = new int[1];
        fiber.enqueue(() -> {
            seen[0] = counter[0];
            read.countDown();
        });
        read.await(5, TimeUnit.SECONDS);
        assertEquals(threads * per, seen[0]);
    }

    @Test
    void aThrowingActionDoesNotKillTheFiber() throws Exception {
        PoolFiber fiber = new PoolFiber("f", pool, scheduler);
        CountDownLatch after = new CountDownLatch(1);
        fiber.enqueue(() -> {
            throw new IllegalStateException("expected in test");
        });
        fiber.enqueue(after::countDown);
        assertTrue(after.await(5, TimeUnit.SECONDS));
    }

    @Test
    void timersRunOnTheFiberAndCanBeCancelled() throws Exception {
        PoolFiber fiber = new PoolFiber("f", pool, scheduler);
        CountDownLatch once = new CountDownLatch(1);
        fiber.schedule(once::countDown, 10);
        assertTrue(once.await(5, TimeUnit.SECONDS));

        CountDownLatch three = new CountDownLatch(3);
        Cancellable interval = fiber.scheduleOnInterval(three::countDown, 0, 5);
        assertTrue(three.await(5, TimeUnit.SECONDS));
        interval.cancel();

        AtomicInteger never = new AtomicInteger();
        fiber.schedule(never::incrementAndGet, 20).cancel();
        Thread.sleep(60);
        assertEquals(0, never.get());
    }

    @Test
    void disposedFiberRunsNothingMore() throws Exception {
        PoolFiber fiber = new PoolFiber("f", pool, scheduler);
        AtomicInteger ran = new AtomicInteger();
        fiber.dispose();
        fiber.enqueue(ran::incrementAndGet);
        fiber.schedule(ran::incrementAndGet, 1);
        Thread.sleep(30);
        assertEquals(0, ran.get());
        assertTrue(fiber.isDisposed());
        assertFalse(new PoolFiber("g", pool, scheduler).isDisposed());
    }
}
