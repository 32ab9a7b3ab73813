package org.photonee.core.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;
import org.junit.jupiter.api.Test;
import org.photonee.core.nameserver.NameServerSettings;
import org.photonee.core.peer.Transport;

class UdpAddressesTest {
    @Test
    void udpClientsAreHandedHostAndPortOfTheRolesUdpPort() {
        NodeSettings node = NodeSettings.from(Map.of("photon.udp.port", "5055", "photon.netty.port", "9080")::get);
        assertEquals("127.0.0.1:5055", node.publicEndpoint(Role.MASTER, Transport.UDP));
        assertEquals("127.0.0.1:5056", node.publicEndpoint(Role.GAME, Transport.UDP));
        assertEquals("127.0.0.1:5058", node.publicEndpoint(Role.NAME_SERVER, Transport.UDP));
        assertEquals("ws://127.0.0.1:9080/photon/game", node.publicEndpoint(Role.GAME, Transport.NETTY));
        assertTrue(node.transports().contains(Transport.UDP));
    }

    @Test
    void withoutUdpAUdpClientFallsBackToTheWebSocketAddressAndUdpIsNotListed() {
        NodeSettings node = NodeSettings.from(Map.<String, String>of()::get);
        assertEquals("ws://127.0.0.1:8080/photon/game", node.publicEndpoint(Role.GAME, Transport.UDP));
        assertFalse(node.transports().contains(Transport.UDP));
    }

    @Test
    void clientTransportCannotForceUdpAndPortsAreChecked() {
        assertThrows(IllegalArgumentException.class, () -> NodeSettings.from(Map.of("photon.udp.port", "5055",
                "photon.clientTransport", "udp")::get));
        assertThrows(IllegalArgumentException.class, () -> NodeSettings.from(Map.of("photon.udp.port", "65533")::get));
    }

    @Test
    void theNameServerHandsUdpClientsTheUdpTable() {
        NameServerSettings ns = NameServerSettings.singleRegion("ws://h:8080/photon/master",
                "ws://h:9080/photon/master", "h:5055");
        assertEquals("h:5055", ns.forTransport(Transport.UDP).masterFor("eu"));
        assertEquals("ws://h:9080/photon/master", ns.forTransport(Transport.NETTY).masterFor("eu"));
        assertEquals("ws://h:8080/photon/master", ns.forTransport(Transport.CONTAINER).masterFor("eu"));
    }
}
