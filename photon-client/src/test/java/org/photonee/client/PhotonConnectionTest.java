package org.photonee.client;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.junit.jupiter.api.Test;
import org.photonee.core.protocol.EventData;
import org.photonee.core.protocol.Message;
import org.photonee.core.protocol.OperationRequest;
import org.photonee.core.protocol.OperationResponse;
import org.photonee.core.protocol.Parameters;

class PhotonConnectionTest {
    private final FakeServer server = new FakeServer();
    private final BlockingQueue<Object> seen = new LinkedBlockingQueue<>();
    private final PhotonConnection.Listener listener = new PhotonConnection.Listener() {
        @Override
        public void onEvent(EventData event) {
            seen.add(event);
        }

        @Override
        public void onUnexpectedResponse(OperationResponse response) {
            seen.add(response);
        }

        @Override
        public void onClosed(int code, String reason) {
            seen.add("closed " + code + " " + reason);
        }
    };

    private PhotonConnection open(Duration ping) throws Exception {
        ConnectionSettings s = ConnectionSettings.defaults().withConnector(server)
                .withOperationTimeout(Duration.ofMillis(500)).withPingInterval(ping);
        return PhotonConnection.open(URI.create("ws://fake/x"), s, listener).get(5, TimeUnit.SECONDS);
    }

    @Test
    void responsesAreMatchedPerOperationCodeInOrder() throws Exception {
        // The server holds answers back, then answers op 2 first and op 1's two requests in order.
        BlockingQueue<OperationRequest> held = new LinkedBlockingQueue<>();
        server.script("/x", (c, r) -> {
            held.add(r);
            return List.of();
        });
        PhotonConnection pc = open(Duration.ZERO);
        CompletableFuture<OperationResponse> a1 = pc.request(new OperationRequest(1, Parameters.of(0, "a1")));
        CompletableFuture<OperationResponse> b = pc.request(new OperationRequest(2, Parameters.of(0, "b")));
        CompletableFuture<OperationResponse> a2 = pc.request(new OperationRequest(1, Parameters.of(0, "a2")));
        assertEquals(3, held.size());
        FakeServer.FakeConnection c = server.lastConnection("/x");
        c.push(OperationResponse.ok(2, Parameters.of(0, "B")));
        c.push(OperationResponse.ok(1, Parameters.of(0, "A1")));
        c.push(new OperationResponse(1, (short) 5, "second failed", Parameters.of(0, "A2")));
        assertEquals("B", b.get(5, TimeUnit.SECONDS).parameters().get(0));
        assertEquals("A1", a1.get(5, TimeUnit.SECONDS).parameters().get(0));
        OperationResponse second = a2.get(5, TimeUnit.SECONDS);
        assertEquals((short) 5, second.returnCode());
        assertEquals("second failed", second.debugMessage());
    }

    @Test
    void eventsAndUnsolicitedResponsesGoToListener() throws Exception {
        PhotonConnection pc = open(Duration.ZERO);
        FakeServer.FakeConnection c = server.lastConnection("/x");
        c.push(new EventData(9, Parameters.of(245, "x")));
        c.push(OperationResponse.error(253, (short) -2, "refused"));
        assertEquals(new EventData(9, Parameters.of(245, "x")), seen.poll(5, TimeUnit.SECONDS));
        OperationResponse r = (OperationResponse) seen.poll(5, TimeUnit.SECONDS);
        assertEquals(253, r.code());
        assertTrue(pc.isOpen());
    }

    @Test
    void timeoutKeepsLaterAnswersAligned() throws Exception {
        server.script("/x", (c, r) -> List.of());
        PhotonConnection pc = open(Duration.ZERO);
        CompletableFuture<OperationResponse> first = pc.request(new OperationRequest(1));
        ExecutionException e = assertThrows(ExecutionException.class, () -> first.get(5, TimeUnit.SECONDS));
        assertInstanceOf(TimeoutException.class, e.getCause());
        CompletableFuture<OperationResponse> second = pc.request(new OperationRequest(1));
        FakeServer.FakeConnection c = server.lastConnection("/x");
        c.push(OperationResponse.ok(1, Parameters.of(0, "late answer to first")));
        c.push(OperationResponse.ok(1, Parameters.of(0, "answer to second")));
        assertEquals("answer to second", second.get(5, TimeUnit.SECONDS).parameters().get(0));
    }

    @Test
    void closeFailsWaitersWithCloseCodeAndReportsOnce() throws Exception {
        server.script("/x", (c, r) -> List.of());
        PhotonConnection pc = open(Duration.ZERO);
        CompletableFuture<OperationResponse> waiting = pc.request(new OperationRequest(7));
        server.lastConnection("/x").drop(4000, "maintenance");
        ExecutionException e = assertThrows(ExecutionException.class, () -> waiting.get(5, TimeUnit.SECONDS));
        PhotonDisconnectedException d = assertInstanceOf(PhotonDisconnectedException.class, e.getCause());
        assertEquals(4000, d.closeCode());
        assertEquals(7, d.operationCode());
        assertEquals("closed 4000 maintenance", seen.poll(5, TimeUnit.SECONDS));
        assertEquals(4000, pc.closed().get(5, TimeUnit.SECONDS));
        pc.close();
        assertEquals(null, seen.poll(200, TimeUnit.MILLISECONDS));
        ExecutionException after = assertThrows(ExecutionException.class,
                () -> pc.request(new OperationRequest(7)).get(5, TimeUnit.SECONDS));
        assertInstanceOf(PhotonDisconnectedException.class, after.getCause());
    }

    @Test
    void idleConnectionPingsAsInternalOperation() throws Exception {
        BlockingQueue<OperationRequest> pings = new LinkedBlockingQueue<>();
        server.script("/x", (c, r) -> {
            if (r.internal()) {
                pings.add(r);
                Parameters p = Parameters.of(1, r.parameters().get(1), 2, 12345);
                return List.<Message>of(new OperationResponse(1, (short) 0, null, p, true));
            }
            return List.of();
        });
        PhotonConnection pc = open(Duration.ofMillis(50));
        OperationRequest ping = pings.poll(5, TimeUnit.SECONDS);
        assertEquals(PhotonConnection.INTERNAL_PING, ping.code());
        assertInstanceOf(Integer.class, ping.parameters().get(1));
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
        while (pc.roundTripMillis() < 0 && System.nanoTime() < deadline) {
            Thread.sleep(10);
        }
        assertTrue(pc.roundTripMillis() >= 0);
        pc.close();
    }
}
