package org.photonee.client;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.photonee.core.codec.protocol18.GpBinaryV18Protocol;
import org.photonee.core.codes.InternalOperationCode;
import org.photonee.core.encryption.DiffieHellmanKeyExchange;
import org.photonee.core.encryption.EncryptedFrames;
import org.photonee.core.encryption.PayloadCipher;
import org.photonee.core.peer.Connection;
import org.photonee.core.peer.SendParameters;
import org.photonee.core.peer.SendResult;
import org.photonee.core.peer.WebSocketConnector;
import org.photonee.core.protocol.EventData;
import org.photonee.core.protocol.OperationRequest;
import org.photonee.core.protocol.OperationResponse;
import org.photonee.core.protocol.Parameters;
import org.photonee.core.protocol.ProtocolLimits;
import org.photonee.core.protocol.WireFrame;
import org.photonee.core.protocol.WireProtocol;

/** The client half of payload encryption against a minimal in-test server that does the other half. */
class PhotonConnectionEncryptionTest {
    private final WireProtocol protocol = new GpBinaryV18Protocol();
    private final List<WireFrame> receivedByServer = new CopyOnWriteArrayList<>();
    private volatile PayloadCipher serverCipher;
    private volatile boolean refuseKeys;

    /** Answers InitEncryption with its public key, and echoes every other request encrypted as it came. */
    private final WebSocketConnector server = (uri, wire, listener) -> CompletableFuture.completedFuture(
            new Connection() {
                @Override
                public String id() {
                    return "enc-fake";
                }

                @Override
                public String remoteAddress() {
                    return "fake";
                }

                @Override
                public boolean isOpen() {
                    return true;
                }

                @Override
                public SendResult send(WireFrame frame, SendParameters sendParameters) {
                    receivedByServer.add(frame);
                    try {
                        boolean encrypted = EncryptedFrames.isEncrypted(frame);
                        WireFrame plain = encrypted ? EncryptedFrames.decrypt(frame, serverCipher) : frame;
                        OperationRequest r = (OperationRequest) protocol.decode(plain, ProtocolLimits.DEFAULTS);
                        OperationResponse answer;
                        if (r.internal() && r.code() == InternalOperationCode.INIT_ENCRYPTION) {
                            if (refuseKeys) {
                                answer = new OperationResponse(0, (short) -6, "no", new Parameters(), true);
                            } else {
                                DiffieHellmanKeyExchange mine = DiffieHellmanKeyExchange.create(new SecureRandom());
                                serverCipher = mine.deriveCipher((byte[]) r.parameters().get(1));
                                answer = new OperationResponse(0, (short) 0, null, Parameters.of(1, mine.publicKey()),
                                        true);
                            }
                        } else {
                            answer = OperationResponse.ok(r.code(), Parameters.of(1, "echo"));
                        }
                        WireFrame out = protocol.encode(answer);
                        WireFrame reply = encrypted ? EncryptedFrames.encrypt(out, serverCipher) : out;
                        CompletableFuture.runAsync(() -> listener.onFrame(reply));
                        return SendResult.OK;
                    } catch (Exception e) {
                        throw new AssertionError(e);
                    }
                }

                @Override
                public void close(int code, String reason) {
                    listener.onClosed(code, reason);
                }
            });

    private PhotonConnection open() throws Exception {
        ConnectionSettings s = ConnectionSettings.defaults().withConnector(server).withProtocol(protocol)
                .withOperationTimeout(Duration.ofSeconds(5)).withPingInterval(Duration.ZERO);
        return PhotonConnection.open(URI.create("ws://fake/ns"), s, new PhotonConnection.Listener() {
            @Override
            public void onEvent(EventData event) {
            }

            @Override
            public void onClosed(int code, String reason) {
            }
        }).get(5, TimeUnit.SECONDS);
    }

    @Test
    void exchangeThenEncryptedRequestAndDecryptedAnswer() throws Exception {
        PhotonConnection pc = open();
        OperationRequest auth = new OperationRequest(230, Parameters.of(225, "alice"));
        assertThrows(ExecutionException.class, () -> pc.request(auth, SendParameters.DEFAULT.withEncrypted(true))
                .get(5, TimeUnit.SECONDS), "no encrypted send before the exchange");
        assertEquals(0, receivedByServer.size(), "nothing went out unencrypted instead");

        pc.establishEncryption().get(5, TimeUnit.SECONDS);
        assertTrue(pc.isEncryptionEstablished());
        assertFalse(EncryptedFrames.isEncrypted(receivedByServer.get(0)), "the key exchange itself is plain");

        OperationResponse answer = pc.request(auth, SendParameters.DEFAULT.withEncrypted(true)).get(5,
                TimeUnit.SECONDS);
        assertTrue(EncryptedFrames.isEncrypted(receivedByServer.get(1)), "Authenticate went out encrypted");
        assertEquals("echo", answer.parameters().get(1), "the encrypted answer was decrypted");
    }

    @Test
    void aRefusedExchangeFailsWithTheServersCode() throws Exception {
        refuseKeys = true;
        PhotonConnection pc = open();
        ExecutionException e = assertThrows(ExecutionException.class,
                () -> pc.establishEncryption().get(5, TimeUnit.SECONDS));
        PhotonException cause = assertInstanceOf(PhotonException.class, e.getCause());
        assertEquals(-6, cause.returnCode());
        assertFalse(pc.isEncryptionEstablished());
    }
}
