package org.photonee.core.protocol;

import java.nio.ByteBuffer;
import java.util.Objects;

/**
 * One WebSocket message as it travels: binary (Protocol16) or text (Json). An encoded frame is immutable and may be
 * sent to many peers; {@link #binary()} hands each sender its own read-only view.
 */
public final class WireFrame {
    private final ByteBuffer bytes;
    private final String text;

    private WireFrame(ByteBuffer bytes, String text) {
        this.bytes = bytes;
        this.text = text;
    }

    public static WireFrame binary(byte[] data) {
        return new WireFrame(ByteBuffer.wrap(data).asReadOnlyBuffer(), null);
    }

    public static WireFrame binary(ByteBuffer data) {
        return new WireFrame(data.slice().asReadOnlyBuffer(), null);
    }

    public static WireFrame text(String data) {
        return new WireFrame(null, Objects.requireNonNull(data, "data"));
    }

    public boolean isText() {
        return text != null;
    }

    /** A fresh read-only view of the bytes, positioned at 0. Only for binary frames. */
    public ByteBuffer binary() {
        if (bytes == null) {
            throw new IllegalStateException("text frame has no binary payload");
        }
        return bytes.duplicate();
    }

    public String text() {
        if (text == null) {
            throw new IllegalStateException("binary frame has no text payload");
        }
        return text;
    }

    /** Bytes for a binary frame, UTF-16 code units for a text frame: what size limits are checked against. */
    public int length() {
        return text != null ? text.length() : bytes.remaining();
    }

    @Override
    public String toString() {
        return text != null ? "text[" + text.length() + "]" : "binary[" + bytes.remaining() + "]";
    }
}
