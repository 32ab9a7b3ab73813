package org.photonee.client.bench;

import java.nio.ByteBuffer;
import org.photonee.core.codec.protocol16.GpBinaryV16Protocol;
import org.photonee.core.codes.OperationCode;
import org.photonee.core.codes.ParameterCode;
import org.photonee.core.codes.ReceiverGroup;
import org.photonee.core.protocol.EventData;
import org.photonee.core.protocol.OperationRequest;
import org.photonee.core.protocol.Parameters;
import org.photonee.core.protocol.WireFrame;

/**
 * The benchmark message on the wire, without the codec in the hot path.
 *
 * <p>Sending: the RaiseEvent (code, ReceiverGroup.All, 64-byte payload) is encoded once; each send copies that
 * template and patches sender index, sequence and send time into the payload (BENCHMARK.md: bytes 0-3, 4-7, 8-15,
 * rest zero). One small array per message, no encoding.
 *
 * <p>Receiving: {@link #parse} walks the event's parameter table in place to find the payload; anything it does
 * not recognise is left to the normal decoder.
 */
final class RelayFrames {
    static final int PAYLOAD_BYTES = 64;
    private static final int MAGIC = 0xF3;
    private static final int EVENT = 4;
    private static final int TYPE_BYTE_ARRAY = 'x';

    private final byte[] template;
    private final int payloadOffset;
    private final int eventCode;

    RelayFrames(int eventCode) {
        this(eventCode, false);
    }

    /**
     * @param asEvent false: frames are the RaiseEvent request a client sends to the server; true: frames are already
     *                the event the server would relay (actor number + payload), which is what the bare relay
     *                ceiling gets sent, since it relays bytes unchanged and {@link #parse} reads events
     */
    RelayFrames(int eventCode, boolean asEvent) {
        this.eventCode = eventCode;
        ByteBuffer encoded;
        if (asEvent) {
            Parameters p = new Parameters(2);
            p.put(ParameterCode.ACTOR_NR, 1);
            p.put(ParameterCode.DATA, new byte[PAYLOAD_BYTES]); // last, so the payload ends the frame
            encoded = new GpBinaryV16Protocol().encode(new EventData(eventCode, p)).binary();
        } else {
            Parameters p = new Parameters(3);
            p.put(ParameterCode.CODE, (byte) eventCode);
            p.put(ParameterCode.RECEIVER_GROUP, (byte) ReceiverGroup.ALL);
            p.put(ParameterCode.DATA, new byte[PAYLOAD_BYTES]); // last, so the payload ends the frame
            encoded = new GpBinaryV16Protocol().encode(new OperationRequest(OperationCode.RAISE_EVENT, p)).binary();
        }
        template = new byte[encoded.remaining()];
        encoded.get(template);
        payloadOffset = template.length - PAYLOAD_BYTES;
        // Guard the layout assumption: 'x' type byte and an i32 length of 64 right before the payload.
        if (template[payloadOffset - 5] != TYPE_BYTE_ARRAY || readInt(template, payloadOffset - 4) != PAYLOAD_BYTES) {
            throw new IllegalStateException("unexpected RaiseEvent layout");
        }
    }

    int eventCode() {
        return eventCode;
    }

    /** A fresh frame for one message; the array is handed to the transport and never touched again. */
    WireFrame frame(int senderIndex, int sequence, long sendNanos) {
        byte[] f = template.clone();
        writeInt(f, payloadOffset, senderIndex);
        writeInt(f, payloadOffset + 4, sequence);
        writeLong(f, payloadOffset + 8, sendNanos);
        return WireFrame.binary(f);
    }

    /** What {@link #parse} found; reused per receiving call site to stay allocation-free. */
    static final class Received {
        int senderIndex;
        int sequence;
        long sendNanos;
    }

    /**
     * Reads a relayed benchmark event straight from the frame. Returns false when the frame is not a benchmark event
     * (or has a shape this reader does not know), in which case the caller decodes it normally.
     */
    boolean parse(ByteBuffer b, Received out) {
        int p = b.position();
        int end = b.limit();
        if (end - p < 5 || (b.get(p) & 0xFF) != MAGIC || b.get(p + 1) != EVENT || (b.get(p + 2) & 0xFF) != eventCode) {
            return false;
        }
        int count = b.getShort(p + 3);
        int i = p + 5;
        for (int n = 0; n < count; n++) {
            if (i + 2 > end) {
                return false;
            }
            int key = b.get(i) & 0xFF;
            int type = b.get(i + 1) & 0xFF;
            i += 2;
            if (key == ParameterCode.DATA && type == TYPE_BYTE_ARRAY) {
                if (i + 4 > end) {
                    return false;
                }
                int len = b.getInt(i);
                i += 4;
                if (len < 16 || i + len > end) {
                    return false;
                }
                out.senderIndex = b.getInt(i);
                out.sequence = b.getInt(i + 4);
                out.sendNanos = b.getLong(i + 8);
                return true;
            }
            int skip = skip(b, i, type, end);
            if (skip < 0) {
                return false;
            }
            i += skip;
        }
        return false;
    }

    /** Size of a simple value of the given type at position i, or -1 for types this reader does not walk. */
    private static int skip(ByteBuffer b, int i, int type, int end) {
        switch (type) {
            case '*':
                return 0;
            case 'b':
            case 'o':
                return 1;
            case 'k':
                return 2;
            case 'i':
            case 'f':
                return 4;
            case 'l':
            case 'd':
                return 8;
            case 's':
                return i + 2 <= end ? 2 + (b.getShort(i) & 0xFFFF) : -1;
            case 'x':
                return i + 4 <= end ? 4 + b.getInt(i) : -1;
            case 'n':
                return i + 4 <= end ? 4 + 4 * b.getInt(i) : -1;
            default:
                return -1;
        }
    }

    private static int readInt(byte[] a, int o) {
        return ((a[o] & 0xFF) << 24) | ((a[o + 1] & 0xFF) << 16) | ((a[o + 2] & 0xFF) << 8) | (a[o + 3] & 0xFF);
    }

    private static void writeInt(byte[] a, int o, int v) {
        a[o] = (byte) (v >>> 24);
        a[o + 1] = (byte) (v >>> 16);
        a[o + 2] = (byte) (v >>> 8);
        a[o + 3] = (byte) v;
    }

    private static void writeLong(byte[] a, int o, long v) {
        writeInt(a, o, (int) (v >>> 32));
        writeInt(a, o + 4, (int) v);
    }
}
