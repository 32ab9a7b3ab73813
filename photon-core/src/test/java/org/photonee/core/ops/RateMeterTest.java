package org.photonee.core.ops;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class RateMeterTest {
    @Test
    void ratePerSecondBetweenReadings() {
        RateMeter m = new RateMeter();
        assertEquals(0, m.perSecond(100, 1_000), "first reading has nothing to compare with");
        assertEquals(50, m.perSecond(600, 11_000));
        assertEquals(0, m.perSecond(600, 21_000));
    }

    @Test
    void aCounterThatWentBackwardsRestarts() {
        RateMeter m = new RateMeter();
        m.perSecond(1000, 0);
        assertEquals(0, m.perSecond(10, 1000));
        assertEquals(10, m.perSecond(20, 2000));
    }
}
