package org.photonee.it.support;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;

/**
 * A studio's custom authentication service, on 127.0.0.1: it answers by the {@code user} parameter (query string
 * or JSON body) and records every request it receives.
 * <ul>
 *   <li>{@code ok-<name>} → ResultCode 1, UserId {@code svc-<name>}, Nickname, AuthCookie {@code {tier: gold}};</li>
 *   <li>{@code step} → ResultCode 0 with Data; {@code denied} → 2; {@code invalid} → 3; {@code version} → 5;</li>
 *   <li>{@code slow} → answers after 3 s; {@code err500} → 500 without a body; {@code err500body} → 500 with a
 *       ResultCode 1 body; {@code empty} → 200 with an empty body; {@code garbage} → 200 with HTML.</li>
 * </ul>
 */
public final class TestAuthService implements AutoCloseable {
    /** One request as the service saw it. */
    public record Seen(String method, String pathAndQuery, String contentType, String body) {
    }

    private final HttpServer server;
    public final List<Seen> requests = new CopyOnWriteArrayList<>();

    private TestAuthService(int port) throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 0);
        server.setExecutor(Executors.newFixedThreadPool(4, r -> {
            Thread t = new Thread(r, "test-auth-service");
            t.setDaemon(true);
            return t;
        }));
        server.createContext("/auth", this::handle);
        server.start();
    }

    /** On an ephemeral port. */
    public static TestAuthService start() throws IOException {
        return new TestAuthService(0);
    }

    /** On a fixed port (for servers whose configuration is written before the test runs). */
    public static TestAuthService start(int port) throws IOException {
        return new TestAuthService(port);
    }

    public String url() {
        return "http://127.0.0.1:" + server.getAddress().getPort() + "/auth";
    }

    public Seen last() {
        return requests.get(requests.size() - 1);
    }

    private void handle(HttpExchange ex) throws IOException {
        String body = new String(ex.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
        String query = ex.getRequestURI().getRawQuery();
        requests.add(new Seen(ex.getRequestMethod(), ex.getRequestURI().toString(),
                ex.getRequestHeaders().getFirst("Content-Type"), body));
        String user = queryParam(query, "user");
        if (user == null) {
            int at = body.indexOf("\"user\":\"");
            if (at >= 0) {
                user = body.substring(at + 8, body.indexOf('"', at + 8));
            } else if (!body.isEmpty() && !body.startsWith("{")) {
                user = body;
            }
        }
        user = user == null ? "" : user;
        if (user.startsWith("ok-")) {
            String name = user.substring(3);
            reply(ex, 200, "{\"ResultCode\":1,\"UserId\":\"svc-" + name + "\",\"Nickname\":\"Nick " + name
                    + "\",\"AuthCookie\":{\"tier\":\"gold\",\"user\":\"" + name + "\"},\"Data\":{\"welcome\":true}}");
            return;
        }
        switch (user) {
            case "step" -> reply(ex, 200, "{\"ResultCode\":0,\"Data\":{\"step\":2,\"hint\":\"send the code\"}}");
            case "denied" -> reply(ex, 200, "{\"ResultCode\":2,\"Message\":\"Invalid credentials\"}");
            case "invalid" -> reply(ex, 200, "{\"ResultCode\":3,\"Message\":\"Invalid parameters.\"}");
            case "version" -> reply(ex, 200, "{\"ResultCode\":5,\"Message\":\"Version not allowed.\"}");
            case "slow" -> {
                try {
                    Thread.sleep(3_000);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
                reply(ex, 200, "{\"ResultCode\":1}");
            }
            case "err500" -> reply(ex, 500, "");
            case "err500body" -> reply(ex, 500, "{\"ResultCode\":1,\"UserId\":\"from-error-body\"}");
            case "empty" -> reply(ex, 200, "");
            case "garbage" -> reply(ex, 200, "<html>oops</html>");
            default -> reply(ex, 200, "{\"ResultCode\":2,\"Message\":\"unknown user '" + user + "'\"}");
        }
    }

    static String queryParam(String rawQuery, String name) {
        Map<String, String> params = new LinkedHashMap<>();
        if (rawQuery != null) {
            for (String piece : rawQuery.split("&")) {
                int eq = piece.indexOf('=');
                if (eq > 0) {
                    params.put(URLDecoder.decode(piece.substring(0, eq), StandardCharsets.UTF_8),
                            URLDecoder.decode(piece.substring(eq + 1), StandardCharsets.UTF_8));
                }
            }
        }
        return params.get(name);
    }

    private static void reply(HttpExchange ex, int status, String body) throws IOException {
        byte[] b = body.getBytes(StandardCharsets.UTF_8);
        ex.getResponseHeaders().add("Content-Type", "application/json");
        if (b.length == 0) {
            ex.sendResponseHeaders(status, -1);
        } else {
            ex.sendResponseHeaders(status, b.length);
            ex.getResponseBody().write(b);
        }
        ex.close();
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
