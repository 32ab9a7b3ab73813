package org.photonee.client;

import java.net.URI;
import java.security.SecureRandom;
import java.util.ArrayDeque;
import java.util.HashMap;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.photonee.core.codec.json.JsonProtocol;
import org.photonee.core.codes.InternalOperationCode;
import org.photonee.core.codes.ReturnCode;
import org.photonee.core.encryption.DiffieHellmanKeyExchange;
import org.photonee.core.encryption.EncryptedFrames;
import org.photonee.core.encryption.PayloadCipher;
import org.photonee.core.peer.CloseCodes;
import org.photonee.core.peer.Connection;
import org.photonee.core.peer.SendParameters;
import org.photonee.core.peer.SendResult;
import org.photonee.core.peer.WebSocketConnector;
import org.photonee.core.protocol.EventData;
import org.photonee.core.protocol.Message;
import org.photonee.core.protocol.OperationRequest;
import org.photonee.core.protocol.OperationResponse;
import org.photonee.core.protocol.Parameters;
import org.photonee.core.protocol.ProtocolException;
import org.photonee.core.protocol.Values;
import org.photonee.core.protocol.WireFrame;

/**
 * One WebSocket connection to a Photon server (name server, master or game server) speaking the configured wire
 * protocol. Sends operation requests and matches their responses, delivers events, keeps the connection alive with
 * pings, and reports how it closed.
 *
 * <p><b>Correlation.</b> Photon responses carry no request id, only the operation code, and a server answers the
 * requests of one operation code in the order they were sent. So each operation code has a FIFO of waiting
 * futures: a response completes the oldest waiter of its code. A response nobody waits for (e.g. the error answer of
 * a RaiseEvent, which has no answer on success) goes to {@link Listener#onUnexpectedResponse}.
 *
 * <p>Thread-safe. Listener callbacks come from the transport's receiving thread, one at a time.
 */
public final class PhotonConnection {
    private static final Logger LOG = Logger.getLogger(PhotonConnection.class.getName());
    /** Internal operation code of ping (PROTOCOL.md §2). */
    static final int INTERNAL_PING = 1;
    private static final SecureRandom KEY_RANDOM = new SecureRandom();

    /** What the connection reports. Called on the receiving thread; keep it short. */
    public interface Listener {
        void onEvent(EventData event);

        /** A response no request was waiting for: typically an error answer to a fire-and-forget operation. */
        default void onUnexpectedResponse(OperationResponse response) {
        }

        /** The connection ended; {@code code} is the WebSocket close code (1006 when it broke without a close). */
        void onClosed(int code, String reason);
    }

    private final URI uri;
    private final ConnectionSettings settings;
    private final Listener listener;
    private final Map<Integer, ArrayDeque<CompletableFuture<OperationResponse>>> waiting = new HashMap<>();
    private final CompletableFuture<int[]> closedFuture = new CompletableFuture<>();
    private volatile Connection connection;
    private volatile Predicate<WireFrame> frameFilter;
    private volatile boolean closed;
    private volatile int closeCode;
    private volatile String closeReason;
    private volatile long lastSendNanos = System.nanoTime();
    private volatile int roundTripMillis = -1;
    private ScheduledFuture<?> pingTask;
    /** The payload cipher once {@link #establishEncryption} succeeded; encrypted sends need it. */
    private volatile PayloadCipher payloadCipher;
    /** Our half of a running exchange and who waits for it; guarded by {@code waiting}. */
    private DiffieHellmanKeyExchange pendingKeyExchange;
    private CompletableFuture<Void> pendingEncryption;
    /**
     * Completes when the server's session greeting arrived: a Json server sends it first and the client sends
     * nothing before it (PROTOCOL.md §1); already complete for the binary protocols, which have none.
     */
    private final CompletableFuture<Void> greeted;

    private PhotonConnection(URI uri, ConnectionSettings settings, Listener listener) {
        this.uri = uri;
        this.settings = settings;
        this.listener = listener;
        this.greeted = JsonProtocol.SUBPROTOCOL.equals(settings.protocol().subprotocol())
                ? new CompletableFuture<>() : CompletableFuture.completedFuture(null);
    }

