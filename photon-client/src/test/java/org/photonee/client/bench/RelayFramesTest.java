package org.photonee.client.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.ByteBuffer;
import org.junit.jupiter.api.Test;
import org.photonee.core.codec.protocol16.GpBinaryV16Protocol;
import org.photonee.core.codes.OperationCode;
import org.photonee.core.codes.ParameterCode;
import org.photonee.core.protocol.EventData;
import org.photonee.core.protocol.OperationRequest;
import org.photonee.core.protocol.Parameters;
import org.photonee.core.protocol.ProtocolLimits;

class RelayFramesTest {
    private final GpBinaryV16Protocol p16 = new GpBinaryV16Protocol();
    private final RelayFrames frames = new RelayFrames(1);

    @Test
    void patchedFrameIsAValidRaiseEventWithThePayloadLayout() throws Exception {
        OperationRequest r = (OperationRequest) p16.decode(frames.frame(7, 42, 0x0102030405060708L),
                ProtocolLimits.DEFAULTS);
        assertEquals(OperationCode.RAISE_EVENT, r.code());
        assertEquals((byte) 1, r.parameters().get(ParameterCode.CODE));
        assertEquals((byte) 1, r.parameters().get(ParameterCode.RECEIVER_GROUP)); // ReceiverGroup.All
        byte[] payload = (byte[]) r.parameters().get(ParameterCode.DATA);
        assertEquals(64, payload.length);
        ByteBuffer b = ByteBuffer.wrap(payload);
        assertEquals(7, b.getInt(0));
        assertEquals(42, b.getInt(4));
        assertEquals(0x0102030405060708L, b.getLong(8));
        for (int i = 16; i < 64; i++) {
            assertEquals(0, payload[i]);
        }
    }

    @Test
    void ceilingFramesAreEventsThatParseBackToWhatWasPatchedIn() throws Exception {
        RelayFrames ceiling = new RelayFrames(1, true);
        var frame = ceiling.frame(5, 6, 777L);
        EventData e = (EventData) p16.decode(frame, ProtocolLimits.DEFAULTS);
        assertEquals(1, e.code());
        assertEquals(64, ((byte[]) e.parameters().get(ParameterCode.DATA)).length);
        RelayFrames.Received out = new RelayFrames.Received();
        assertTrue(ceiling.parse(ceiling.frame(5, 6, 777L).binary(), out));
        assertEquals(5, out.senderIndex);
        assertEquals(6, out.sequence);
        assertEquals(777L, out.sendNanos);
    }

    @Test
    void relayedEventIsReadInPlaceWhateverTheParameterOrder() {
        byte[] payload = ByteBuffer.allocate(64).putInt(3).putInt(9).putLong(123456789L).array();
        RelayFrames.Received out = new RelayFrames.Received();
        EventData actorFirst = new EventData(1, Parameters.of(ParameterCode.ACTOR_NR, 4, ParameterCode.DATA, payload));
        assertTrue(frames.parse(p16.encode(actorFirst).binary(), out));
        assertEquals(3, out.senderIndex);
        assertEquals(9, out.sequence);
        assertEquals(123456789L, out.sendNanos);

        EventData dataFirst = new EventData(1, Parameters.of(ParameterCode.DATA, payload, ParameterCode.ACTOR_NR, 4,
                0, "extra"));
        assertTrue(frames.parse(p16.encode(dataFirst).binary(), new RelayFrames.Received()));
    }

    @Test
    void otherMessagesAreLeftToTheDecoder() {
        RelayFrames.Received out = new RelayFrames.Received();
        assertFalse(frames.parse(p16.encode(new EventData(2, Parameters.of(ParameterCode.DATA, new byte[64])))
                .binary(), out));
        assertFalse(frames.parse(p16.encode(new EventData(255, Parameters.of(ParameterCode.ACTOR_NR, 1))).binary(),
                out));
        assertFalse(frames.parse(p16.encode(new EventData(1, Parameters.of(ParameterCode.ACTORS, new int[][] {{1}},
                ParameterCode.DATA, new byte[64]))).binary(), out));
        assertFalse(frames.parse(ByteBuffer.wrap(new byte[] {(byte) 0xF3, 4}), out));
    }
}
