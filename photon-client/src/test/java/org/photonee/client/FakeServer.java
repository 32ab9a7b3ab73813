package org.photonee.client;

import java.net.URI;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.photonee.core.codec.json.JsonProtocol;
import org.photonee.core.peer.Connection;
import org.photonee.core.peer.SendParameters;
import org.photonee.core.peer.SendResult;
import org.photonee.core.peer.WebSocketConnector;
import org.photonee.core.protocol.Message;
import org.photonee.core.protocol.OperationRequest;
import org.photonee.core.protocol.ProtocolException;
import org.photonee.core.protocol.ProtocolLimits;
import org.photonee.core.protocol.WireFrame;
import org.photonee.core.protocol.WireProtocol;

/**
 * An in-memory stand-in for Photon servers behind the {@link WebSocketConnector} seam. Client frames are decoded with
 * the real codec of the protocol the client asked for (Protocol16 by default), handed to a script chosen by the URI
 * path, and the script's answers are encoded with the same codec and delivered asynchronously, one connection at a
 * time in order, like a socket would. A Json connection gets the session greeting first, as from a real server.
 */
public final class FakeServer implements WebSocketConnector {
    /** Answers one request; returns the messages to send back (possibly none). */
    interface Script {
        List<Message> handle(FakeConnection connection, OperationRequest request);
    }

    /** A request as the server received it, with the path of the endpoint it came in on. */
    record Received(String path, URI uri, OperationRequest request) {
    }

    final List<Received> received = new CopyOnWriteArrayList<>();
    final List<FakeConnection> connections = new CopyOnWriteArrayList<>();
    private final Map<String, Script> scripts = new ConcurrentHashMap<>();
    private final Map<String, Boolean> refused = new ConcurrentHashMap<>();

    void script(String path, Script script) {
        scripts.put(path, script);
    }

    /** Connections to this path fail to open. */
    void refuse(String path) {
        refused.put(path, true);
    }

    List<OperationRequest> requests(String path, int opCode) {
        return received.stream().filter(r -> r.path().equals(path) && r.request().code() == opCode)
                .map(Received::request).toList();
    }

    FakeConnection lastConnection(String path) {
        for (int i = connections.size() - 1; i >= 0; i--) {
            if (connections.get(i).uri.getPath().equals(path)) {
                return connections.get(i);
            }
        }
        return null;
    }

    @Override
    public CompletableFuture<Connection> connect(URI uri, WireProtocol wire, Listener listener) {
        if (refused.containsKey(uri.getPath())) {
            return CompletableFuture.failedFuture(new java.net.ConnectException("refused " + uri));
        }
        FakeConnection c = new FakeConnection(uri, wire, listener);
        connections.add(c);
        if (JsonProtocol.SUBPROTOCOL.equals(wire.subprotocol())) {
            c.deliver(JsonProtocol.sessionGreeting(c.id()));
        }
        return CompletableFuture.supplyAsync(() -> c);
    }

    /** The server side of one client connection. */
    public final class FakeConnection implements Connection {
        final URI uri;
        private final WireProtocol protocol;
        private final Listener listener;
        private final ExecutorService wire = Executors.newSingleThreadExecutor(r -> {
            Thread t = new Thread(r, "fake-wire");
            t.setDaemon(true);
            return t;
        });
        private final AtomicBoolean open = new AtomicBoolean(true);
        /** False on a Json connection until its session greeting reached the client. */
        private volatile boolean greeted;
        final AtomicInteger closeCode = new AtomicInteger();
        private static final AtomicInteger IDS = new AtomicInteger();
        private final String id = "fake-" + IDS.incrementAndGet();

        FakeConnection(URI uri, WireProtocol protocol, Listener listener) {
            this.uri = uri;
            this.protocol = protocol;
            this.greeted = !JsonProtocol.SUBPROTOCOL.equals(protocol.subprotocol());
            this.listener = listener;
        }

        @Override
        public String id() {
            return id;
        }

        @Override
        public String remoteAddress() {
            return "fake";
        }

        @Override
        public boolean isOpen() {
            return open.get();
        }

        @Override
        public SendResult send(WireFrame frame, SendParameters sendParameters) {
            if (!open.get()) {
                return SendResult.DISCONNECTED;
            }
            if (!greeted) {
                throw new AssertionError("a Json client sent before the server's session greeting");
            }
            OperationRequest request;
            try {
                request = (OperationRequest) protocol.decode(frame, ProtocolLimits.DEFAULTS);
            } catch (ProtocolException e) {
                throw new AssertionError("client sent an undecodable frame", e);
            }
            received.add(new Received(uri.getPath(), uri, request));
            Script script = scripts.get(uri.getPath());
            if (script != null) {
                List<Message> answers = script.handle(this, request);
                for (Message m : answers) {
                    push(m);
                }
            }
            return SendResult.OK;
        }

        /** Sends a message to the client (an event, or a response nobody asked for). */
        void push(Message message) {
            deliver(protocol.encode(message));
        }

        /** Sends a frame as it is. */
        void deliver(WireFrame frame) {
            wire.execute(() -> {
                if (open.get()) {
                    // Before onFrame: a client may answer the greeting from inside onFrame, or from a thread it
                    // wakes there, before onFrame returns; that send comes after the greeting and is correct.
                    greeted = true;
                    listener.onFrame(frame);
                }
            });
        }

        /** Client-initiated close. */
        @Override
        public void close(int code, String reason) {
            drop(code, reason);
        }

        /** Server-initiated close (or a broken socket with 1006): the client sees onClosed with this code. */
        void drop(int code, String reason) {
            if (open.compareAndSet(true, false)) {
                closeCode.set(code);
                wire.execute(() -> listener.onClosed(code, reason));
                wire.shutdown();
            }
        }

        boolean awaitClosed() throws InterruptedException {
            return wire.awaitTermination(5, TimeUnit.SECONDS);
        }
    }
}
