package org.photonee.it.micro;

import org.junit.jupiter.api.Test;

import org.photonee.core.codec.json.JsonProtocol;
import org.photonee.core.codec.protocol16.GpBinaryV16Protocol;
import org.photonee.core.codes.ReturnCode;
import org.photonee.core.peer.CloseCodes;
import org.photonee.core.protocol.OperationRequest;
import org.photonee.core.protocol.OperationResponse;
import org.photonee.core.protocol.Parameters;
import org.photonee.core.protocol.WireFrame;
import org.photonee.it.support.RawSocket;
import org.photonee.it.support.ServerProbe;

import java.net.URI;
import java.net.http.WebSocketHandshakeException;
import java.util.concurrent.ExecutionException;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

/**
 * The WebSocket transport on a real Payara Micro: subprotocol negotiation, the URL forms clients use, the built-in
 * ping in both protocols, and bad input (unknown operation, oversized, malformed) answered with a clear code while
 * another connected client is untouched.
 */
class TransportIT extends MicroWarTest {
    private static final GpBinaryV16Protocol BINARY = new GpBinaryV16Protocol();
    private static final JsonProtocol JSON = new JsonProtocol();

    private URI ws(String path) {
        return probe().webSocket(path);
    }

    @Test
    void binaryPingIsAnsweredWithClientAndServerTime() throws Exception {
        try (RawSocket client = RawSocket.open(ws("ns"), "GpBinaryV16")) {
            assertEquals("GpBinaryV16", client.subprotocol());
            assertPingAnswered(client);
        }
    }

    @Test
    void binaryClientQueryFormIsAccepted() throws Exception {
        try (RawSocket client = RawSocket.open(ws("ns/?libversion=4.1.6.0&sid=30&app=my-app"), "GpBinaryV16")) {
            assertPingAnswered(client);
        }
    }

    @Test
    void jsonClientGetsSessionFrameThenPingReply() throws Exception {
        try (RawSocket client = RawSocket.open(ws("ns/my-app-id?libversion=4.4.0"), "Json")) {
            assertEquals("Json", client.subprotocol());
            WireFrame greeting = client.nextFrame();
            assertTrue(greeting.isText() && greeting.text().startsWith("~m~"), greeting.toString());
            client.sendText("{\"irq\":1,\"vals\":[1,49]}");
            WireFrame reply = client.nextFrame();
            assertTrue(reply.text().contains("\"irs\":1"), reply.text());
            OperationResponse pong = assertInstanceOf(OperationResponse.class,
                    JSON.decode(reply, org.photonee.core.protocol.ProtocolLimits.DEFAULTS));
            assertTrue(pong.internal());
            assertEquals(49, pong.parameters().get(1));
        }
    }

    @Test
    void unknownOperationGetsOperationInvalidAndConnectionStays() throws Exception {
        try (RawSocket client = RawSocket.open(ws("ns"), "GpBinaryV16")) {
            client.send(BINARY, new OperationRequest(199, Parameters.of(), false));
            OperationResponse response = assertInstanceOf(OperationResponse.class, client.next(BINARY));
            assertEquals(199, response.code());
            assertEquals(ReturnCode.OPERATION_INVALID, response.returnCode());
            assertTrue(response.debugMessage().contains("Unknown operation code 199"), response.debugMessage());
            assertPingAnswered(client);
        }
    }

    @Test
    void oversizedMessageClosesWith1009AndOtherClientIsUntouched() throws Exception {
        try (RawSocket bystander = RawSocket.open(ws("ns"), "GpBinaryV16");
             RawSocket offender = RawSocket.open(ws("ns"), "GpBinaryV16")) {
            offender.sendBytes(new byte[600_000]);
            RawSocket.Close close = offender.awaitClose();
            assertEquals(CloseCodes.MESSAGE_TOO_BIG, close.code());
            assertTrue(close.reason().contains("exceeds"), close.reason());
            assertPingAnswered(bystander);
        }
    }

    @Test
    void malformedMessageClosesWith1007AndOtherClientIsUntouched() throws Exception {
        try (RawSocket bystander = RawSocket.open(ws("ns"), "GpBinaryV16");
             RawSocket offender = RawSocket.open(ws("ns"), "GpBinaryV16")) {
            offender.sendBytes(new byte[]{(byte) 0xF3, 2, (byte) 230, 0, 1, 7, 99});
            RawSocket.Close close = offender.awaitClose();
            assertEquals(CloseCodes.INVALID_PAYLOAD, close.code());
            assertTrue(close.reason().startsWith("Malformed message"), close.reason());
            assertPingAnswered(bystander);
        }
    }

    @Test
    void malformedJsonClosesWith1007() throws Exception {
        try (RawSocket client = RawSocket.open(ws("ns/my-app-id"), "Json")) {
            client.nextFrame(); // session frame
            client.sendText("{\"req\":230,\"vals\":[224,");
            assertEquals(CloseCodes.INVALID_PAYLOAD, client.awaitClose().code());
        }
    }

    @Test
    void unsupportedSubprotocolIsRefused() throws Exception {
        try (RawSocket client = RawSocket.open(ws("ns"), "GpBinaryV99")) {
            // Servers that upgrade before servlet filters run: the endpoint closes with 1002 instead.
            assertEquals(CloseCodes.PROTOCOL_ERROR, client.awaitClose().code());
        } catch (ExecutionException e) {
            assertInstanceOf(WebSocketHandshakeException.class, e.getCause(), String.valueOf(e.getCause()));
            assertEquals(400, ((WebSocketHandshakeException) e.getCause()).getResponse().statusCode());
        }
    }

    private static void assertPingAnswered(RawSocket client) throws Exception {
        client.send(BINARY, new OperationRequest(1, Parameters.of((byte) 1, 1234), true));
        OperationResponse pong = assertInstanceOf(OperationResponse.class, client.next(BINARY));
        if (!pong.internal() || pong.code() != 1) {
            fail("expected the internal ping response, got " + pong);
        }
        assertEquals(1234, pong.parameters().get(1));
        assertTrue(pong.parameters().get(2) instanceof Integer, String.valueOf(pong.parameters().get(2)));
    }
}
