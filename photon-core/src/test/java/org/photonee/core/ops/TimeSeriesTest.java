package org.photonee.core.ops;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import org.junit.jupiter.api.Test;

class TimeSeriesTest {
    private final TimeSeries series = new TimeSeries(3, List.of("ccu", "rooms"));

    @Test
    void keepsSamplesOldestFirst() {
        assertNull(series.latest());
        series.add(1, 10, 1);
        series.add(2, 20, 2);
        assertEquals(List.of(1L, 2L), series.samples().stream().map(TimeSeries.Sample::atMillis).toList());
        assertArrayEquals(new double[] {20, 2}, series.latest().values());
    }

    @Test
    void dropsTheOldestWhenFull() {
        for (int i = 1; i <= 7; i++) {
            series.add(i, i, i);
        }
        assertEquals(List.of(5L, 6L, 7L), series.samples().stream().map(TimeSeries.Sample::atMillis).toList());
        assertEquals(7, series.latest().atMillis());
    }

    @Test
    void refusesSamplesOfTheWrongShape() {
        assertThrows(IllegalArgumentException.class, () -> series.add(1, 1));
        assertThrows(IllegalArgumentException.class, () -> new TimeSeries(0, List.of("x")));
    }

    @Test
    void samplesAreCopies() {
        double[] values = {1, 2};
        series.add(1, values);
        values[0] = 99;
        assertEquals(1, series.latest().values()[0]);
    }
}
