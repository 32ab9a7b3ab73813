package org.photonee.core.codec;

import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import org.photonee.core.codec.protocol16.CustomTypes;
import org.photonee.core.protocol.EventData;
import org.photonee.core.protocol.Message;
import org.photonee.core.protocol.OperationRequest;
import org.photonee.core.protocol.OperationResponse;
import org.photonee.core.protocol.ProtocolException;
import org.photonee.core.protocol.ProtocolLimits;

/**
 * What the Protocol16 and Protocol18 readers share: the bounds they enforce (message size, collection counts
 * against the bytes left, the slot budget that stops a small message from announcing millions of references, the
 * nesting depth), the message header both protocols lay out the same way (0xF3, the type byte, the encrypted flag),
 * strict UTF-8, and the error positions. One copy, so a limit cannot be tightened in one codec and not the other.
 * Only the bodies and the value encodings differ, in the subclasses.
 */
public abstract class BinaryMessageReader {
    /** Both protocols start a message with this byte. */
    static final int MAGIC = 0xF3;
    /** Bit of the type byte that marks an encrypted body. */
    protected static final int ENCRYPTED_FLAG = 0x80;
    static final int OPERATION_REQUEST = 2;
    static final int OPERATION_RESPONSE = 3;
    static final int EVENT = 4;
    static final int INTERNAL_OPERATION_REQUEST = 6;
    static final int INTERNAL_OPERATION_RESPONSE = 7;

    protected final byte[] data;
    protected final int start;
    protected final int end;
    protected final ProtocolLimits limits;
    protected final CustomTypes customTypes;
    protected final int maxDepth;
    protected int pos;
    protected int depth;
    /** References the message may still allocate: one per byte of input at most. */
    protected long slotBudget;
    private CharsetDecoder utf8;

    protected BinaryMessageReader(byte[] data, int offset, int length, ProtocolLimits limits,
                                  CustomTypes customTypes, int maxSupportedDepth) {
        this.data = data;
        this.start = offset;
        this.end = offset + length;
        this.pos = offset;
        this.limits = limits;
        this.customTypes = customTypes;
        this.maxDepth = Math.min(limits.maxDepth(), maxSupportedDepth);
        this.slotBudget = length;
    }

    /** Makes a reader over a byte range. */
    protected interface Factory<R> {
        R over(byte[] data, int offset, int length);
    }

    /** A reader over the remaining bytes of a buffer, without copying when the buffer is array-backed. */
    protected static <R> R over(ByteBuffer buffer, Factory<R> factory) {
        if (buffer.hasArray()) {
            return factory.over(buffer.array(), buffer.arrayOffset() + buffer.position(), buffer.remaining());
        }
        byte[] copy = new byte[buffer.remaining()];
        buffer.duplicate().get(copy);
        return factory.over(copy, 0, copy.length);
    }

    /** Reads a whole message (magic, type, body) and requires that nothing follows it. */
    public final Message readMessage() throws ProtocolException {
        if (end - start > limits.maxMessageSize()) {
            throw new ProtocolException("message of " + (end - start) + " bytes exceeds the limit of "
                    + limits.maxMessageSize());
        }
        int magic = readUnsignedByte("message header");
        if (magic != MAGIC) {
            throw error(-1, String.format("expected message header 0xF3, got 0x%02X", magic));
        }
        int type = readUnsignedByte("message type");
        if ((type & ENCRYPTED_FLAG) != 0) {
            throw error(-1, String.format("encrypted message (type 0x%02X) reached the decoder: decrypt it first"
                    + " (EncryptedFrames)", type));
        }
        Message message = switch (type) {
            case OPERATION_REQUEST -> readRequestBody(false);
            case INTERNAL_OPERATION_REQUEST -> readRequestBody(true);
            case OPERATION_RESPONSE -> readResponseBody(false);
            case INTERNAL_OPERATION_RESPONSE -> readResponseBody(true);
            case EVENT -> readEventBody();
            default -> throw error(-1, unsupportedType(type));
        };
        expectEnd();
        return message;
    }

    protected abstract OperationRequest readRequestBody(boolean internal) throws ProtocolException;

    protected abstract OperationResponse readResponseBody(boolean internal) throws ProtocolException;

    protected abstract EventData readEventBody() throws ProtocolException;

    /** Why a message type other than request, response and event is refused. */
    protected abstract String unsupportedType(int type);

    /** Fails when bytes are left over. */
    public final void expectEnd() throws ProtocolException {
        if (pos != end) {
            throw error(0, (end - pos) + " trailing bytes after the message");
        }
    }

    // ---- strings ----

    /** {@code length} bytes at {@code from} as strict UTF-8 (the bytes are known to be there). */
    protected final String decodeUtf8(int from, int length) throws ProtocolException {
        for (int i = from; i < from + length; i++) {
            if (data[i] < 0) {
                return decodeNonAscii(from, length);
            }
        }
        return new String(data, from, length, StandardCharsets.ISO_8859_1);
    }

    private String decodeNonAscii(int from, int length) throws ProtocolException {
        if (utf8 == null) {
            utf8 = StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT);
        }
        try {
            CharBuffer chars = utf8.reset().decode(ByteBuffer.wrap(data, from, length));
            return chars.toString();
        } catch (CharacterCodingException e) {
            throw errorAt(from, "invalid UTF-8 in a string of " + length + " bytes");
        }
    }

    // ---- bounds ----

    /** Checks a count of elements that are allocated as references and charges them to the slot budget. */
    protected final void checkCount(int at, long count, int minEach, String what) throws ProtocolException {
        checkPrimitiveCount(at, count, minEach, what);
        slotBudget -= count;
        if (slotBudget < 0) {
            throw errorAt(at, "the message announces more elements than it has bytes (" + what + " of " + count
                    + " elements)");
        }
    }

    /** Checks a count of elements of at least {@code minEach} bytes each against the limit and the bytes left. */
    protected final void checkPrimitiveCount(int at, long count, int minEach, String what) throws ProtocolException {
        if (count < 0) {
            throw errorAt(at, "negative " + what + " count " + count);
        }
        if (count > limits.maxCollectionLength()) {
            throw errorAt(at, what + " of " + count + " elements exceeds the limit of " + limits.maxCollectionLength());
        }
        long needed = count * minEach;
        if (needed > end - pos) {
            throw errorAt(at, what + " of " + count + " elements needs at least " + needed + " bytes, "
                    + (end - pos) + " left");
        }
    }

    /** One level deeper; the caller decrements {@link #depth} when the nested value is read. */
    protected final void enter() throws ProtocolException {
        if (++depth > maxDepth) {
            throw error(0, "values nested deeper than " + maxDepth + " levels");
        }
    }

    protected final void need(int n, String what) throws ProtocolException {
        if (n > end - pos) {
            throw error(0, "truncated " + what + ": needs " + n + " bytes, " + (end - pos) + " left");
        }
    }

    protected final byte readByte(String what) throws ProtocolException {
        need(1, what);
        return data[pos++];
    }

    protected final int readUnsignedByte(String what) throws ProtocolException {
        return readByte(what) & 0xFF;
    }

    /** An error at the current position plus {@code delta} (e.g. -1 for the byte just read). */
    protected final ProtocolException error(int delta, String message) {
        return errorAt(pos + delta, message);
    }

    protected final ProtocolException errorAt(int at, String message) {
        return new ProtocolException(message + " at offset " + (at - start));
    }
}
