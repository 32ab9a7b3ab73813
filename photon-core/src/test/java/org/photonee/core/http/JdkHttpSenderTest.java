package org.photonee.core.http;

import com.sun.net.httpserver.HttpServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.CompletionException;
import java.util.concurrent.atomic.AtomicReference;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Against a real HTTP server on 127.0.0.1. */
class JdkHttpSenderTest {
    private final HttpServer server;
    private final AtomicReference<String> seen = new AtomicReference<>();

    JdkHttpSenderTest() throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/echo", exchange -> {
            String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
            seen.set(exchange.getRequestMethod() + " " + exchange.getRequestURI() + " "
                    + exchange.getRequestHeaders().getFirst("Content-Type") + " "
                    + exchange.getRequestHeaders().getFirst("X-Api-Key") + " " + body);
            byte[] answer = "{\"ok\":true}".getBytes(StandardCharsets.UTF_8);
            exchange.sendResponseHeaders(201, answer.length);
            exchange.getResponseBody().write(answer);
            exchange.close();
        });
        server.createContext("/big", exchange -> {
            exchange.sendResponseHeaders(200, 0);
            exchange.getResponseBody().write(new byte[5000]);
            exchange.close();
        });
        server.start();
    }

    @AfterEach
    void stop() {
        server.stop(0);
    }

    private URI uri(String path) {
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort() + path);
    }

    @Test
    void postsTheBodyAndHeadersAndReturnsStatusAndBody() {
        JdkHttpSender sender = new JdkHttpSender(null, Duration.ofSeconds(2), 1024);
        HttpSender.Reply reply = sender.send(HttpCall.postJson(uri("/echo?a=1"), "{\"x\":1}",
                Map.of("X-Api-Key", "k")), Duration.ofSeconds(5)).toCompletableFuture().join();
        assertEquals(201, reply.statusCode());
        assertEquals("{\"ok\":true}", new String(reply.body(), StandardCharsets.UTF_8));
        assertEquals("POST /echo?a=1 application/json k {\"x\":1}", seen.get());
    }

    @Test
    void anAnswerOverTheLimitFails() {
        JdkHttpSender sender = new JdkHttpSender(null, Duration.ofSeconds(2), 1000);
        CompletionException e = assertThrows(CompletionException.class, () -> sender.send(
                HttpCall.get(uri("/big"), null), Duration.ofSeconds(5)).toCompletableFuture().join());
        assertTrue(String.valueOf(e.getCause().getMessage()).contains("larger than 1000"), e.toString());
    }
}
