package org.photonee.it.cluster;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.photonee.client.AuthMode;
import org.photonee.client.AuthOnceInit;
import org.photonee.client.ConnectionSettings;
import org.photonee.client.LoadBalancingClient;
import org.photonee.client.PhotonConnection;
import org.photonee.client.UdpConnector;
import org.photonee.core.auth.AesGcmTokenCodec;
import org.photonee.core.auth.TokenIssuer;
import org.photonee.core.auth.TokenSettings;
import org.photonee.core.codec.protocol18.GpBinaryV18Protocol;
import org.photonee.core.codes.OperationCode;
import org.photonee.core.codes.ParameterCode;
import org.photonee.core.codes.ReturnCode;
import org.photonee.core.peer.SendParameters;
import org.photonee.core.peer.Transport;
import org.photonee.core.protocol.EventData;
import org.photonee.core.protocol.OperationRequest;
import org.photonee.core.protocol.OperationResponse;
import org.photonee.core.protocol.Parameters;
import org.photonee.it.support.PhotonProcess;
import org.photonee.it.support.TwoPlayers;

/**
 * AuthOnce (AUTH.md §1.5) on a real {@code ./photon run}: the Java client over UDP with GpBinaryV18 authenticates
 * once on the name server (after Diffie-Hellman), then reaches master and game server with the token in the UDP
 * init and payload encryption keyed by the name server's secret; it plays with a WebSocket client. Tampered and
 * expired tokens in the init get the op-231 error and the connection closes.
 */
@Timeout(value = 5, unit = TimeUnit.MINUTES)
class AuthOnceIT {
    private static final String SECRET = "authonce-it-secret";
    private static final String APP = "authonce-it";
    private static final int PORT = 18970;
    private static final int NETTY_PORT = 18971;
    private static final int UDP_PORT = 17090;
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

    private static ConnectionSettings udp() {
        return ConnectionSettings.defaults().withConnector(UdpConnector.forPort(UDP_PORT, 2, APP))
                .withProtocol(new GpBinaryV18Protocol());
    }

    @Test
    void authOnceOverUdpV18GoesNameServerMasterGameServerAndPlaysWithAWebSocketClient() throws Exception {
        LoadBalancingClient alice = new LoadBalancingClient(APP, "1.0", udp());
        alice.setAuthMode(AuthMode.AuthOnce);
        LoadBalancingClient bob = new LoadBalancingClient(APP, "1.0");
        clients.add(alice);
        clients.add(bob);
        TwoPlayers.playOneEventEachWay(server, alice, bob, "once-room", 60, "from-authonce", 61, "from-ws");
    }

    /** AuthOnce on the name server by hand: token, secret and the master's UDP address. */
    private record Login(String token, byte[] secret, URI master) {
    }

    private static Login authOnce(String user) throws Exception {
        PhotonConnection ns = await(PhotonConnection.open(server.webSocket("ns", Transport.NETTY), udp(),
                new Quiet()));
        try {
            await(ns.establishEncryption());
            OperationResponse r = await(ns.request(new OperationRequest(OperationCode.AUTH_ONCE,
                    Parameters.of(ParameterCode.APPLICATION_ID, APP, ParameterCode.APP_VERSION, "1.0",
                            ParameterCode.REGION, "eu", ParameterCode.USER_ID, user,
                            ParameterCode.ENCRYPTION_MODE, (byte) 0)), SendParameters.DEFAULT.withEncrypted(true)));
            assertTrue(r.isOk(), r.toString());
            Map<?, ?> data = (Map<?, ?>) r.parameters().get(ParameterCode.ENCRYPTION_DATA);
            byte[] secret = assertInstanceOf(byte[].class, data.get((byte) 1));
            String address = (String) r.parameters().get(ParameterCode.ADDRESS);
            return new Login((String) r.parameters().get(ParameterCode.TOKEN), secret, URI.create("udp://" + address));
        } finally {
            ns.close();
        }
    }

    @Test
    void theMasterEncryptsWithTheTokensSecretWithoutAKeyExchange() throws Exception {
        Login login = authOnce("carol");
        AuthOnceInit init = new AuthOnceInit(login.token(), login.secret());
        PhotonConnection master = await(PhotonConnection.openWithToken(login.master(), udp(), new Quiet(), init));
        try {
            OperationResponse answer = await(init.answer(10_000));
            assertEquals(OperationCode.AUTH_ONCE, answer.code());
            assertTrue(answer.isOk(), answer.toString());
            assertInstanceOf(String.class, answer.parameters().get(ParameterCode.TOKEN), "a renewed token");
            OperationResponse lobby = await(master.request(new OperationRequest(OperationCode.JOIN_LOBBY),
                    SendParameters.DEFAULT.withEncrypted(true)));
            assertTrue(lobby.isOk(), "an encrypted operation is understood: " + lobby);
        } finally {
            master.close();
        }
    }

    @Test
    void tamperedAndExpiredTokensInTheInitGetTheAuthOnceErrorAndAreDisconnected() throws Exception {
        Login login = authOnce("dave");
        String t = login.token();
        int i = t.length() / 2;
        String tampered = t.substring(0, i) + (t.charAt(i) == 'A' ? 'B' : 'A') + t.substring(i + 1);
        long past = System.currentTimeMillis() - 7_200_000;
        TokenIssuer yesterday = new TokenIssuer(new AesGcmTokenCodec(SECRET, () -> past), TokenSettings.DEFAULTS,
                () -> past);
        String expired = yesterday.encode(yesterday.issue("dave", APP, "1.0", Map.of())
                .withEncryptionSecret(login.secret()));
        for (var c : List.of(Map.entry(tampered, ReturnCode.INVALID_AUTHENTICATION),
                Map.entry(expired, ReturnCode.AUTHENTICATION_TOKEN_EXPIRED))) {
            AuthOnceInit init = new AuthOnceInit(c.getKey(), login.secret());
            PhotonConnection master = await(PhotonConnection.openWithToken(login.master(), udp(), new Quiet(), init));
            OperationResponse answer = await(init.answer(10_000));
            assertEquals(OperationCode.AUTH_ONCE, answer.code());
            assertEquals(c.getValue(), answer.returnCode(), answer.toString());
            master.closed().get(10, TimeUnit.SECONDS);
        }
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
