package org.photonee.core.peer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.security.SecureRandom;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.photonee.core.codec.protocol16.GpBinaryV16Protocol;
import org.photonee.core.codec.protocol18.GpBinaryV18Protocol;
import org.photonee.core.codes.InternalOperationCode;
import org.photonee.core.codes.ReturnCode;
import org.photonee.core.encryption.DiffieHellmanKeyExchange;
import org.photonee.core.encryption.EncryptedFrames;
import org.photonee.core.encryption.PayloadCipher;
import org.photonee.core.fiber.ManualFiber;
import org.photonee.core.protocol.EventData;
import org.photonee.core.protocol.Message;
import org.photonee.core.protocol.OperationRequest;
import org.photonee.core.protocol.OperationResponse;
import org.photonee.core.protocol.Parameters;
import org.photonee.core.protocol.ProtocolLimits;
import org.photonee.core.protocol.WireFrame;
import org.photonee.core.protocol.WireProtocol;
import org.photonee.core.testing.MessageProtocol;

/** The InitEncryption exchange and encrypted traffic through {@link PeerBase}, for both binary protocols. */
class PeerEncryptionTest {
    private final ManualFiber fiber = new ManualFiber();
    private InMemoryConnection connection;
    private PeerBaseTest.RecordingPeer peer;
    private WireProtocol protocol;

    static Stream<WireProtocol> protocols() {
        return Stream.of(new GpBinaryV16Protocol(), new GpBinaryV18Protocol());
    }

    private void connect(WireProtocol p) {
        protocol = p;
        connection = new InMemoryConnection("c1", new MessageProtocol("unused"));
        PeerEnvironment env = new PeerEnvironment(name -> fiber, PeerSettings.DEFAULTS, ExceptionHandler.DEFAULT);
        peer = new PeerBaseTest.RecordingPeer(new InitRequest(connection, p, "game", "app", "1.0", null), env);
    }

    private Message sentMessage(int index, PayloadCipher cipher) throws Exception {
        WireFrame frame = connection.sent.get(index);
        if (EncryptedFrames.isEncrypted(frame)) {
            frame = EncryptedFrames.decrypt(frame, cipher);
        }
        return protocol.decode(frame, ProtocolLimits.DEFAULTS);
    }

    /** Runs the client side of the exchange against the peer; returns the client's cipher. */
    private PayloadCipher exchange() throws Exception {
        DiffieHellmanKeyExchange client = DiffieHellmanKeyExchange.create(new SecureRandom());
        peer.receive(protocol.encode(new OperationRequest(InternalOperationCode.INIT_ENCRYPTION,
                Parameters.of(InternalOperationCode.INIT_ENCRYPTION_PUBLIC_KEY, client.publicKey()), true)));
        fiber.runPending();
        int last = connection.sent.size() - 1;
        assertFalse(EncryptedFrames.isEncrypted(connection.sent.get(last)), "the exchange answer is plain");
        OperationResponse answer = assertInstanceOf(OperationResponse.class, sentMessage(last, null));
        assertTrue(answer.internal());
        assertEquals(InternalOperationCode.INIT_ENCRYPTION, answer.code());
        assertEquals(ReturnCode.OK, answer.returnCode());
        byte[] serverKey = assertInstanceOf(byte[].class,
                answer.parameters().get(InternalOperationCode.INIT_ENCRYPTION_PUBLIC_KEY));
        assertTrue(peer.isEncryptionEstablished());
        return client.deriveCipher(serverKey);
    }

    @ParameterizedTest
    @MethodSource("protocols")
    void encryptedRequestIsDecodedAndAnsweredEncrypted(WireProtocol p) throws Exception {
        connect(p);
        PayloadCipher cipher = exchange();
        OperationRequest auth = new OperationRequest(230, Parameters.of(220, "app-id", 225, "user"));
        peer.receive(EncryptedFrames.encrypt(protocol.encode(auth), cipher));
        fiber.runPending();

        assertNull(connection.closeCode);
        assertEquals(1, peer.requests.size());
        assertEquals("user", peer.requests.get(0).parameters().get(225));
        WireFrame answer = connection.sent.get(1);
        assertTrue(EncryptedFrames.isEncrypted(answer), "the answer to an encrypted request is encrypted");
        OperationResponse response = assertInstanceOf(OperationResponse.class, sentMessage(1, cipher));
        assertEquals(230, response.code());
    }

    @ParameterizedTest
    @MethodSource("protocols")
    void plainRequestsStillWorkAndGetPlainAnswersAfterTheExchange(WireProtocol p) throws Exception {
        connect(p);
        exchange();
        peer.receive(protocol.encode(new OperationRequest(226)));
        fiber.runPending();
        assertFalse(EncryptedFrames.isEncrypted(connection.sent.get(1)));
        assertEquals(226, ((OperationResponse) sentMessage(1, null)).code());
    }

