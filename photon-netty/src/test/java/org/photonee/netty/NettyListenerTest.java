package org.photonee.netty;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.photonee.core.codec.protocol16.GpBinaryV16Protocol;
import org.photonee.core.codec.protocol18.GpBinaryV18Protocol;
import org.photonee.core.config.NettySettings;
import org.photonee.core.peer.CloseCodes;
import org.photonee.core.peer.InitRequest;
import org.photonee.core.peer.Transport;
import org.photonee.core.protocol.OperationRequest;
import org.photonee.core.protocol.OperationResponse;
import org.photonee.core.protocol.Parameters;
import org.photonee.core.protocol.WireFrame;

import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.WebSocketHandshakeException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executors;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The listener over real loopback sockets with a stub role: the same contract as the container endpoints (URL
 * forms, negotiation and refusal, limits and close codes), health, and bad HTTP answered and closed.
 */
class NettyListenerTest {
    private static final GpBinaryV16Protocol BINARY = new GpBinaryV16Protocol();
    private static final HttpClient HTTP = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
    private static EchoApplication ns;
    private static EchoApplication stopped;
    private static NettyListener listener;

    @BeforeAll
    static void start() {
        ns = EchoApplication.started();
        stopped = EchoApplication.started();
        stopped.shutdown();
        NettySettings settings = new NettySettings(0, "127.0.0.1", 1, null, null, null, null, null, null, true);
        listener = new NettyListener(settings, role -> switch (role) {
            case "ns" -> ns;
            case "master" -> stopped;
            default -> null;
        }, Executors.defaultThreadFactory(), () -> new HealthCheck.Status(true, "{\"status\":\"UP\"}")).start();
    }

    @AfterAll
    static void stop() {
        listener.stop();
        ns.shutdown();
    }

    private static URI ws(String path) {
        return URI.create("ws://127.0.0.1:" + listener.localPort() + "/photon/" + path);
    }

    private static TestSocket open(String path, String subprotocol) throws Exception {
        return new TestSocket(HTTP, ws(path), subprotocol);
    }

    @Test
    void binaryClientQueryFormReachesTheRoleWithItsParameters() throws Exception {
        try (TestSocket client = open("ns/?libversion=4.1.6.0&sid=30&app=my-app", "GpBinaryV16")) {
            assertEquals("GpBinaryV16", client.subprotocol());
            assertPingAnswered(client);
            client.send(BINARY, new OperationRequest(7, Parameters.of((byte) 5, "hello")));
            OperationResponse echo = assertInstanceOf(OperationResponse.class, client.next(BINARY));
            assertEquals("hello", echo.parameters().get(5));
            InitRequest init = ns.connected.get(ns.connected.size() - 1);
            assertEquals("ns", init.endpoint());
            assertEquals("my-app", init.applicationId());
            assertEquals("4.1.6.0", init.clientVersion());
            assertEquals("30", init.query().get("sid"));
            assertEquals(Transport.NETTY, init.connection().transport());
            // photon.netty.fibersOnEventLoops (default): the peer's and its rooms' fibers are homed on the loop.
            assertInstanceOf(io.netty.channel.EventLoop.class, init.connection().ioExecutor());
        }
    }

    @Test
    void jsonClientGetsSessionFrameThenPingReply() throws Exception {
        try (TestSocket client = open("ns/my-app-id?libversion=4.4.0", "Json")) {
            assertEquals("Json", client.subprotocol());
            WireFrame greeting = client.nextFrame();
            assertTrue(greeting.isText() && greeting.text().startsWith("~m~"), greeting.toString());
            client.sendText("{\"irq\":1,\"vals\":[1,49]}");
            String reply = client.nextFrame().text();
            assertTrue(reply.contains("\"irs\":1"), reply);
            assertEquals("my-app-id", ns.connected.get(ns.connected.size() - 1).applicationId());
        }
    }

    @Test
    void serverPreferenceWinsWhenBothAreOffered() throws Exception {
        try (TestSocket client = new TestSocket(HTTP, ws("ns"), "Json", "GpBinaryV16")) {
            assertEquals("GpBinaryV16", client.subprotocol());
        }
    }

    @Test
    void gpBinaryV18IsPreferredEchoedAndSpoken() throws Exception {
        GpBinaryV18Protocol v18 = new GpBinaryV18Protocol();
        try (TestSocket client = new TestSocket(HTTP, ws("ns/?libversion=4.1.8.0&app=my-app"), "GpBinaryV16",
                "GpBinaryV18")) {
            assertEquals("GpBinaryV18", client.subprotocol());
            client.send(v18, new OperationRequest(1, Parameters.of((byte) 1, 1234), true));
            OperationResponse pong = assertInstanceOf(OperationResponse.class, client.next(v18));
            assertTrue(pong.internal() && pong.code() == 1, pong.toString());
            assertEquals(1234, pong.parameters().get(1));
            client.send(v18, new OperationRequest(7, Parameters.of((byte) 5, 1L << 40)));
            OperationResponse echo = assertInstanceOf(OperationResponse.class, client.next(v18));
            assertEquals(1L << 40, echo.parameters().get(5));
        }
    }

