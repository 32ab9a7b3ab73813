package org.photonee.it.support;

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

/**
 * A bare WebSocket for protocol tests: sends exactly the bytes or text it is given (valid or not) and records every
 * frame and the close code/reason the server sends. Encoding and decoding use the project's codecs.
 */
public final class RawSocket implements AutoCloseable {
    private static final HttpClient HTTP = HttpClient.newHttpClient();

    /** The server's close: code and reason. */
    public record Close(int code, String reason) {
    }

    private final WebSocket ws;
    private final BlockingQueue<WireFrame> frames = new LinkedBlockingQueue<>();
    private final CompletableFuture<Close> closed = new CompletableFuture<>();

    private RawSocket(URI uri, String subprotocol) throws Exception {
        WebSocket.Builder builder = HTTP.newWebSocketBuilder().connectTimeout(Duration.ofSeconds(5));
        if (subprotocol != null) {
            builder.subprotocols(subprotocol);
        }
        ws = builder.buildAsync(uri, new Listener()).get(10, TimeUnit.SECONDS);
    }

    public static RawSocket open(URI uri, String subprotocol) throws Exception {
        return new RawSocket(uri, subprotocol);
    }

    public String subprotocol() {
        return ws.getSubprotocol();
    }

    public void send(WireProtocol protocol, Message message) throws Exception {
        send(protocol.encode(message));
    }

    public void send(WireFrame frame) throws Exception {
        if (frame.isText()) {
            ws.sendText(frame.text(), true).get(10, TimeUnit.SECONDS);
        } else {
            ws.sendBinary(frame.binary(), true).get(10, TimeUnit.SECONDS);
        }
    }

    public void sendBytes(byte[] bytes) throws Exception {
        ws.sendBinary(ByteBuffer.wrap(bytes), true).get(10, TimeUnit.SECONDS);
    }

    public void sendText(String text) throws Exception {
        ws.sendText(text, true).get(10, TimeUnit.SECONDS);
    }

    /** The next frame from the server; fails after 10 s. */
    public WireFrame nextFrame() throws Exception {
        WireFrame f = frames.poll(10, TimeUnit.SECONDS);
        if (f == null) {
            throw new AssertionError("No frame from the server within 10 s" + (closed.isDone() ? "; closed: "
                    + closed.getNow(null) : ""));
        }
        return f;
    }

    public Message next(WireProtocol protocol) throws Exception {
        return protocol.decode(nextFrame(), ProtocolLimits.DEFAULTS);
    }

    /** Waits for the server's close. */
    public Close awaitClose() throws Exception {
        return closed.get(10, TimeUnit.SECONDS);
    }

    @Override
    public void close() {
        if (!ws.isOutputClosed()) {
            ws.sendClose(WebSocket.NORMAL_CLOSURE, "bye");
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