    /**
     * Opens a connection. The returned stage completes when the WebSocket is open, or exceptionally with a
     * {@link PhotonDisconnectedException} (close code 1006) when it could not be opened.
     */
    public static CompletableFuture<PhotonConnection> open(URI uri, ConnectionSettings settings, Listener listener) {
        return open(uri, settings, listener, null);
    }

    /**
     * Opens a UDP connection whose init carries a Photon token (the AuthOnce modes, NATIVE-PROTOCOLS.md §1.7 B):
     * the server authenticates at connect and answers with an unrequested AuthOnce (231) response, which
     * {@link AuthOnceInit#answer(long)} completes with. Payload encryption uses the name server's secret as the AES key
     * from the start (no Diffie-Hellman).
     */
    public static CompletableFuture<PhotonConnection> openWithToken(URI uri, ConnectionSettings settings,
                                                                    Listener listener, AuthOnceInit init) {
        return open(uri, settings, listener, Objects.requireNonNull(init, "init"));
    }

    private static CompletableFuture<PhotonConnection> open(URI uri, ConnectionSettings settings, Listener listener,
                                                            AuthOnceInit tokenInit) {
        PhotonConnection pc = new PhotonConnection(uri, settings, Objects.requireNonNull(listener, "listener"));
        if (tokenInit != null) {
            if (!(settings.connector() instanceof UdpConnector)) {
                return CompletableFuture.failedFuture(new IllegalArgumentException(
                        "a token in the init needs the UDP transport (AuthOnce over WebSocket is not specified)"));
            }
            if (tokenInit.secret() != null) {
                pc.payloadCipher = new PayloadCipher(tokenInit.secret());
            }
            // Registered before connecting: the answer may arrive right behind the init response.
            synchronized (pc.waiting) {
                pc.waiting.computeIfAbsent(AuthOnceInit.OPERATION_CODE, k -> new ArrayDeque<>())
                        .add(tokenInit.answerFuture());
            }
        }
        WebSocketConnector.Listener transportListener = new WebSocketConnector.Listener() {
            @Override
            public void onFrame(WireFrame frame) {
                pc.received(frame);
            }

            @Override
            public void onClosed(int code, String reason) {
                pc.transportClosed(code, reason);
            }
        };
        CompletableFuture<PhotonConnection> result = new CompletableFuture<>();
        CompletableFuture<Connection> connecting = tokenInit == null
                ? settings.connector().connect(uri, settings.protocol(), transportListener)
                : ((UdpConnector) settings.connector()).connect(uri, settings.protocol(), transportListener,
                        tokenInit.token());
        connecting.whenComplete((c, error) -> {
            if (error != null) {
                pc.transportClosed(1006, "connect failed: " + rootMessage(error));
                result.completeExceptionally(new PhotonDisconnectedException(-1, 1006,
                        "could not connect to " + uri + ": " + rootMessage(error)));
                return;
            }
            pc.connection = c;
            pc.startPing();
            pc.greeted.orTimeout(settings.operationTimeout().toMillis(), TimeUnit.MILLISECONDS)
                    .whenComplete((v, noGreeting) -> {
                        if (noGreeting == null) {
                            result.complete(pc);
                            return;
                        }
                        pc.close(CloseCodes.PROTOCOL_ERROR, "no session greeting");
                        result.completeExceptionally(new PhotonDisconnectedException(-1, 1006,
                                "no Json session greeting from " + uri + ": " + rootMessage(noGreeting)));
                    });
        });
        return result;
    }

    public URI uri() {
        return uri;
    }

    public boolean isOpen() {
        Connection c = connection;
        return !closed && c != null && c.isOpen();
    }

    /** Last measured ping round trip in milliseconds, or -1 before the first ping answer. */
    public int roundTripMillis() {
        return roundTripMillis;
    }

    /** Completes with {@code {closeCode}} when the connection has ended, whoever closed it. */
    public CompletableFuture<Integer> closed() {
        return closedFuture.thenApply(a -> a[0]);
    }

    public int closeCode() {
        return closeCode;
    }

    public String closeReason() {
        return closeReason;
    }

