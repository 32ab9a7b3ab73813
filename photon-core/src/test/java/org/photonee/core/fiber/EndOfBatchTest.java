package org.photonee.core.fiber;

import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class EndOfBatchTest {
    @Test
    void outsideABatchNothingIsDeferred() {
        assertFalse(EndOfBatch.defer(() -> { }));
    }

    @Test
    void deferredActionsRunOnceWhenTheOutermostBatchEnds() {
        List<String> log = new ArrayList<>();
        EndOfBatch.run(() -> {
            assertTrue(EndOfBatch.defer(() -> log.add("flush a")));
            EndOfBatch.run(() -> assertTrue(EndOfBatch.defer(() -> log.add("flush b"))));
            log.add("work");
        });
        assertEquals(List.of("work", "flush a", "flush b"), log);
        EndOfBatch.run(() -> log.add("next"));
        assertEquals(List.of("work", "flush a", "flush b", "next"), log); // nothing left over
    }

    @Test
    void aFailingActionDoesNotStopTheOthers() {
        List<String> log = new ArrayList<>();
        EndOfBatch.run(() -> {
            EndOfBatch.defer(() -> {
                throw new IllegalStateException("boom");
            });
            EndOfBatch.defer(() -> log.add("second"));
        });
        assertEquals(List.of("second"), log);
    }

    @Test
    void aPoolFiberDrainIsOneBatch() throws Exception {
        ExecutorService pool = Executors.newSingleThreadExecutor();
        ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor();
        try {
            PoolFiber fiber = new PoolFiber("f", pool, timer);
            List<String> log = java.util.Collections.synchronizedList(new ArrayList<>());
            CountDownLatch gate = new CountDownLatch(1);
            CountDownLatch done = new CountDownLatch(1);
            fiber.enqueue(() -> await(gate)); // holds the drain while the next actions queue up behind it
            fiber.enqueue(() -> EndOfBatch.defer(() -> log.add("flush")));
            fiber.enqueue(() -> log.add("second action"));
            fiber.enqueue(done::countDown);
            gate.countDown();
            assertTrue(done.await(5, TimeUnit.SECONDS));
            fiber.enqueue(() -> { });
            pool.submit(() -> { }).get(5, TimeUnit.SECONDS);
            assertEquals(List.of("second action", "flush"), log);
        } finally {
            pool.shutdownNow();
            timer.shutdownNow();
        }
    }

    private static void await(CountDownLatch latch) {
        try {
            latch.await(5, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
