package org.photonee.core.config;

import org.junit.jupiter.api.Test;

import java.util.EnumSet;
import java.util.Map;
import org.photonee.core.peer.Transport;

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

    @Test
    void nettyOffByDefaultSoEveryAddressNamesTheContainer() {
        NodeSettings s = NodeSettings.from(k -> null);
        assertEquals(null, s.nettyUrl());
        assertEquals(EnumSet.of(Transport.CONTAINER), s.transports());
        assertEquals("ws://127.0.0.1:8080/photon/master", s.publicEndpoint(Role.MASTER, Transport.NETTY));
    }

    @Test
    void addressesFollowTheClientsTransport() {
        NodeSettings s = NodeSettings.from(Map.of(NettySettings.KEY_PORT, "9080")::get);
        assertEquals("ws://127.0.0.1:9080/photon", s.nettyUrl().toString());
        assertEquals("ws://127.0.0.1:9080/photon/game", s.publicEndpoint(Role.GAME, Transport.NETTY));
        assertEquals("ws://127.0.0.1:8080/photon/game", s.publicEndpoint(Role.GAME, Transport.CONTAINER));
    }

    @Test
    void clientTransportForcesOne() {
        NodeSettings s = NodeSettings.from(Map.of(NettySettings.KEY_PORT, "9080",
                NodeSettings.KEY_CLIENT_TRANSPORT, "netty")::get);
        assertEquals("ws://127.0.0.1:9080/photon/master", s.publicEndpoint(Role.MASTER, Transport.CONTAINER));
        IllegalArgumentException off = assertThrows(IllegalArgumentException.class,
                () -> NodeSettings.from(Map.of(NodeSettings.KEY_CLIENT_TRANSPORT, "netty")::get));
        assertTrue(off.getMessage().contains(NettySettings.KEY_PORT), off.getMessage());
        IllegalArgumentException bad = assertThrows(IllegalArgumentException.class,
                () -> NodeSettings.from(Map.of(NodeSettings.KEY_CLIENT_TRANSPORT, "udp")::get));
        assertTrue(bad.getMessage().contains(NodeSettings.KEY_CLIENT_TRANSPORT), bad.getMessage());
    }

    @Test
    void nettyUrlFromHostTlsOrExplicitValue() {
        NodeSettings tls = NodeSettings.from(Map.of(NettySettings.KEY_PORT, "9443",
                NettySettings.KEY_KEY_STORE, "/etc/photon/server.p12")::get);
        assertEquals("wss://127.0.0.1:9443/photon", tls.nettyUrl().toString());
        NodeSettings any = NodeSettings.from(Map.of(NettySettings.KEY_PORT, "9080", NettySettings.KEY_HOST, "0.0.0.0",
                NodeSettings.KEY_PUBLIC_URL, "ws://game.example:8080/photon")::get);
        assertEquals("ws://game.example:9080/photon", any.nettyUrl().toString());
        NodeSettings explicit = NodeSettings.from(Map.of(NettySettings.KEY_PORT, "9080",
                NettySettings.KEY_PUBLIC_URL, "wss://edge.example/photon")::get);
        assertEquals("wss://edge.example/photon/ns", explicit.publicEndpoint(Role.NAME_SERVER, Transport.NETTY));
    }

    @Test
    void badNettyValuesNameTheKey() {
        for (Map<String, String> cfg : java.util.List.of(Map.of(NettySettings.KEY_PORT, "70000"),
                Map.of(NettySettings.KEY_PORT, "x"), Map.of(NettySettings.KEY_PORT, "9080",
                        NettySettings.KEY_EVENT_LOOPS, "0"),
                Map.of(NettySettings.KEY_PORT, "9080", NettySettings.KEY_TLS_CERTIFICATE, "/a.crt"))) {
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                    () -> NodeSettings.from(cfg::get), cfg.toString());
            assertTrue(e.getMessage().contains("photon.netty."), e.getMessage());
        }
    }
}