    /**
     * Installs a filter that sees every received frame before it is decoded; returning true consumes it. The load
     * generator reads its relay events straight from the bytes this way instead of decoding them.
     */
    public void setFrameFilter(Predicate<WireFrame> filter) {
        this.frameFilter = filter;
    }

    /**
     * Sends a request and completes with its response, whatever the return code (callers decide what an error
     * means). Fails with {@link PhotonDisconnectedException} when the connection ends first and with a
     * {@link java.util.concurrent.TimeoutException} after the operation timeout.
     */
    public CompletableFuture<OperationResponse> request(OperationRequest request) {
        return request(request, SendParameters.DEFAULT);
    }

    /**
     * As {@link #request(OperationRequest)}, sent with the given parameters; {@code encrypted} needs
     * {@link #establishEncryption} first (the send fails with ENCRYPTION_NOT_SUPPORTED otherwise).
     */
    public CompletableFuture<OperationResponse> request(OperationRequest request, SendParameters sendParameters) {
        CompletableFuture<OperationResponse> answer = new CompletableFuture<>();
        int code = request.code();
        SendResult result;
        // Registering and sending under one lock keeps the FIFO in wire order when threads send concurrently.
        synchronized (waiting) {
            if (closed) {
                answer.completeExceptionally(new PhotonDisconnectedException(code, closeCode, closeReason));
                return answer;
            }
            waiting.computeIfAbsent(code, k -> new ArrayDeque<>()).add(answer);
            result = sendMessage(request, sendParameters);
            if (result != SendResult.OK) {
                waiting.get(code).removeLastOccurrence(answer);
            }
        }
        if (result != SendResult.OK) {
            answer.completeExceptionally(new PhotonDisconnectedException(code, closeCode == 0 ? 1006 : closeCode,
                    "send failed: " + result));
            return answer;
        }
        // The waiter stays queued after a timeout: the late answer must still pop it, or later answers would shift.
        return answer.copy().orTimeout(settings.operationTimeout().toMillis(), TimeUnit.MILLISECONDS);
    }

    /** Sends a request that gets no answer on success (RaiseEvent, ChangeGroups). */
    public SendResult send(OperationRequest request) {
        return send(request, SendParameters.DEFAULT);
    }

    /**
     * As {@link #send(OperationRequest)} on a channel and with a reliability; only UDP honours them (WebSocket
     * delivers everything reliably, in one order).
     */
    public SendResult send(OperationRequest request, SendParameters sendParameters) {
        if (closed) {
            return SendResult.DISCONNECTED;
        }
        return sendMessage(request, sendParameters);
    }

    /** Sends an already encoded frame: the load generator's pre-encoded RaiseEvent. */
    public SendResult sendFrame(WireFrame frame) {
        return sendFrame(frame, SendParameters.DEFAULT);
    }

    public SendResult sendFrame(WireFrame frame, SendParameters sendParameters) {
        Connection c = connection;
        if (closed || c == null) {
            return SendResult.DISCONNECTED;
        }
        lastSendNanos = System.nanoTime();
        return c.send(frame, sendParameters);
    }

    /**
     * Runs the Diffie-Hellman exchange of payload encryption (InitEncryption, NATIVE-PROTOCOLS.md §1.13): sends our
     * public key, derives the AES key from the server's answer. Completes when encrypted requests can be sent;
     * fails with a {@link PhotonException} when the server refuses, or after the operation timeout.
     */
    public CompletableFuture<Void> establishEncryption() {
        CompletableFuture<Void> done;
        DiffieHellmanKeyExchange keyExchange = DiffieHellmanKeyExchange.create(KEY_RANDOM);
        synchronized (waiting) {
            if (payloadCipher != null) {
                return CompletableFuture.completedFuture(null);
            }
            if (pendingEncryption != null) {
                return pendingEncryption.copy();
            }
            if (closed) {
                return CompletableFuture.failedFuture(new PhotonDisconnectedException(
                        InternalOperationCode.INIT_ENCRYPTION, closeCode, closeReason));
            }
            done = new CompletableFuture<>();
            pendingKeyExchange = keyExchange;
            pendingEncryption = done;
            SendResult result = sendMessage(new OperationRequest(InternalOperationCode.INIT_ENCRYPTION,
                    Parameters.of(InternalOperationCode.INIT_ENCRYPTION_PUBLIC_KEY, keyExchange.publicKey()), true));
            if (result != SendResult.OK) {
                pendingEncryption = null;
                pendingKeyExchange = null;
                return CompletableFuture.failedFuture(new PhotonDisconnectedException(
                        InternalOperationCode.INIT_ENCRYPTION, closeCode == 0 ? 1006 : closeCode,
                        "send failed: " + result));
            }
        }
        return done.copy().orTimeout(settings.operationTimeout().toMillis(), TimeUnit.MILLISECONDS);
    }

