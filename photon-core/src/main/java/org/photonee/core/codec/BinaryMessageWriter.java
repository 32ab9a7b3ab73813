package org.photonee.core.codec;

import java.util.Arrays;
import org.photonee.core.codec.protocol16.CustomTypes;
import org.photonee.core.protocol.EventData;
import org.photonee.core.protocol.Message;
import org.photonee.core.protocol.OperationRequest;
import org.photonee.core.protocol.OperationResponse;
import org.photonee.core.protocol.Values;

/**
 * What the Protocol16 and Protocol18 writers share: the growing buffer (dropped on reset once one large message
 * grew it, so an idle writer does not pin it), the message header both protocols lay out the same way, and the
 * nesting depth. The bodies and value encodings are the subclasses'. Not thread-safe; keep one per thread.
 */
public abstract class BinaryMessageWriter {
    private static final int INITIAL_CAPACITY = 256;
    /** A buffer grown past this by one large message is dropped on reset. */
    private static final int RETAINED_CAPACITY = 64 * 1024;

    protected final CustomTypes customTypes;
    protected byte[] buf = new byte[INITIAL_CAPACITY];
    protected int size;
    protected int depth;

    protected BinaryMessageWriter(CustomTypes customTypes) {
        this.customTypes = customTypes;
    }

    /** Empties the writer for the next message. */
    public final void reset() {
        size = 0;
        depth = 0;
        if (buf.length > RETAINED_CAPACITY) {
            buf = new byte[INITIAL_CAPACITY];
        }
    }

    public final int size() {
        return size;
    }

    /** A copy of the bytes written so far. */
    public final byte[] toByteArray() {
        return Arrays.copyOf(buf, size);
    }

    /** Writes a whole message: {@code F3}, message type, body. */
    public final BinaryMessageWriter writeMessage(Message message) {
        writeByte(BinaryMessageReader.MAGIC);
        if (message instanceof OperationRequest r) {
            writeByte(r.internal() ? BinaryMessageReader.INTERNAL_OPERATION_REQUEST
                    : BinaryMessageReader.OPERATION_REQUEST);
            writeRequestBody(r);
        } else if (message instanceof OperationResponse r) {
            writeByte(r.internal() ? BinaryMessageReader.INTERNAL_OPERATION_RESPONSE
                    : BinaryMessageReader.OPERATION_RESPONSE);
            writeResponseBody(r);
        } else if (message instanceof EventData e) {
            writeByte(BinaryMessageReader.EVENT);
            writeEventBody(e);
        } else {
            throw new IllegalArgumentException("cannot encode message of type " + Values.typeName(message));
        }
        return this;
    }

    protected abstract void writeRequestBody(OperationRequest r);

    protected abstract void writeResponseBody(OperationResponse r);

    protected abstract void writeEventBody(EventData e);

    protected final void writeByte(int b) {
        ensure(1);
        buf[size++] = (byte) b;
    }

    /** Makes room for {@code more} bytes; long so that element count times element size cannot overflow. */
    protected final void ensure(long more) {
        if (size + more > buf.length) {
            long wanted = Math.max(buf.length * 2L, size + more);
            if (wanted > Integer.MAX_VALUE - 8) {
                throw new IllegalArgumentException("message too large to encode");
            }
            buf = Arrays.copyOf(buf, (int) wanted);
        }
    }
}
