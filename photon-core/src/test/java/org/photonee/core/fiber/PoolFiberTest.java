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

    @Test
    void aHomedFiberRunsOnItsHome() throws Exception {
        ExecutorService home = Executors.newSingleThreadExecutor(r -> new Thread(r, "home-loop"));
        try {
            PoolFiber fiber = new PoolFiber("f", home, pool, scheduler);
            List<String> threads = Collections.synchronizedList(new ArrayList<>());
            CountDownLatch done = new CountDownLatch(3);
            for (int i = 0; i < 3; i++) {
                fiber.enqueue(() -> {
                    threads.add(Thread.currentThread().getName());
                    done.countDown();
                });
            }
            assertTrue(done.await(5, TimeUnit.SECONDS));
            assertEquals(List.of("home-loop", "home-loop", "home-loop"), threads);
        } finally {
            home.shutdownNow();
        }
    }

    @Test
    void whenItsHomeStopsAHomedFiberMovesToThePoolAndLosesNothing() throws Exception {
        ExecutorService home = Executors.newSingleThreadExecutor(r -> new Thread(r, "home-loop"));
        PoolFiber fiber = new PoolFiber("f", home, pool, scheduler);
        CountDownLatch first = new CountDownLatch(1);
        fiber.enqueue(first::countDown);
        assertTrue(first.await(5, TimeUnit.SECONDS));
        home.shutdown(); // the listener stopped: its loop rejects new work
        assertTrue(home.awaitTermination(5, TimeUnit.SECONDS));

        List<Integer> order = Collections.synchronizedList(new ArrayList<>());
        List<String> threads = Collections.synchronizedList(new ArrayList<>());
        CountDownLatch done = new CountDownLatch(100);
        for (int i = 0; i < 100; i++) {
            int k = i;
            fiber.enqueue(() -> {
                order.add(k);
                threads.add(Thread.currentThread().getName());
                done.countDown();
            });
        }
        assertTrue(done.await(5, TimeUnit.SECONDS), "the last actions (a room's save at shutdown) still run");
        assertFalse(fiber.isDisposed());
        for (int i = 0; i < 100; i++) {
            assertEquals(i, order.get(i));
        }
        assertTrue(threads.stream().noneMatch("home-loop"::equals), String.valueOf(threads));
    }

    @Test
    void withoutAFallbackARejectingExecutorDisposesTheFiber() {
        ExecutorService stopped = Executors.newSingleThreadExecutor();
        stopped.shutdown();
        PoolFiber fiber = new PoolFiber("f", stopped, scheduler);
        fiber.enqueue(() -> {
        });
        assertTrue(fiber.isDisposed());
    }
}
