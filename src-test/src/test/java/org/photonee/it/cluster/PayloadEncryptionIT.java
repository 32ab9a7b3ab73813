package org.photonee.it.cluster;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.photonee.client.ConnectionSettings;
import org.photonee.client.LoadBalancingClient;
import org.photonee.client.PhotonConnection;
import org.photonee.client.UdpConnector;
import org.photonee.core.codec.protocol18.GpBinaryV18Protocol;
import org.photonee.core.codes.OperationCode;
import org.photonee.core.codes.ParameterCode;
import org.photonee.core.peer.CloseCodes;
import org.photonee.core.peer.SendParameters;
import org.photonee.core.peer.Transport;
import org.photonee.core.protocol.EventData;
import org.photonee.core.protocol.OperationRequest;
import org.photonee.core.protocol.OperationResponse;
import org.photonee.core.protocol.Parameters;
import org.photonee.it.support.PhotonProcess;
import org.photonee.it.support.TwoPlayers;

/**
 * Payload encryption (NATIVE-PROTOCOLS.md §1.13) on a real {@code ./photon run}: the Java client does the
 * Diffie-Hellman exchange and sends Authenticate encrypted on the name server, as PUN 2 does without a token, over
 * UDP with GpBinaryV18 and over WebSocket with GpBinaryV16, then both play in one room; an encrypted message before
 * the exchange closes that connection with a reason.
 */
@Timeout(value = 5, unit = TimeUnit.MINUTES)
class PayloadEncryptionIT {
    private static final String SECRET = "enc-it-secret";
    private static final int PORT = 18960;
    private static final int NETTY_PORT = 18961;
    private static final int UDP_PORT = 17070;
    private static final Duration READY = Duration.ofSeconds(240);

    private static PhotonProcess server;
    private static final List<LoadBalancingClient> clients = new ArrayList<>();

    @BeforeAll
    static void start() throws Exception {
        server = PhotonProcess.start(PORT, NETTY_PORT, SECRET, "--udp-port", String.valueOf(UDP_PORT));
        server.awaitReady(READY);
    }

    @AfterAll
    static void stop() throws Exception {
        clients.forEach(LoadBalancingClient::close);
        if (server != null) {
            server.close();
        }
    }

    @Test
    void encryptedAuthenticationOverUdpV18AndWebSocketV16ThenBothPlay() throws Exception {
        LoadBalancingClient alice = new LoadBalancingClient("enc-it", "1.0", ConnectionSettings.defaults()
                .withConnector(UdpConnector.forPort(UDP_PORT, 2, "enc-it"))
                .withProtocol(new GpBinaryV18Protocol()));
        LoadBalancingClient bob = new LoadBalancingClient("enc-it", "1.0");
        for (LoadBalancingClient c : List.of(alice, bob)) {
            clients.add(c);
            c.setEncryptAuthentication(true);
        }
        TwoPlayers.playOneEventEachWay(server, alice, bob, "enc-room", 50, "from-udp", 51, "from-ws");
    }

    @Test
    void theNameServerAnswersAnEncryptedAuthenticateEncrypted() throws Exception {
        for (ConnectionSettings settings : List.of(ConnectionSettings.defaults(), ConnectionSettings.defaults()
                .withConnector(UdpConnector.forPort(UDP_PORT, 2, "enc-it")).withProtocol(new GpBinaryV18Protocol()))) {
            PhotonConnection ns = await(PhotonConnection.open(server.webSocket("ns", Transport.NETTY), settings,
                    new Quiet()));
            try {
                assertFalse(ns.isEncryptionEstablished());
                await(ns.establishEncryption());
                assertTrue(ns.isEncryptionEstablished());
                OperationResponse answer = await(ns.request(new OperationRequest(OperationCode.AUTHENTICATE,
                        Parameters.of(ParameterCode.APPLICATION_ID, "enc-it", ParameterCode.APP_VERSION, "1.0",
                                ParameterCode.REGION, "eu", ParameterCode.USER_ID, "carol")),
                        SendParameters.DEFAULT.withEncrypted(true)));
                assertTrue(answer.isOk(), settings.protocol().subprotocol() + ": " + answer);
                assertInstanceOf(String.class, answer.parameters().get(ParameterCode.ADDRESS),
                        "the decrypted answer carries the master address");
            } finally {
                ns.close();
            }
        }
    }

    @Test
    void anEncryptedMessageBeforeTheExchangeClosesTheConnection() throws Exception {
        URI ns = server.webSocket("ns", Transport.NETTY);
        PhotonConnection pc = await(PhotonConnection.open(ns, ConnectionSettings.defaults(), new Quiet()));
        // A frame flagged encrypted (0x82 = operation request | encrypted), 16 bytes of "ciphertext".
        byte[] frame = new byte[18];
        frame[0] = (byte) 0xF3;
        frame[1] = (byte) 0x82;
        pc.sendFrame(org.photonee.core.protocol.WireFrame.binary(frame));
        assertEquals(CloseCodes.PROTOCOL_ERROR, (int) pc.closed().get(10, TimeUnit.SECONDS));
        assertTrue(pc.closeReason().contains("before encryption was established"), pc.closeReason());
    }

    private static final class Quiet implements PhotonConnection.Listener {
        @Override
        public void onEvent(EventData event) {
        }

        @Override
        public void onClosed(int code, String reason) {
        }
    }

    private static <T> T await(CompletionStage<T> stage) throws Exception {
        return stage.toCompletableFuture().get(30, TimeUnit.SECONDS);
    }
}
