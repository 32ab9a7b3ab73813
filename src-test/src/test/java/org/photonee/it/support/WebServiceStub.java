package org.photonee.it.support;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import org.photonee.core.codec.json.JsonDocuments;
import org.photonee.core.protocol.ProtocolLimits;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import java.util.function.Predicate;

/**
 * A studio's web service for tests: a JDK HTTP server on 127.0.0.1 (ephemeral port) that records every request
 * (path with query, headers, JSON body) and answers through a function the test sets.
 */
public final class WebServiceStub implements AutoCloseable {
    /** One recorded request. */
    public record Request(String method, String pathAndQuery, Map<String, List<String>> headers, Object json) {
        @SuppressWarnings("unchecked")
        public Map<String, Object> body() {
            return (Map<String, Object>) json;
        }

        public String header(String name) {
            List<String> v = headers.get(name);
            return v == null || v.isEmpty() ? null : v.get(0);
        }
    }

    /** An answer: status and body; a positive delay holds the answer back (a slow or hanging backend). */
    public record Answer(int status, String body, long delayMillis) {
        public static Answer ok(String body) {
            return new Answer(200, body, 0);
        }
    }

    private final HttpServer server;
    private final ExecutorService threads = Executors.newFixedThreadPool(8);
    /** Guarded by itself; waiters are notified on every new request. */
    private final List<Request> requests = new java.util.ArrayList<>();
    private volatile Function<Request, Answer> answers = r -> Answer.ok("{\"ResultCode\":0}");

    public WebServiceStub() throws IOException {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 16);
        server.setExecutor(threads);
        server.createContext("/", this::handle);
        server.start();
    }

    public String baseUrl() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    public void answer(Function<Request, Answer> function) {
        this.answers = function;
    }

    /**
     * The oldest recorded request that matches, taken out; others stay (concurrent calls may arrive in any
     * order). Fails after 15 s.
     */
    public Request next(Predicate<Request> wanted) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(15);
        synchronized (requests) {
            while (true) {
                for (java.util.Iterator<Request> it = requests.iterator(); it.hasNext(); ) {
                    Request r = it.next();
                    if (wanted.test(r)) {
                        it.remove();
                        return r;
                    }
                }
                long left = deadline - System.nanoTime();
                if (left <= 0) {
                    throw new AssertionError("no matching request to the web service; got " + requests);
                }
                requests.wait(Math.max(1, TimeUnit.NANOSECONDS.toMillis(left)));
            }
        }
    }

    /** The next request to a path (without the query). */
    public Request next(String path) throws InterruptedException {
        return next(r -> r.pathAndQuery().split("\\?")[0].equals(path));
    }

    public void clear() {
        synchronized (requests) {
            requests.clear();
        }
    }

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            String text = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
            Object json;
            try {
                json = text.isEmpty() ? null : JsonDocuments.parse(text, ProtocolLimits.DEFAULTS);
            } catch (Exception e) {
                json = text;
            }
            Map<String, List<String>> headers = new java.util.TreeMap<>(String.CASE_INSENSITIVE_ORDER);
            headers.putAll(exchange.getRequestHeaders());
            Request request = new Request(exchange.getRequestMethod(), exchange.getRequestURI().toString(),
                    java.util.Collections.unmodifiableMap(headers), json);
            // The answer is decided before the request is recorded, so a test that saw the request also sees
            // whatever the answer function remembered of it (a webhook's saved state, for example).
            Answer answer = answers.apply(request);
            synchronized (requests) {
                requests.add(request);
                requests.notifyAll();
            }
            if (answer.delayMillis() > 0) {
                Thread.sleep(answer.delayMillis());
            }
            byte[] body = answer.body().getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().add("Content-Type", "application/json");
            exchange.sendResponseHeaders(answer.status(), body.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(body);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public void close() {
        server.stop(0);
        threads.shutdownNow();
    }
}