    @Test
    void unsupportedSubprotocolIsRefusedAtTheHandshake() {
        ExecutionException e = assertThrows(ExecutionException.class, () -> open("ns", "GpBinaryV99"));
        WebSocketHandshakeException refused = assertInstanceOf(WebSocketHandshakeException.class, e.getCause());
        assertEquals(400, refused.getResponse().statusCode());
        assertTrue(String.valueOf(refused.getResponse().body()).contains("GpBinaryV16"));
    }

    @Test
    void oversizedMessageClosesWith1009AndOtherClientIsUntouched() throws Exception {
        try (TestSocket bystander = open("ns", "GpBinaryV16"); TestSocket offender = open("ns", "GpBinaryV16")) {
            offender.sendBytes(ByteBuffer.allocate(600_000));
            TestSocket.Close close = offender.awaitClose();
            assertEquals(CloseCodes.MESSAGE_TOO_BIG, close.code());
            assertTrue(close.reason().contains("exceeds"), close.reason());
            assertPingAnswered(bystander);
        }
    }

    /**
     * The frame decoder refuses a frame by its header (twice the limit) and closes with 1009 without reading the
     * payload; the client, still writing, may see the close frame or only the reset that follows it.
     */
    @Test
    void frameOverTheDecoderBoundEndsTheConnectionOnly() throws Exception {
        try (TestSocket bystander = open("ns", "GpBinaryV16"); TestSocket offender = open("ns", "GpBinaryV16")) {
            try {
                offender.sendBytes(ByteBuffer.allocate(2 * 512_000 + 1));
                assertEquals(CloseCodes.MESSAGE_TOO_BIG, offender.awaitClose().code());
            } catch (ExecutionException e) {
                assertInstanceOf(java.io.IOException.class, e.getCause());
            }
            assertPingAnswered(bystander);
        }
    }

    @Test
    void malformedMessageClosesWith1007() throws Exception {
        try (TestSocket bystander = open("ns", "GpBinaryV16"); TestSocket offender = open("ns", "GpBinaryV16")) {
            offender.sendBytes(ByteBuffer.wrap(new byte[]{(byte) 0xF3, 2, (byte) 230, 0, 1, 7, 99}));
            TestSocket.Close close = offender.awaitClose();
            assertEquals(CloseCodes.INVALID_PAYLOAD, close.code());
            assertTrue(close.reason().startsWith("Malformed message"), close.reason());
            assertPingAnswered(bystander);
        }
    }

    @Test
    void textOnABinaryConnectionClosesWith1003() throws Exception {
        try (TestSocket client = open("ns", "GpBinaryV16")) {
            client.sendText("hello");
            assertEquals(CloseCodes.UNSUPPORTED_DATA, client.awaitClose().code());
        }
    }

    @Test
    void roleThatDoesNotRunClosesWith1008() throws Exception {
        try (TestSocket client = open("master", "GpBinaryV16")) {
            TestSocket.Close close = client.awaitClose();
            assertEquals(CloseCodes.POLICY_VIOLATION, close.code());
            assertTrue(close.reason().contains("does not run"), close.reason());
        }
        try (TestSocket client = open("game", "GpBinaryV16")) {
            assertEquals(CloseCodes.POLICY_VIOLATION, client.awaitClose().code());
        }
    }

    @Test
    void healthAnswersAndUnknownPathsAre404() throws Exception {
        HttpResponse<String> health = get("/photon/api/health");
        assertEquals(200, health.statusCode());
        assertEquals("{\"status\":\"UP\"}", health.body());
        assertEquals(404, get("/photon/lobby").statusCode());
        assertEquals(400, get("/photon/ns").statusCode()); // no upgrade
    }

    @Test
    void garbageInsteadOfHttpIsAnsweredAndClosed() throws Exception {
        try (Socket s = new Socket("127.0.0.1", listener.localPort())) {
            s.setSoTimeout(5000);
            OutputStream out = s.getOutputStream();
            out.write("\u0001\u0002 NOT HTTP AT ALL\r\n\r\n".getBytes(StandardCharsets.ISO_8859_1));
            out.flush();
            InputStream in = s.getInputStream();
            String answer = new String(in.readAllBytes(), StandardCharsets.ISO_8859_1);
            assertTrue(answer.startsWith("HTTP/1.1 400"), answer);
        }
    }

    @Test
    void overlongRequestLineIsRefused() throws Exception {
        HttpResponse<String> r = get("/photon/ns?x=" + "a".repeat(PhotonChannelInitializer.MAX_INITIAL_LINE + 10));
        assertTrue(r.statusCode() >= 400, String.valueOf(r.statusCode()));
    }

    private static HttpResponse<String> get(String path) throws Exception {
        return HTTP.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + listener.localPort() + path)).GET()
                .build(), HttpResponse.BodyHandlers.ofString());
    }

    private static void assertPingAnswered(TestSocket client) throws Exception {
        client.send(BINARY, new OperationRequest(1, Parameters.of((byte) 1, 1234), true));
        OperationResponse pong = assertInstanceOf(OperationResponse.class, client.next(BINARY));
        assertTrue(pong.internal() && pong.code() == 1, pong.toString());
        assertEquals(1234, pong.parameters().get(1));
    }

}