    /** True once {@link #establishEncryption} succeeded. */
    public boolean isEncryptionEstablished() {
        return payloadCipher != null;
    }

    private SendResult sendMessage(Message message) {
        return sendMessage(message, SendParameters.DEFAULT);
    }

    private SendResult sendMessage(Message message, SendParameters sendParameters) {
        WireFrame frame;
        try {
            frame = settings.protocol().encode(message);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("cannot encode " + message + ": " + e.getMessage(), e);
        }
        if (sendParameters.encrypted()) {
            PayloadCipher cipher = payloadCipher;
            if (cipher == null || frame.isText()) {
                return SendResult.ENCRYPTION_NOT_SUPPORTED;
            }
            frame = EncryptedFrames.encrypt(frame, cipher);
        }
        return sendFrame(frame, sendParameters);
    }

    /** Closes normally (1000) after what is queued has been written. */
    public void close() {
        close(CloseCodes.NORMAL, "client disconnect");
    }

    public void close(int code, String reason) {
        Connection c = connection;
        if (c != null && !closed) {
            c.close(code, reason);
        } else {
            transportClosed(code, reason);
        }
    }

    private void received(WireFrame frame) {
        Predicate<WireFrame> filter = frameFilter;
        if (filter != null && filter.test(frame)) {
            return;
        }
        if (!greeted.isDone() && JsonProtocol.sessionIdOf(frame) != null) {
            greeted.complete(null);
            return;
        }
        Message message;
        try {
            if (EncryptedFrames.isEncrypted(frame)) {
                PayloadCipher cipher = payloadCipher;
                if (cipher == null) {
                    throw new ProtocolException("encrypted message before encryption was established");
                }
                frame = EncryptedFrames.decrypt(frame, cipher);
            }
            message = settings.protocol().decode(frame, settings.limits());
        } catch (ProtocolException e) {
            LOG.log(Level.WARNING, "undecodable frame from " + uri + ": " + e.getMessage());
            Connection c = connection;
            if (c != null) {
                c.abort(CloseCodes.PROTOCOL_ERROR, "undecodable frame");
            }
            transportClosed(CloseCodes.PROTOCOL_ERROR, "undecodable frame from server: " + e.getMessage());
            return;
        }
        if (message instanceof EventData event) {
            listener.onEvent(event);
        } else if (message instanceof OperationResponse response) {
            if (response.internal()) {
                internalResponse(response);
                return;
            }
            CompletableFuture<OperationResponse> waiter;
            synchronized (waiting) {
                ArrayDeque<CompletableFuture<OperationResponse>> queue = waiting.get(response.code());
                waiter = queue == null ? null : queue.poll();
            }
            if (waiter == null) {
                listener.onUnexpectedResponse(response);
            } else if (!waiter.complete(response) && !response.isOk()) {
                // The caller gave up waiting (timeout) but the late answer is an error: still worth reporting.
                listener.onUnexpectedResponse(response);
            }
        } else {
            LOG.fine(() -> "ignoring unexpected message from server: " + message);
        }
    }

    private void internalResponse(OperationResponse response) {
        if (response.code() == InternalOperationCode.INIT_ENCRYPTION) {
            encryptionAnswered(response);
        } else if (response.code() == INTERNAL_PING) {
            Object sent = response.parameters().get(1);
            if (sent != null && Values.isIntegral(sent)) {
                roundTripMillis = Math.max(0, clientTime() - Values.toInt(sent));
            }
        }
    }

