package org.photonee.core.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.util.Map;
import org.junit.jupiter.api.Test;

class NettySettingsTest {
    private static final URI CONTAINER = URI.create("ws://127.0.0.1:8080/photon");

    private static NettySettings read(Map<String, String> keys) {
        return NettySettings.from(ConfigReader.of(keys), CONTAINER);
    }

    @Test
    void offByDefaultAndFibersOnTheLoopsWhenOn() {
        NettySettings off = read(Map.of());
        assertFalse(off.enabled());
        NettySettings on = read(Map.of(NettySettings.KEY_PORT, "9090"));
        assertTrue(on.enabled());
        assertEquals("127.0.0.1", on.host());
        assertEquals(URI.create("ws://127.0.0.1:9090/photon"), on.publicUrl());
        assertTrue(on.fibersOnEventLoops());
    }

    @Test
    void fibersCanStayOnThePool() {
        NettySettings s = read(Map.of(NettySettings.KEY_PORT, "9090", NettySettings.KEY_FIBERS_ON_EVENT_LOOPS,
                "false"));
        assertFalse(s.fibersOnEventLoops());
    }

    @Test
    void badPortAndHalfATlsPairAreRefusedWithTheKey() {
        IllegalArgumentException port = assertThrows(IllegalArgumentException.class,
                () -> read(Map.of(NettySettings.KEY_PORT, "70000")));
        assertTrue(port.getMessage().contains(NettySettings.KEY_PORT), port.getMessage());
        IllegalArgumentException tls = assertThrows(IllegalArgumentException.class,
                () -> read(Map.of(NettySettings.KEY_PORT, "9090", NettySettings.KEY_TLS_CERTIFICATE, "cert.pem")));
        assertTrue(tls.getMessage().contains(NettySettings.KEY_TLS_KEY), tls.getMessage());
    }
}
