package org.photonee.core.http;

import org.junit.jupiter.api.Test;
import org.photonee.core.protocol.PhotonHashtable;
import org.photonee.core.protocol.ProtocolException;
import org.photonee.core.protocol.ProtocolLimits;

import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

class WebJsonTest {
    @Test
    void clientValuesFollowPhotonsWebMapping() {
        PhotonHashtable t = new PhotonHashtable();
        t.put((byte) 255, "room");
        t.put("score", (short) 7);
        t.put("blob", new byte[]{1, 2, 3});
        t.put("list", new int[]{1, 2});
        assertEquals("{\"255\":\"room\",\"score\":7,\"blob\":\"AQID\",\"list\":[1,2]}", WebJson.write(t));
    }

    @Test
    void answersBecomeDictionariesArraysLongsAndDoubles() throws ProtocolException {
        Object v = WebJson.parse("{\"n\":1,\"f\":1.5,\"a\":[2,{\"x\":\"y\"}],\"o\":{}}", ProtocolLimits.DEFAULTS);
        Map<?, ?> m = (Map<?, ?>) v;
        assertEquals(1L, m.get("n"));
        assertEquals(1.5, m.get("f"));
        Object[] a = (Object[]) m.get("a");
        assertEquals(2L, a[0]);
        assertEquals(Map.of("x", "y"), a[1]);
        assertEquals(Map.of(), m.get("o"));
        assertArrayEquals(new Object[]{}, (Object[]) WebJson.parse("[]", ProtocolLimits.DEFAULTS));
    }
}
