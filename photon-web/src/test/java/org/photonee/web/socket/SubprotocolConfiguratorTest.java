package org.photonee.web.socket;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;

/** The container endpoints negotiate like the Netty listener: the server's preference (V18, V16, Json) wins. */
class SubprotocolConfiguratorTest {
    private final SubprotocolConfigurator configurator = new SubprotocolConfigurator("game", null);
    private final List<String> supported = SubprotocolPolicy.PROTOCOLS.names();

    @Test
    void gpBinaryV18IsDeclaredAndPreferred() {
        assertEquals(List.of("GpBinaryV18", "GpBinaryV16", "Json"), supported);
        assertEquals("GpBinaryV18",
                configurator.getNegotiatedSubprotocol(supported, List.of("GpBinaryV16, GpBinaryV18")));
        assertEquals("GpBinaryV18", configurator.getNegotiatedSubprotocol(supported, List.of("GpBinaryV18")));
        assertEquals("GpBinaryV16", configurator.getNegotiatedSubprotocol(supported, List.of("Json", "GpBinaryV16")));
    }

    @Test
    void nothingSupportedNegotiatesNothing() {
        assertEquals("", configurator.getNegotiatedSubprotocol(supported, List.of("GpBinaryV99")));
    }
}
