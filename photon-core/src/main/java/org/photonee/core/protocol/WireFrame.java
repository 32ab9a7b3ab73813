package org.photonee.core.protocol;

import java.nio.ByteBuffer;
import java.util.Objects;
import java.util.function.Function;

/**
 * One WebSocket message as it travels: binary (Protocol16) or text (Json). An encoded frame may be sent to many
 * peers, so nobody modifies its bytes after creation; {@link #binary()} hands each sender its own buffer view
 * (array-backed, because WebSocket containers may read the backing array directly).
 */
public final class WireFrame {
    private final byte[] bytes;
    private final int offset;
    private final int length;
    private final String text;
    /** A transport's own encoding of this frame (see {@link #encoded}); benignly racy, like String's hash. */
    private volatile Encoded<?> encoded;

    private record Encoded<T>(Function<WireFrame, T> encoder, T value) {
    }

    private WireFrame(byte[] bytes, int offset, int length, String text) {
        this.bytes = bytes;
        this.offset = offset;
        this.length = length;
        this.text = text;
    }

    /** Wraps the array without copying; the caller hands it over and must not modify it afterwards. */
    public static WireFrame binary(byte[] data) {
        return new WireFrame(data, 0, data.length, null);
    }

    /** Copies the remaining bytes of the buffer (received frames: the container may reuse its buffer). */
    public static WireFrame binary(ByteBuffer data) {
        byte[] copy = new byte[data.remaining()];
        data.duplicate().get(copy);
        return new WireFrame(copy, 0, copy.length, null);
    }

    /**
     * Wraps the remaining bytes of an array-backed buffer without copying (copies otherwise). Only for a receiver
     * that is done with the frame before the buffer can be reused: {@code PeerBase.receive} decodes synchronously
     * and the decoders copy every value out, so the server endpoint saves one copy per received message.
     */
    public static WireFrame view(ByteBuffer data) {
        if (!data.hasArray()) {
            return binary(data);
        }
        return new WireFrame(data.array(), data.arrayOffset() + data.position(), data.remaining(), null);
    }

    public static WireFrame text(String data) {
        return new WireFrame(null, 0, 0, Objects.requireNonNull(data, "data"));
    }

    public boolean isText() {
        return text != null;
    }

    /** A fresh buffer over the bytes, positioned at the first byte. Only for binary frames; do not modify. */
    public ByteBuffer binary() {
        if (bytes == null) {
            throw new IllegalStateException("text frame has no binary payload");
        }
        return ByteBuffer.wrap(bytes, offset, length).slice();
    }

    public String text() {
        if (text == null) {
            throw new IllegalStateException("binary frame has no text payload");
        }
        return text;
    }

    /**
     * This frame as a transport writes it (e.g. the whole WebSocket frame in a direct buffer), made by
     * {@code encoder} the first time and shared by every later recipient that asks with the same encoder: a
     * broadcast encodes once, not once per receiver. The encoder must be a constant (compared by identity) and its
     * result immutable and safe to share between threads.
     */
    @SuppressWarnings("unchecked")
    public <T> T encoded(Function<WireFrame, T> encoder) {
        Encoded<?> e = encoded;
        if (e != null && e.encoder() == encoder) {
            return (T) e.value();
        }
        T value = encoder.apply(this);
        encoded = new Encoded<>(encoder, value);
        return value;
    }

    /** Bytes for a binary frame, UTF-16 code units for a text frame: what size limits are checked against. */
    public int length() {
        return text != null ? text.length() : length;
    }

    @Override
    public String toString() {
        return text != null ? "text[" + text.length() + "]" : "binary[" + length + "]";
    }
}
