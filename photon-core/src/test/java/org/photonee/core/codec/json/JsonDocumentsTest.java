package org.photonee.core.codec.json;

import org.junit.jupiter.api.Test;
import org.photonee.core.protocol.ProtocolException;
import org.photonee.core.protocol.ProtocolLimits;

import java.util.LinkedHashMap;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

class JsonDocumentsTest {
    @Test
    void numericMemberNamesStayStringsAndABomIsSkipped() throws ProtocolException {
        Map<?, ?> doc = (Map<?, ?>) JsonDocuments.parse("\uFEFF{\"1\":2,\"ResultCode\":1,\"Data\":[1,\"x\"]}",
                ProtocolLimits.DEFAULTS);
        assertEquals(2, doc.get("1"));
        assertEquals(1, doc.get("ResultCode"));
        assertArrayEquals(new Object[]{1, "x"}, (Object[]) doc.get("Data"));
    }

    @Test
    void invalidDocumentsAreRefused() {
        assertThrows(ProtocolException.class, () -> JsonDocuments.parse("", ProtocolLimits.DEFAULTS));
        assertThrows(ProtocolException.class, () -> JsonDocuments.parse("{\"a\":1} x", ProtocolLimits.DEFAULTS));
        assertThrows(ProtocolException.class, () -> JsonDocuments.parse("[".repeat(200), ProtocolLimits.DEFAULTS));
    }

    @Test
    void writesMapsInOrder() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("AppId", "app");
        m.put("n", 3L);
        m.put("list", new Object[]{true, null});
        assertEquals("{\"AppId\":\"app\",\"n\":3,\"list\":[true,null]}", JsonDocuments.write(m));
    }
}
