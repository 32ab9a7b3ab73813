package org.photonee.core.protocol;

import org.junit.jupiter.api.Test;

import java.nio.ByteBuffer;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

class WireFrameTest {
    private static byte[] bytes(WireFrame f) {
        ByteBuffer b = f.binary();
        byte[] out = new byte[b.remaining()];
        b.get(out);
        return out;
    }

    @Test
    void viewSharesTheArrayOfAPositionedHeapBuffer() {
        byte[] backing = {9, 9, 1, 2, 3, 9};
        ByteBuffer buffer = ByteBuffer.wrap(backing, 2, 3);
        WireFrame view = WireFrame.view(buffer);
        assertArrayEquals(new byte[]{1, 2, 3}, bytes(view));
        assertEquals(3, view.length());
        backing[2] = 7; // shared, not copied
        assertEquals(7, bytes(view)[0]);
    }

    @Test
    void viewCopiesADirectBufferAndBinaryAlwaysCopies() {
        ByteBuffer direct = ByteBuffer.allocateDirect(3).put(new byte[]{4, 5, 6}).flip();
        assertArrayEquals(new byte[]{4, 5, 6}, bytes(WireFrame.view(direct)));
        byte[] backing = {1, 2};
        WireFrame copy = WireFrame.binary(ByteBuffer.wrap(backing));
        backing[0] = 8;
        assertEquals(1, bytes(copy)[0]);
    }
}
