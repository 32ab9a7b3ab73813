package org.photonee.it.support;

import java.io.File;
import java.net.URI;
import java.net.URL;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.WebSocket;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.TimeUnit;

/** Black-box calls against a deployed Photon application: HTTP health and the WebSocket status endpoint. */
public final class ServerProbe {
    private static final HttpClient HTTP = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5)).build();

    private final URI base;
    private final URI webSocketBase;

    /** @param base the application's base URL, e.g. http://127.0.0.1:8080/photon/ */
    public ServerProbe(URL base) {
        String s = base.toString();
        this.base = URI.create(s.endsWith("/") ? s : s + "/");
        this.webSocketBase = URI.create("ws" + this.base.toString().substring(4));
    }

    /**
     * HTTP calls to {@code base}, WebSockets to another listener of the same application (the Netty transport),
     * e.g. ws://127.0.0.1:18090/photon/.
     */
    public ServerProbe(URL base, URI webSocketBase) {
        String s = base.toString();
        this.base = URI.create(s.endsWith("/") ? s : s + "/");
        String w = webSocketBase.toString();
        this.webSocketBase = URI.create(w.endsWith("/") ? w : w + "/");
    }

    public URI base() {
        return base;
    }

    /** The WebSocket URL of a path under the application, e.g. "status" → ws://host:port/photon/status. */
    public URI webSocket(String path) {
        return URI.create(webSocketBase + path);
    }

    public HttpResponse<String> get(String path) throws Exception {
        HttpRequest request = HttpRequest.newBuilder(base.resolve(path)).timeout(Duration.ofSeconds(20)).GET().build();
        return HTTP.send(request, HttpResponse.BodyHandlers.ofString());
    }

    public HttpResponse<String> put(String path, String textBody) throws Exception {
        HttpRequest request = HttpRequest.newBuilder(base.resolve(path)).timeout(Duration.ofSeconds(20))
                .header("Content-Type", "text/plain").PUT(HttpRequest.BodyPublishers.ofString(textBody)).build();
        return HTTP.send(request, HttpResponse.BodyHandlers.ofString());
    }

    /** Opens a WebSocket to {@code path}, waits for the first text message and closes. */
    public String firstTextMessage(String path) throws Exception {
        CompletableFuture<String> first = new CompletableFuture<>();
        WebSocket ws = HTTP.newWebSocketBuilder().connectTimeout(Duration.ofSeconds(5))
                .buildAsync(webSocket(path), new WebSocket.Listener() {
                    private final StringBuilder text = new StringBuilder();

                    @Override
                    public CompletionStage<?> onText(WebSocket webSocket, CharSequence data, boolean last) {
                        text.append(data);
                        if (last) {
                            first.complete(text.toString());
                        }
                        webSocket.request(1);
                        return null;
                    }

                    @Override
                    public void onError(WebSocket webSocket, Throwable error) {
                        first.completeExceptionally(error);
                    }
                }).get(10, TimeUnit.SECONDS);
        try {
            return first.get(10, TimeUnit.SECONDS);
        } finally {
            ws.sendClose(WebSocket.NORMAL_CLOSURE, "done");
        }
    }

    /** A build output named by a system property the failsafe configuration sets. */
    public static File artifact(String property) {
        String path = System.getProperty(property);
        if (path == null) {
            throw new IllegalStateException("System property " + property + " is not set (run through Maven failsafe)");
        }
        File f = new File(path);
        if (!f.isFile()) {
            throw new IllegalStateException(f + " does not exist: build the project first (./mvnw verify)");
        }
        return f;
    }
}
