package org.photonee.web.socket;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;
import org.junit.jupiter.api.Test;

class PhotonEndpointsTest {
    @Test
    void benchRelayIsRegisteredOnlyWhenExplicitlyEnabled() {
        assertFalse(PhotonEndpoints.benchRelayEnabled(k -> null));
        assertFalse(PhotonEndpoints.benchRelayEnabled(Map.of("photon.bench.relay", "false")::get));
        assertFalse(PhotonEndpoints.benchRelayEnabled(Map.of("photon.bench.relay", "yes")::get));
        assertTrue(PhotonEndpoints.benchRelayEnabled(Map.of("photon.bench.relay", "true")::get));
        assertTrue(PhotonEndpoints.benchRelayEnabled(Map.of("photon.bench.relay", " TRUE ")::get));
    }
}
