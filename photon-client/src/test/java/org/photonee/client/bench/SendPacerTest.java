package org.photonee.client.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class SendPacerTest {
    private static final long MS = 1_000_000L;

    /** What one send saw: which user, when its slot was due, when it went out. */
    private record Sent(int user, long due, long at) {
    }

    private static final class Recorder {
        final long[] phases;
        final long start;
        final long period;
        final List<Sent> sent = new ArrayList<>();
        final int[] slots;

        Recorder(long[] phases, long start, long period) {
            this.phases = phases;
            this.start = start;
            this.period = period;
            this.slots = new int[phases.length];
        }

        void send(int user) {
            // Which slot this is follows from how many this user sent plus how many of its slots were skipped; the
            // tests below without skips check it against the clock.
            long due = start + phases[user] + slots[user]++ * period;
            sent.add(new Sent(user, due, System.nanoTime()));
        }
    }

    @Test
    void onAnExecutorEverySlotGoesOutInPhaseOrderNeverEarlyAndStopsAtTheEnd() throws Exception {
        ScheduledExecutorService loop = Executors.newSingleThreadScheduledExecutor();
        try {
            long period = 20 * MS;
            long[] phases = {0, 5 * MS, 5 * MS, 12 * MS};
            long start = System.nanoTime() + 10 * MS;
            long end = start + 5 * period; // five slots each
            Recorder r = new Recorder(phases, start, period);
            SendPacer pacer = new SendPacer(phases, r::send, start, period, end);
            pacer.runOn(loop).get(5, TimeUnit.SECONDS);

            assertTrue(System.nanoTime() >= end, "completes only once the end has come");
            assertEquals(0, pacer.skippedSlots());
            assertEquals(20, r.sent.size());
            for (int i = 0; i < r.sent.size(); i++) {
                Sent s = r.sent.get(i);
                assertEquals(List.of(0, 1, 2, 3).get(i % 4), s.user(), "phase order, slot after slot");
                assertTrue(s.at() >= s.due(), "never before its slot");
                assertTrue(s.due() < end);
            }
            assertEquals(20, pacer.lateness().count());
        } finally {
            loop.shutdownNow();
        }
    }

    @Test
    void aLoopBusyForSeveralPeriodsSkipsTheMissedSlotsInsteadOfBursting() throws Exception {
        ScheduledExecutorService loop = Executors.newSingleThreadScheduledExecutor();
        try {
            long period = 10 * MS;
            long[] phases = {0};
            long start = System.nanoTime() + 5 * MS;
            long end = start + 20 * period;
            List<Long> sentAt = new ArrayList<>();
            SendPacer pacer = new SendPacer(phases, u -> sentAt.add(System.nanoTime()), start, period, end);
            CountDownLatch blocked = new CountDownLatch(1);
            // The loop is kept busy from before the start until 5.5 periods in: slots 0-4 are a period late or more.
            loop.schedule(() -> {
                blocked.countDown();
                while (System.nanoTime() < start + 55 * MS) {
                    Thread.onSpinWait();
                }
            }, 1, TimeUnit.MILLISECONDS);
            assertTrue(blocked.await(5, TimeUnit.SECONDS));
            pacer.runOn(loop).get(5, TimeUnit.SECONDS);

            // Slots 0..4 are skipped (late by >= a period); slot 5 goes out late (or is skipped as well when the
            // machine is slow to run the tick), the rest on time: every slot once, sent or skipped, never a burst.
            assertTrue(pacer.skippedSlots() >= 5 && pacer.skippedSlots() <= 6, "skipped " + pacer.skippedSlots());
            assertEquals(20, pacer.skippedSlots() + sentAt.size());
            for (int i = 1; i < sentAt.size(); i++) {
                assertTrue(sentAt.get(i) - sentAt.get(i - 1) > period / 4, "no two sends back to back");
            }
        } finally {
            loop.shutdownNow();
        }
    }

    @Test
    void onItsOwnThreadTheSameScheduleGoesOut() {
        long period = 10 * MS;
        long[] phases = {1 * MS, 3 * MS};
        long start = System.nanoTime() + 5 * MS;
        Recorder r = new Recorder(phases, start, period);
        SendPacer pacer = new SendPacer(phases, r::send, start, period, start + 4 * period);
        pacer.runOnThisThread();

        assertTrue(System.nanoTime() >= start + 4 * period);
        assertEquals(8, r.sent.size());
        for (Sent s : r.sent) {
            assertTrue(s.at() >= s.due());
        }
        assertEquals(0, pacer.skippedSlots());
    }

    @Test
    void noUsersMeansNoSendsButTheSameEnd() throws Exception {
        ScheduledExecutorService loop = Executors.newSingleThreadScheduledExecutor();
        try {
            long start = System.nanoTime();
            long end = start + 20 * MS;
            new SendPacer(new long[0], u -> {
                throw new AssertionError("no user to send for");
            }, start, 10 * MS, end).runOn(loop).get(5, TimeUnit.SECONDS);
            assertTrue(System.nanoTime() >= end);
        } finally {
            loop.shutdownNow();
        }
    }

    @Test
    void phasesMustBeSorted() {
        assertThrows(IllegalArgumentException.class, () -> new SendPacer(new long[] {5, 1}, u -> {
        }, 0, 10, 100));
    }
}
