package org.photonee.core.config;

import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ConfigReaderTest {
    private final ConfigReader config = ConfigReader.of(Map.of(
            "photon.a", " 42 ", "photon.b", "TRUE", "photon.c", "maybe", "photon.url", "http://127.0.0.1:9/x",
            "photon.ftp", "ftp://host/x", "photon.list", "a, b,,c ", "photon.p.one", "1", "photon.p.two", "2",
            "photon.blank", "  "));

    @Test
    void typedValuesWithDefaults() {
        assertEquals(42, config.intValue("photon.a", 1, 0));
        assertEquals(7, config.intValue("photon.missing", 7, 0));
        assertEquals(7, config.intValue("photon.blank", 7, 0));
        assertTrue(config.bool("photon.b", false));
        assertFalse(config.bool("photon.missing", false));
        assertEquals("http://127.0.0.1:9/x", config.httpUrl("photon.url").toString());
        assertNull(config.httpUrl("photon.missing"));
        assertEquals(List.of("a", "b", "c"), config.list("photon.list"));
        assertEquals(Map.of("one", "1", "two", "2"), config.withPrefix("photon.p."));
    }

    @Test
    void badValuesNameTheKey() {
        assertEquals("photon.c must be true or false, got 'maybe'",
                assertThrows(IllegalArgumentException.class, () -> config.bool("photon.c", false)).getMessage());
        assertEquals("photon.a must be at least 100, got 42",
                assertThrows(IllegalArgumentException.class, () -> config.intValue("photon.a", 1, 100)).getMessage());
        assertTrue(assertThrows(IllegalArgumentException.class, () -> config.httpUrl("photon.ftp")).getMessage()
                .startsWith("photon.ftp must be an absolute http(s) URL"));
        assertTrue(assertThrows(IllegalArgumentException.class, () -> config.longValue("photon.c", 1, 0)).getMessage()
                .startsWith("photon.c must be a whole number"));
    }
}
