package org.photonee.netty;

import org.junit.jupiter.api.Test;
import org.photonee.core.protocol.WireFrame;

import java.nio.ByteBuffer;
import java.util.Arrays;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Golden bytes of server frames (RFC 6455 §5.2: FIN + opcode, unmasked length in 7, 7+16 or 7+64 bits). */
class SharedFramesTest {
    @Test
    void shortBinaryFrame() {
        assertArrayEquals(new byte[]{(byte) 0x82, 3, 1, 2, 3}, bytes(WireFrame.binary(new byte[]{1, 2, 3})));
    }

    @Test
    void textFrameIsUtf8() {
        assertArrayEquals(new byte[]{(byte) 0x81, 4, 'a', (byte) 0xC3, (byte) 0xA9, 'z'},
                bytes(WireFrame.text("a\u00e9z")));
    }

    @Test
    void mediumLengthUsesSixteenBits() {
        byte[] out = bytes(WireFrame.binary(new byte[300]));
        assertEquals(4 + 300, out.length);
        assertArrayEquals(new byte[]{(byte) 0x82, 126, 0x01, 0x2C}, Arrays.copyOf(out, 4));
    }

    @Test
    void boundaryLengths() {
        assertEquals(2 + 125, bytes(WireFrame.binary(new byte[125])).length);
        byte[] at126 = bytes(WireFrame.binary(new byte[126]));
        assertEquals(126, at126[1]);
        byte[] at65535 = bytes(WireFrame.binary(new byte[65535]));
        assertEquals(4 + 65535, at65535.length);
    }

    @Test
    void longLengthUsesSixtyFourBits() {
        byte[] out = bytes(WireFrame.binary(new byte[70_000]));
        assertEquals(10 + 70_000, out.length);
        assertArrayEquals(new byte[]{(byte) 0x82, 127, 0, 0, 0, 0, 0, 0x01, 0x11, 0x70}, Arrays.copyOf(out, 10));
    }

    @Test
    void encodedOnceAndSharedReadOnlyDirect() {
        WireFrame frame = WireFrame.binary(new byte[64]);
        ByteBuffer first = frame.encoded(SharedFrames.ENCODER);
        assertSame(first, frame.encoded(SharedFrames.ENCODER));
        assertTrue(first.isDirect());
        assertTrue(first.isReadOnly());
        // Each write gets its own view: reading one does not move another.
        var a = SharedFrames.forWrite(frame);
        var b = SharedFrames.forWrite(frame);
        a.skipBytes(10);
        assertEquals(66, b.readableBytes());
        assertTrue(a.release());
        assertEquals(66, SharedFrames.forWrite(frame).readableBytes());
    }

    private static byte[] bytes(WireFrame frame) {
        ByteBuffer b = SharedFrames.encode(frame);
        byte[] out = new byte[b.remaining()];
        b.get(out);
        return out;
    }
}
