package org.photonee.it.support;

import org.photonee.core.peer.Connection;
import org.photonee.core.peer.QueuedConnection;
import org.photonee.core.peer.WebSocketConnector;
import org.photonee.core.protocol.WireFrame;
import org.photonee.core.protocol.WireProtocol;

import java.io.ByteArrayOutputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.nio.ByteBuffer;
import java.time.Duration;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * A client-side WebSocket connector whose current connection can be dropped the way a broken network drops it: the
 * TCP connection is aborted without a WebSocket close frame, and the client is told the connection ended with 1006.
 */
public final class DroppableConnector implements WebSocketConnector {
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    private volatile DroppableConnection current;

    @Override
    public CompletableFuture<Connection> connect(URI uri, WireProtocol protocol, Listener listener) {
        DroppableConnection c = new DroppableConnection(uri, listener);
        return HTTP.newWebSocketBuilder().subprotocols(protocol.subprotocol()).connectTimeout(Duration.ofSeconds(5))
                .buildAsync(uri, c.receiver).thenApply(ws -> {
                    c.ws = ws;
                    current = c;
                    return c;
                });
    }

    /** Aborts the most recent connection without a close handshake. */
    public void drop() {
        DroppableConnection c = current;
        if (c == null) {
            throw new IllegalStateException("no connection to drop");
        }
        c.drop();
    }

    private static final class DroppableConnection extends QueuedConnection {
        private final URI uri;
        private final Listener listener;
        private final AtomicBoolean closed = new AtomicBoolean();
        private final Receiver receiver = new Receiver();
        private volatile WebSocket ws;

        DroppableConnection(URI uri, Listener listener) {
            super(UUID.randomUUID().toString(), 4 * 1024 * 1024);
            this.uri = uri;
            this.listener = listener;
        }

        void drop() {
            WebSocket w = ws;
            if (w != null) {
                w.abort();
            }
            reportClosed(1006, "dropped by the test");
        }

        @Override
        public String remoteAddress() {
            return uri.getHost() + ":" + uri.getPort();
        }

        @Override
        public boolean isOpen() {
            WebSocket w = ws;
            return w != null && !w.isOutputClosed() && !closed.get();
        }

        @Override
        protected void write(WireFrame frame) {
            CompletableFuture<WebSocket> sent = frame.isText() ? ws.sendText(frame.text(), true)
                    : ws.sendBinary(frame.binary(), true);
            sent.whenComplete((w, e) -> writeCompleted(frame, e));
        }

        @Override
        protected void closeNow(int code, String reason) {
            WebSocket w = ws;
            if (w != null && !w.isOutputClosed()) {
                w.sendClose(code, reason).whenComplete((x, e) -> reportClosed(code, reason));
            } else {
                reportClosed(code, reason);
            }
        }

        @Override
        protected void onWriteFailed(Throwable error) {
            drop();
        }

        private void reportClosed(int code, String reason) {
            if (closed.compareAndSet(false, true)) {
                listener.onClosed(code, reason);
            }
        }

        private final class Receiver implements WebSocket.Listener {
            private final ByteArrayOutputStream binary = new ByteArrayOutputStream();
            private final StringBuilder text = new StringBuilder();

            @Override
            public CompletionStage<?> onBinary(WebSocket w, ByteBuffer data, boolean last) {
                byte[] chunk = new byte[data.remaining()];
                data.get(chunk);
                binary.writeBytes(chunk);
                if (last) {
                    byte[] all = binary.toByteArray();
                    binary.reset();
                    deliver(WireFrame.binary(all));
                }
                w.request(1);
                return null;
            }

            @Override
            public CompletionStage<?> onText(WebSocket w, CharSequence data, boolean last) {
                text.append(data);
                if (last) {
                    String all = text.toString();
                    text.setLength(0);
                    deliver(WireFrame.text(all));
                }
                w.request(1);
                return null;
            }

            private void deliver(WireFrame frame) {
                if (!closed.get()) {
                    listener.onFrame(frame);
                }
            }

            @Override
            public CompletionStage<?> onClose(WebSocket w, int statusCode, String reason) {
                reportClosed(statusCode, reason);
                return null;
            }

            @Override
            public void onError(WebSocket w, Throwable error) {
                reportClosed(1006, String.valueOf(error.getMessage()));
            }
        }
    }
}
