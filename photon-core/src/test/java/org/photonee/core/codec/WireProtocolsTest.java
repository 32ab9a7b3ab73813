package org.photonee.core.codec;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.photonee.core.codec.json.JsonProtocol;
import org.photonee.core.protocol.WireProtocol;

class WireProtocolsTest {
    private final WireProtocols protocols = WireProtocols.defaults();

    @Test
    void defaultsSpeakBinaryV18ThenV16ThenJson() {
        assertEquals(List.of("GpBinaryV18", "GpBinaryV16", "Json"), protocols.names());
        assertEquals("Json", protocols.byName("Json").map(WireProtocol::subprotocol).orElseThrow());
        assertTrue(protocols.byName("json").isEmpty(), "names are case-sensitive");
    }

    @Test
    void selectPrefersTheServersOrder() {
        assertEquals("GpBinaryV16", select("Json", "GpBinaryV16"));
        assertEquals("GpBinaryV18", select(" GpBinaryV16 ", WireProtocols.GP_BINARY_V18));
        assertEquals("Json", select("Json"));
    }

    @Test
    void nothingSupportedSelectsNothing() {
        assertTrue(protocols.select(List.of("GpBinaryV17", "chat")).isEmpty());
        assertTrue(protocols.select(List.of()).isEmpty());
    }

    @Test
    void duplicateNamesAreRejected() {
        assertThrows(IllegalArgumentException.class, () -> WireProtocols.of(new JsonProtocol(), new JsonProtocol()));
    }

    private String select(String... offered) {
        return protocols.select(List.of(offered)).map(WireProtocol::subprotocol).orElse("none");
    }
}
