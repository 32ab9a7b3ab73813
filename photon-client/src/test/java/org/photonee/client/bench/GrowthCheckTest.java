package org.photonee.client.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

class GrowthCheckTest {
    @Test
    void aResourceThatLevelsOffAfterWarmUpIsBounded() {
        assertFalse(GrowthCheck.isUnbounded(List.of(10L, 200L, 210L, 205L, 212L, 208L), 20));
    }

    @Test
    void aResourceThatKeepsRisingIsUnbounded() {
        List<Long> leak = List.of(10L, 100L, 140L, 180L, 220L, 260L, 300L);
        assertTrue(GrowthCheck.isUnbounded(leak, 20));
        assertEquals(220 - 180, GrowthCheck.growth(leak, 20));
    }

    @Test
    void aSingleSpikeIsNotGrowth() {
        assertFalse(GrowthCheck.isUnbounded(List.of(10L, 100L, 400L, 100L, 110L, 105L), 20));
    }

    @Test
    void theWarmUpSampleDoesNotCountAndTooFewSamplesSayNothing() {
        assertFalse(GrowthCheck.isUnbounded(List.of(0L, 1000L, 1005L), 20));
        assertEquals(0, GrowthCheck.growth(List.of(0L, 1000L), 20));
    }

    @Test
    void listsAreWrittenAsJsonArrays() {
        java.util.Map<String, Object> m = new java.util.LinkedHashMap<>();
        m.put("a", List.of(1, 2));
        m.put("b", List.of());
        assertEquals("{\n  \"a\": [\n    1,\n    2\n  ],\n  \"b\": []\n}\n", Json.write(m));
    }
}
