package org.photonee.core.peer;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.nio.ByteBuffer;
import java.time.Duration;
import java.util.Arrays;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.atomic.AtomicBoolean;
import org.photonee.core.protocol.WireFrame;
import org.photonee.core.protocol.WireProtocol;

/**
 * Outbound WebSocket connections over the JDK's {@code java.net.http.WebSocket}: no dependency, used by game
 * servers to reach their master and by the Java client. Messages arriving in parts are reassembled up to the
 * message size limit; a larger one aborts the connection rather than growing the heap.
 */
public final class JdkWebSocketConnector implements WebSocketConnector {
    /** WebSocket close code for a connection that ended without a close frame. */
    public static final int ABNORMAL_CLOSURE = 1006;

    private final HttpClient httpClient;
    private final int maxMessageSize;
    private final long maxQueuedBytes;
    private final Duration connectTimeout;

    public JdkWebSocketConnector(int maxMessageSize, long maxQueuedBytes, Duration connectTimeout) {
        this(maxMessageSize, maxQueuedBytes, connectTimeout, null);
    }

    /**
     * @param executor runs the HTTP client's callbacks (in the container: a {@code ManagedExecutorService}, so
     *                 outbound links use container-managed threads); null = the JDK's default
     */
    public JdkWebSocketConnector(int maxMessageSize, long maxQueuedBytes, Duration connectTimeout,
                                 java.util.concurrent.Executor executor) {
        HttpClient.Builder builder = HttpClient.newBuilder().connectTimeout(connectTimeout);
        if (executor != null) {
            builder.executor(executor);
        }
        this.httpClient = builder.build();
        this.maxMessageSize = maxMessageSize;
        this.maxQueuedBytes = maxQueuedBytes;
        this.connectTimeout = connectTimeout;
    }

    public JdkWebSocketConnector() {
        this(512_000, 4 * 1024 * 1024, Duration.ofSeconds(5));
    }

    @Override
    public CompletableFuture<Connection> connect(URI uri, WireProtocol protocol, Listener listener) {
        JdkConnection connection = new JdkConnection(UUID.randomUUID().toString(), uri, listener);
        return httpClient.newWebSocketBuilder()
                .subprotocols(protocol.subprotocol())
                .connectTimeout(connectTimeout)
                .buildAsync(uri, connection.receiver)
                .thenApply(ws -> {
                    connection.webSocket = ws;
                    return (Connection) connection;
                });
    }

    private final class JdkConnection extends QueuedConnection {
        private final URI uri;
        private final Listener listener;
        private final Receiver receiver = new Receiver();
        private final AtomicBoolean closedReported = new AtomicBoolean();
        private volatile WebSocket webSocket;

        JdkConnection(String id, URI uri, Listener listener) {
            super(id, maxQueuedBytes);
            this.uri = uri;
            this.listener = listener;
        }

        @Override
        public String remoteAddress() {
            return uri.getHost() + ":" + uri.getPort();
        }

        @Override
        public boolean isOpen() {
            WebSocket ws = webSocket;
            return ws != null && !ws.isOutputClosed() && !closedReported.get();
        }

        @Override
        protected void write(WireFrame frame) {
            CompletableFuture<WebSocket> sent = frame.isText()
                    ? webSocket.sendText(frame.text(), true)
                    : webSocket.sendBinary(frame.binary(), true);
            sent.whenComplete((ws, error) -> writeCompleted(frame, error));
        }

        @Override
        protected void closeNow(int code, String reason) {
            WebSocket ws = webSocket;
            if (ws != null && !ws.isOutputClosed()) {
                ws.sendClose(code, reason).whenComplete((w, e) -> reportClosed(code, reason));
            } else {
                reportClosed(code, reason);
            }
        }

        @Override
        protected void onWriteFailed(Throwable error) {
            WebSocket ws = webSocket;
            if (ws != null) {
                ws.abort();
            }
            reportClosed(ABNORMAL_CLOSURE, "write failed: " + error.getMessage());
        }

        private void reportClosed(int code, String reason) {
            if (closedReported.compareAndSet(false, true)) {
                listener.onClosed(code, reason);
            }
        }

        /** Reassembles partial messages; the JDK delivers one part at a time after each request(1). */
        private final class Receiver implements WebSocket.Listener {
            private StringBuilder text;
            private byte[] binary = new byte[0];
            private int binaryLength;

            @Override
            public void onOpen(WebSocket ws) {
                webSocket = ws;
                ws.request(1);
            }

            @Override
            public CompletionStage<?> onText(WebSocket ws, CharSequence data, boolean last) {
                if (text == null) {
                    if (last) {
                        deliver(ws, WireFrame.text(data.toString()));
                        return null;
                    }
                    text = new StringBuilder();
                }
                if (text.length() + data.length() > maxMessageSize) {
                    tooBig(ws);
                    return null;
                }
                text.append(data);
                if (last) {
                    String complete = text.toString();
                    text = null;
                    deliver(ws, WireFrame.text(complete));
                } else {
                    ws.request(1);
                }
                return null;
            }

            @Override
            public CompletionStage<?> onBinary(WebSocket ws, ByteBuffer data, boolean last) {
                int n = data.remaining();
                if (binaryLength + n > maxMessageSize) {
                    tooBig(ws);
                    return null;
                }
                if (binaryLength == 0 && last) {
                    deliver(ws, WireFrame.binary(data));
                    return null;
                }
                if (binaryLength + n > binary.length) {
                    binary = Arrays.copyOf(binary, Math.max(binaryLength + n, binary.length * 2));
                }
                data.get(binary, binaryLength, n);
                binaryLength += n;
                if (last) {
                    byte[] complete = Arrays.copyOf(binary, binaryLength);
                    binaryLength = 0;
                    deliver(ws, WireFrame.binary(complete));
                } else {
                    ws.request(1);
                }
                return null;
            }

            private void deliver(WebSocket ws, WireFrame frame) {
                try {
                    listener.onFrame(frame);
                } finally {
                    ws.request(1);
                }
            }

            private void tooBig(WebSocket ws) {
                ws.abort();
                reportClosed(CloseCodes.MESSAGE_TOO_BIG, "incoming message over " + maxMessageSize + " bytes");
            }

            @Override
            public CompletionStage<?> onClose(WebSocket ws, int statusCode, String reason) {
                reportClosed(statusCode, reason);
                return null;
            }

            @Override
            public void onError(WebSocket ws, Throwable error) {
                reportClosed(ABNORMAL_CLOSURE, String.valueOf(error.getMessage()));
            }
        }
    }
}
