package org.photonee.core.s2s;

import org.junit.jupiter.api.Test;
import org.photonee.core.codes.ServerState;
import org.photonee.core.nameserver.NameServerSettings;
import org.photonee.core.peer.Transport;

import java.util.LinkedHashMap;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** Addresses handed to clients name the transport they came in on, falling back to what the server has. */
class TransportAddressesTest {
    @Test
    void gameServerAddressByTransportAndSubprotocol() {
        Map<String, String> addresses = new LinkedHashMap<>();
        addresses.put("GpBinaryV16", "ws://h:8080/photon/game");
        addresses.put("container:GpBinaryV16", "ws://h:8080/photon/game");
        addresses.put("netty:GpBinaryV16", "ws://h:9080/photon/game");
        GameServerRegistration r = new GameServerRegistration("gs1", addresses, ServerState.NORMAL, 0, 0, "c");
        assertEquals("ws://h:9080/photon/game", r.addressFor(Transport.NETTY, "GpBinaryV16"));
        assertEquals("ws://h:8080/photon/game", r.addressFor(Transport.CONTAINER, "GpBinaryV16"));
        // A server without the Netty listener (or an older one) has only the plain keys.
        GameServerRegistration old = new GameServerRegistration("gs2", Map.of("Json", "ws://o:8080/photon/game"),
                ServerState.NORMAL, 0, 0, "c");
        assertEquals("ws://o:8080/photon/game", old.addressFor(Transport.NETTY, "Json"));
    }

    @Test
    void transportKeysSurviveTheS2SMessage() {
        Map<String, String> addresses = Map.of("Json", "ws://h:8080/photon/game", "netty:Json", "ws://h:9080/photon/game");
        GameServerRegistration r = new GameServerRegistration("gs1", addresses, ServerState.NORMAL, 0, 0, "cred");
        GameServerRegistration back = S2SMessages.readRegistration(S2SMessages.registerGameServer(r));
        assertEquals("ws://h:9080/photon/game", back.addressFor(Transport.NETTY, "Json"));
    }

    @Test
    void nameServerNamesTheMasterOnTheClientsTransport() {
        NameServerSettings own = NameServerSettings.singleRegion("ws://h:8080/photon/master",
                "ws://h:9080/photon/master");
        assertEquals("ws://h:9080/photon/master", own.forTransport(Transport.NETTY).masterFor("eu"));
        assertEquals("ws://h:8080/photon/master", own.forTransport(Transport.CONTAINER).masterFor("EU/*"));
        NameServerSettings table = new NameServerSettings(Map.of("us", "wss://us.example/photon/master"));
        assertEquals("wss://us.example/photon/master", table.forTransport(Transport.NETTY).masterFor("us"));
    }
}
