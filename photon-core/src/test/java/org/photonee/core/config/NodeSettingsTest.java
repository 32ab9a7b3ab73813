package org.photonee.core.config;

import org.junit.jupiter.api.Test;

import java.util.EnumSet;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class NodeSettingsTest {
    @Test
    void defaultsRunAllRolesOnLoopback() {
        NodeSettings s = NodeSettings.from(k -> null);
        assertEquals(EnumSet.allOf(Role.class), s.roles());
        assertEquals("ws://127.0.0.1:8080/photon/ns", s.publicEndpoint(Role.NAME_SERVER));
        assertEquals("ws://127.0.0.1:8080/photon/s2s", s.masterUrl().toString());
        assertEquals("127.0.0.1:8080", s.nodeId());
    }

    @Test
    void explicitValuesWin() {
        Map<String, String> cfg = Map.of(NodeSettings.KEY_ROLES, " game ",
                NodeSettings.KEY_PUBLIC_URL, "ws://127.0.0.1:8081/photon/",
                NodeSettings.KEY_MASTER_URL, "ws://127.0.0.1:8080/photon/s2s");
        NodeSettings s = NodeSettings.from(cfg::get);
        assertEquals(EnumSet.of(Role.GAME), s.roles());
        assertEquals("ws://127.0.0.1:8081/photon/game", s.publicEndpoint(Role.GAME));
        assertEquals("ws://127.0.0.1:8080/photon/s2s", s.masterUrl().toString());
        assertEquals("game", s.rolesKey());
    }

    @Test
    void badValuesNameTheKey() {
        IllegalArgumentException role = assertThrows(IllegalArgumentException.class,
                () -> NodeSettings.from(Map.of(NodeSettings.KEY_ROLES, "ns,lobby")::get));
        assertTrue(role.getMessage().contains("lobby"), role.getMessage());
        IllegalArgumentException url = assertThrows(IllegalArgumentException.class,
                () -> NodeSettings.from(Map.of(NodeSettings.KEY_PUBLIC_URL, "http://x/photon")::get));
        assertTrue(url.getMessage().contains(NodeSettings.KEY_PUBLIC_URL), url.getMessage());
    }
}