    private void encryptionAnswered(OperationResponse response) {
        DiffieHellmanKeyExchange keyExchange;
        CompletableFuture<Void> done;
        synchronized (waiting) {
            keyExchange = pendingKeyExchange;
            done = pendingEncryption;
            pendingKeyExchange = null;
            pendingEncryption = null;
        }
        if (done == null) {
            LOG.fine(() -> "ignoring an InitEncryption answer nobody asked for");
            return;
        }
        if (!response.isOk()) {
            done.completeExceptionally(new PhotonException(InternalOperationCode.INIT_ENCRYPTION,
                    response.returnCode(), response.debugMessage()));
            return;
        }
        Object serverKey = response.parameters().get(InternalOperationCode.INIT_ENCRYPTION_PUBLIC_KEY);
        try {
            if (!(serverKey instanceof byte[] key)) {
                throw new DiffieHellmanKeyExchange.InvalidPublicKeyException("no server public key in the answer");
            }
            // Set before completing: whoever waits sends encrypted right away.
            payloadCipher = keyExchange.deriveCipher(key);
            done.complete(null);
        } catch (DiffieHellmanKeyExchange.InvalidPublicKeyException e) {
            done.completeExceptionally(new PhotonException(InternalOperationCode.INIT_ENCRYPTION,
                    ReturnCode.INTERNAL_SERVER_ERROR, "bad server public key: " + e.getMessage()));
        }
    }

    private void startPing() {
        long interval = settings.pingInterval().toMillis();
        if (interval <= 0) {
            return;
        }
        synchronized (waiting) {
            if (closed) {
                return;
            }
            pingTask = ClientThreads.SCHEDULER.scheduleWithFixedDelay(this::pingIfIdle, interval, interval,
                    TimeUnit.MILLISECONDS);
        }
    }

    /** Pings only when nothing was sent for a whole interval: a busy connection proves it is alive already. */
    private void pingIfIdle() {
        long idleNanos = System.nanoTime() - lastSendNanos;
        if (idleNanos >= settings.pingInterval().toNanos() * 9 / 10 && isOpen()) {
            send(new OperationRequest(INTERNAL_PING, Parameters.of(1, clientTime()), true));
        }
    }

    /** Milliseconds on a monotonic clock, truncated to int as the ping parameter is an int. */
    private static int clientTime() {
        return (int) (System.nanoTime() / 1_000_000L);
    }

    private void transportClosed(int code, String reason) {
        Map<Integer, ArrayDeque<CompletableFuture<OperationResponse>>> orphans;
        CompletableFuture<Void> encryption;
        synchronized (waiting) {
            if (closed) {
                return;
            }
            closed = true;
            closeCode = code;
            closeReason = reason;
            if (pingTask != null) {
                pingTask.cancel(false);
            }
            orphans = new HashMap<>(waiting);
            waiting.clear();
            encryption = pendingEncryption;
            pendingEncryption = null;
            pendingKeyExchange = null;
        }
        if (encryption != null) {
            encryption.completeExceptionally(new PhotonDisconnectedException(InternalOperationCode.INIT_ENCRYPTION,
                    code, reason));
        }
        for (Map.Entry<Integer, ArrayDeque<CompletableFuture<OperationResponse>>> e : orphans.entrySet()) {
            for (CompletableFuture<OperationResponse> f : e.getValue()) {
                f.completeExceptionally(new PhotonDisconnectedException(e.getKey(), code, reason));
            }
        }
        greeted.completeExceptionally(new PhotonDisconnectedException(-1, code, reason));
        closedFuture.complete(new int[] {code});
        try {
            listener.onClosed(code, reason);
        } catch (RuntimeException ex) {
            LOG.log(Level.WARNING, "close listener failed", ex);
        }
    }

    private static String rootMessage(Throwable t) {
        Throwable c = t;
        while (c.getCause() != null && c.getCause() != c) {
            c = c.getCause();
        }
        return c.getClass().getSimpleName() + (c.getMessage() == null ? "" : ": " + c.getMessage());
    }

    @Override
    public String toString() {
        return "PhotonConnection[" + uri + (closed ? ", closed " + closeCode : "") + "]";
    }
}
