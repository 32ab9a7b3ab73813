package org.photonee.netty;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import org.photonee.core.protocol.WireFrame;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.function.Function;

/**
 * A {@link WireFrame} as the whole server-to-client WebSocket frame (RFC 6455 §5.2: FIN, opcode, unmasked length,
 * payload) in one read-only direct buffer, made once per frame and cached on it: every recipient's write is a
 * view of the same bytes, with no per-recipient copy and no per-recipient WebSocket encoding. Direct memory, so the
 * socket write does not copy it either; the JDK buffer is freed by the garbage collector once no view is left.
 */
final class SharedFrames {
    private static final int OPCODE_TEXT = 0x1;
    private static final int OPCODE_BINARY = 0x2;
    private static final int FIN = 0x80;

    /** The encoder WireFrame caches by identity. */
    static final Function<WireFrame, ByteBuffer> ENCODER = SharedFrames::encode;

    private SharedFrames() {
    }

    /** A new buffer (its own reference count) over the frame's shared encoding, for one channel write. */
    static ByteBuf forWrite(WireFrame frame) {
        return Unpooled.wrappedBuffer(frame.encoded(ENCODER).duplicate());
    }

    static ByteBuffer encode(WireFrame frame) {
        ByteBuffer payload = frame.isText()
                ? ByteBuffer.wrap(frame.text().getBytes(StandardCharsets.UTF_8)) : frame.binary();
        int length = payload.remaining();
        int header = length < 126 ? 2 : length <= 0xFFFF ? 4 : 10;
        ByteBuffer out = ByteBuffer.allocateDirect(header + length);
        out.put((byte) (FIN | (frame.isText() ? OPCODE_TEXT : OPCODE_BINARY)));
        if (length < 126) {
            out.put((byte) length);
        } else if (length <= 0xFFFF) {
            out.put((byte) 126).putShort((short) length);
        } else {
            out.put((byte) 127).putLong(length);
        }
        out.put(payload).flip();
        return out.asReadOnlyBuffer();
    }
}