    @ParameterizedTest
    @MethodSource("protocols")
    void eventsSentEncryptedNeedTheKey(WireProtocol p) throws Exception {
        connect(p);
        EventData event = new EventData(200, Parameters.of(245, "secret"));
        SendParameters encrypted = SendParameters.DEFAULT.withEncrypted(true);
        assertEquals(SendResult.ENCRYPTION_NOT_SUPPORTED, peer.sendEvent(event, encrypted));
        PayloadCipher cipher = exchange();
        assertEquals(SendResult.OK, peer.sendEvent(event, encrypted));
        EventData back = assertInstanceOf(EventData.class, sentMessage(connection.sent.size() - 1, cipher));
        assertEquals("secret", back.parameters().get(245));
    }

    @ParameterizedTest
    @MethodSource("protocols")
    void encryptedMessageBeforeTheExchangeDisconnects(WireProtocol p) throws Exception {
        connect(p);
        PayloadCipher someKey = new PayloadCipher(new byte[32]);
        peer.receive(EncryptedFrames.encrypt(protocol.encode(new OperationRequest(230)), someKey));
        fiber.runPending();
        assertEquals(CloseCodes.PROTOCOL_ERROR, connection.closeCode);
        assertEquals("Encrypted message before encryption was established (InitEncryption)",
                connection.closeReason);
        assertTrue(peer.requests.isEmpty());
    }

    @ParameterizedTest
    @MethodSource("protocols")
    void undecryptableMessagesDisconnectOnlyThisPeer(WireProtocol p) throws Exception {
        connect(p);
        exchange();
        InMemoryConnection first = connection;
        PeerBaseTest.RecordingPeer firstPeer = peer;
        // Ciphertext of a length that is no multiple of the block size.
        firstPeer.receive(WireFrame.binary(new byte[] {(byte) 0xF3, (byte) 0x82, 1, 2, 3}));
        fiber.runPending();
        assertEquals(CloseCodes.INVALID_PAYLOAD, first.closeCode);
        assertTrue(first.closeReason.startsWith("Undecryptable message: "), first.closeReason);

        // A second peer with a key: a message under the wrong key fails its padding check (or, in ~1/256 cases,
        // decodes to garbage the codec rejects); either way that peer alone is closed.
        connect(p);
        exchange();
        PayloadCipher wrong = new PayloadCipher(new byte[32]);
        byte[] body = new byte[64];
        WireFrame bad = EncryptedFrames.encrypt(WireFrame.binary(withHeader(body)), wrong);
        peer.receive(bad);
        fiber.runPending();
        assertEquals(CloseCodes.INVALID_PAYLOAD, connection.closeCode);
        assertEquals(List.of(), peer.requests);
    }

    @ParameterizedTest
    @MethodSource("protocols")
    void badPublicKeysAreRefusedWithAReturnCodeAndNoKey(WireProtocol p) throws Exception {
        connect(p);
        peer.receive(protocol.encode(new OperationRequest(InternalOperationCode.INIT_ENCRYPTION,
                Parameters.of(InternalOperationCode.INIT_ENCRYPTION_PUBLIC_KEY, new byte[] {1}), true)));
        peer.receive(protocol.encode(new OperationRequest(InternalOperationCode.INIT_ENCRYPTION,
                Parameters.of(InternalOperationCode.INIT_ENCRYPTION_PUBLIC_KEY, "not bytes"), true)));
        fiber.runPending();
        for (int i = 0; i < 2; i++) {
            OperationResponse r = (OperationResponse) sentMessage(i, null);
            assertEquals(ReturnCode.INVALID_REQUEST_PARAMETERS, r.returnCode());
            assertTrue(r.debugMessage() != null && !r.debugMessage().isEmpty());
        }
        assertFalse(peer.isEncryptionEstablished());
        assertNull(connection.closeCode, "a refused exchange does not disconnect");
    }

    @ParameterizedTest
    @MethodSource("protocols")
    void aSecondExchangeIsRefusedAndTheFirstKeyStays(WireProtocol p) throws Exception {
        connect(p);
        PayloadCipher cipher = exchange();
        peer.receive(protocol.encode(new OperationRequest(InternalOperationCode.INIT_ENCRYPTION,
                Parameters.of(InternalOperationCode.INIT_ENCRYPTION_PUBLIC_KEY,
                        DiffieHellmanKeyExchange.create(new SecureRandom()).publicKey()), true)));
        fiber.runPending();
        assertEquals(ReturnCode.OPERATION_INVALID, ((OperationResponse) sentMessage(1, null)).returnCode());
        peer.receive(EncryptedFrames.encrypt(protocol.encode(new OperationRequest(230)), cipher));
        fiber.runPending();
        assertEquals(230, ((OperationResponse) sentMessage(2, cipher)).code());
    }

    private static byte[] withHeader(byte[] body) {
        byte[] out = new byte[body.length + 2];
        out[0] = (byte) 0xF3;
        out[1] = 2;
        System.arraycopy(body, 0, out, 2, body.length);
        return out;
    }
}
