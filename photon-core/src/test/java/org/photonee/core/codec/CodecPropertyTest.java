package org.photonee.core.codec;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;
import org.photonee.core.codec.json.JsonProtocol;
import org.photonee.core.codec.protocol16.GpBinaryV16Protocol;
import org.photonee.core.codec.protocol18.GpBinaryV18Protocol;
import org.photonee.core.protocol.Message;
import org.photonee.core.protocol.ProtocolException;
import org.photonee.core.protocol.ProtocolLimits;
import org.photonee.core.protocol.WireFrame;

/** Seeded random messages survive encode → decode unchanged (equality by {@code Values.deepEquals}). */
class CodecPropertyTest {
    private static final int CASES = 5_000;

    @Test
    void protocol16RoundTrip() throws ProtocolException {
        GpBinaryV16Protocol protocol = new GpBinaryV16Protocol();
        RandomValues values = RandomValues.protocol16(16);
        for (int i = 0; i < CASES; i++) {
            Message m = values.message();
            WireFrame frame = protocol.encode(m);
            Message decoded = protocol.decode(frame, ProtocolLimits.DEFAULTS);
            int index = i;
            assertEquals(m, decoded, () -> "case " + index + ": " + m.parameters());
            // stable: what was decoded encodes to the same bytes
            assertArrayEquals(frame.binary().array(), protocol.encode(decoded).binary().array(), "case " + i);
        }
    }

    @Test
    void protocol18RoundTrip() throws ProtocolException {
        GpBinaryV18Protocol protocol = new GpBinaryV18Protocol();
        RandomValues values = RandomValues.protocol18(18);
        for (int i = 0; i < CASES; i++) {
            Message m = values.message();
            WireFrame frame = protocol.encode(m);
            Message decoded = protocol.decode(frame, ProtocolLimits.DEFAULTS);
            int index = i;
            assertEquals(m, decoded, () -> "case " + index + ": " + m.parameters());
            assertArrayEquals(frame.binary().array(), protocol.encode(decoded).binary().array(), "case " + i);
        }
    }

    @Test
    void jsonRoundTrip() throws ProtocolException {
        JsonProtocol protocol = new JsonProtocol();
        RandomValues values = RandomValues.json(42);
        for (int i = 0; i < CASES; i++) {
            Message m = values.message();
            WireFrame frame = protocol.encode(m);
            Message decoded = protocol.decode(frame, ProtocolLimits.DEFAULTS);
            int index = i;
            assertEquals(m, decoded, () -> "case " + index + ": " + frame.text());
            assertEquals(frame.text(), protocol.encode(decoded).text(), "case " + i);
        }
    }
}
