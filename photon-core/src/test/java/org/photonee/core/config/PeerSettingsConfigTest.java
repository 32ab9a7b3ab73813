package org.photonee.core.config;

import org.junit.jupiter.api.Test;
import org.photonee.core.peer.PeerSettings;

import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class PeerSettingsConfigTest {
    @Test
    void unsetKeysKeepTheDefaults() {
        assertEquals(PeerSettings.DEFAULTS, PeerSettingsConfig.from(k -> null));
    }

    @Test
    void setKeysOverride() {
        PeerSettings s = PeerSettingsConfig.from(Map.of(PeerSettingsConfig.MAX_MESSAGE_SIZE, "1024",
                PeerSettingsConfig.MAX_OPERATIONS_PER_SECOND, "0",
                PeerSettingsConfig.INACTIVITY_TIMEOUT_MS, "30000")::get);
        assertEquals(1024, s.limits().maxMessageSize());
        assertEquals(0, s.maxOperationsPerSecond());
        assertEquals(30_000, s.inactivityTimeoutMillis());
    }

    @Test
    void badValuesNameTheKey() {
        IllegalArgumentException notANumber = assertThrows(IllegalArgumentException.class,
                () -> PeerSettingsConfig.from(Map.of(PeerSettingsConfig.MAX_DEPTH, "deep")::get));
        assertTrue(notANumber.getMessage().startsWith(PeerSettingsConfig.MAX_DEPTH), notANumber.getMessage());
        IllegalArgumentException tooSmall = assertThrows(IllegalArgumentException.class,
                () -> PeerSettingsConfig.from(Map.of(PeerSettingsConfig.MAX_MESSAGE_SIZE, "0")::get));
        assertTrue(tooSmall.getMessage().contains("at least 1"), tooSmall.getMessage());
    }
}
