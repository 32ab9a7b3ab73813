package org.photonee.core.fiber;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class ManualFiberTest {
    @Test
    void timersFireInVirtualTimeOrder() {
        ManualFiber fiber = new ManualFiber();
        List<String> log = new ArrayList<>();
        fiber.schedule(() -> log.add("b@" + fiber.nowMillis()), 200);
        fiber.schedule(() -> log.add("a@" + fiber.nowMillis()), 100);
        Cancellable every = fiber.scheduleOnInterval(() -> log.add("i@" + fiber.nowMillis()), 50, 100);
        fiber.advance(160);
        assertEquals(List.of("i@50", "a@100", "i@150"), log);
        every.cancel();
        fiber.advance(1000);
        assertEquals(List.of("i@50", "a@100", "i@150", "b@200"), log);
        assertEquals(1160, fiber.nowMillis());
        assertEquals(0, fiber.scheduledCount());
    }

    @Test
    void actionsEnqueuedByTimersRunBeforeLaterTimers() {
        ManualFiber fiber = new ManualFiber();
        List<String> log = new ArrayList<>();
        fiber.schedule(() -> fiber.enqueue(() -> log.add("queued")), 10);
        fiber.schedule(() -> log.add("later"), 20);
        fiber.advance(30);
        assertEquals(List.of("queued", "later"), log);
    }
}
