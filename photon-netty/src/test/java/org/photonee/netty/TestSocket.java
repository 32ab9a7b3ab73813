package org.photonee.netty;

import org.photonee.core.protocol.Message;
import org.photonee.core.protocol.ProtocolLimits;
import org.photonee.core.protocol.WireFrame;
import org.photonee.core.protocol.WireProtocol;

import java.io.ByteArrayOutputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.nio.ByteBuffer;
import java.time.Duration;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

/** A WebSocket client for the listener tests: sends what it is given, records frames and the server's close. */
final class TestSocket implements AutoCloseable {
    record Close(int code, String reason) {
    }

    private final WebSocket ws;
    private final BlockingQueue<WireFrame> frames = new LinkedBlockingQueue<>();
    private final CompletableFuture<Close> closed = new CompletableFuture<>();

    TestSocket(HttpClient http, URI uri, String subprotocol, String... more) throws Exception {
        ws = http.newWebSocketBuilder().connectTimeout(Duration.ofSeconds(5)).subprotocols(subprotocol, more)
                .buildAsync(uri, new Listener()).get(10, TimeUnit.SECONDS);
    }

    String subprotocol() {
        return ws.getSubprotocol();
    }

    void send(WireProtocol protocol, Message message) throws Exception {
        WireFrame f = protocol.encode(message);
        if (f.isText()) {
            sendText(f.text());
        } else {
            sendBytes(f.binary());
        }
    }

    void sendBytes(ByteBuffer bytes) throws Exception {
        ws.sendBinary(bytes, true).get(10, TimeUnit.SECONDS);
    }

    void sendText(String text) throws Exception {
        ws.sendText(text, true).get(10, TimeUnit.SECONDS);
    }

    WireFrame nextFrame() throws Exception {
        WireFrame f = frames.poll(10, TimeUnit.SECONDS);
        if (f == null) {
            throw new AssertionError("no frame within 10 s" + (closed.isDone() ? "; closed " + closed.get() : ""));
        }
        return f;
    }

    Message next(WireProtocol protocol) throws Exception {
        return protocol.decode(nextFrame(), ProtocolLimits.DEFAULTS);
    }

    Close awaitClose() throws Exception {
        return closed.get(10, TimeUnit.SECONDS);
    }

    @Override
    public void close() {
        if (!ws.isOutputClosed()) {
            ws.sendClose(WebSocket.NORMAL_CLOSURE, "done");
        }
        ws.abort();
    }

    private final class Listener implements WebSocket.Listener {
        private final ByteArrayOutputStream binary = new ByteArrayOutputStream();
        private final StringBuilder text = new StringBuilder();

        @Override
        public CompletionStage<?> onBinary(WebSocket webSocket, ByteBuffer data, boolean last) {
            byte[] chunk = new byte[data.remaining()];
            data.get(chunk);
            binary.writeBytes(chunk);
            if (last) {
                frames.add(WireFrame.binary(binary.toByteArray()));
                binary.reset();
            }
            webSocket.request(1);
            return null;
        }

        @Override
        public CompletionStage<?> onText(WebSocket webSocket, CharSequence data, boolean last) {
            text.append(data);
            if (last) {
                frames.add(WireFrame.text(text.toString()));
                text.setLength(0);
            }
            webSocket.request(1);
            return null;
        }

        @Override
        public CompletionStage<?> onClose(WebSocket webSocket, int statusCode, String reason) {
            closed.complete(new Close(statusCode, reason));
            return null;
        }

        @Override
        public void onError(WebSocket webSocket, Throwable error) {
            closed.completeExceptionally(error);
        }
    }
}
