package org.photonee.core.peer;

import java.lang.System.Logger.Level;
import java.security.SecureRandom;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicBoolean;
import org.photonee.core.codes.DisconnectReason;
import org.photonee.core.codes.InternalOperationCode;
import org.photonee.core.codes.ReturnCode;
import org.photonee.core.encryption.DiffieHellmanKeyExchange;
import org.photonee.core.encryption.EncryptedFrames;
import org.photonee.core.encryption.PayloadCipher;
import org.photonee.core.fiber.Fiber;
import org.photonee.core.protocol.EventData;
import org.photonee.core.protocol.Message;
import org.photonee.core.protocol.OperationRequest;
import org.photonee.core.protocol.OperationResponse;
import org.photonee.core.protocol.Parameters;
import org.photonee.core.protocol.ProtocolException;
import org.photonee.core.protocol.ProtocolLimits;
import org.photonee.core.protocol.WireFrame;
import org.photonee.core.protocol.WireProtocol;

/**
 * Base of every connection, client or server-to-server. The transport hands each received frame to
 * {@link #receive(WireFrame)} on its own thread; the frame is checked against the limits, decoded, pings are
 * answered on the spot, and everything else is executed serially on the peer's request fiber. A frame that breaks
 * the protocol closes this peer with a reason naming the problem; no other peer is affected.
 */
public abstract class PeerBase implements Peer {
    private static final System.Logger LOG = System.getLogger("org.photonee.peer");
    private static final long NANOS_PER_SECOND = 1_000_000_000L;
    private static final SecureRandom KEY_RANDOM = new SecureRandom();

    private final InitRequest initRequest;
    /** Fixed for inbound peers; replaced on each reconnect of an outbound peer (see {@link #attach}). */
    private volatile Connection connection;
    private final WireProtocol protocol;
    private final PeerEnvironment environment;
    private final ProtocolLimits limits;
    private final Fiber requestFiber;
    private final AtomicBoolean disconnected = new AtomicBoolean();
    private volatile long lastReceiveNanos = System.nanoTime();
    private volatile Runnable disconnectListener = () -> { };
    /** Set once by the InitEncryption exchange; null until then (encrypted messages are refused). */
    private volatile PayloadCipher payloadCipher;

    // Operation rate window; touched only by the transport's receive thread, which is serial per connection.
    private long windowStartNanos = System.nanoTime();
    private int operationsInWindow;
    private int strikes;
    private boolean overLimitInWindow;

    protected PeerBase(InitRequest initRequest, PeerEnvironment environment) {
        this(initRequest, environment, false);
    }

    /** For outbound peers, which start without a connection: {@code startDisconnected} until {@link #attach}. */
    PeerBase(InitRequest initRequest, PeerEnvironment environment, boolean startDisconnected) {
        this.initRequest = initRequest;
        this.disconnected.set(startDisconnected);
        this.connection = initRequest.connection();
        this.protocol = initRequest.protocol();
        this.environment = environment;
        this.limits = environment.settings().limits();
        this.requestFiber = environment.fibers().newFiber("peer-" + connection.id(), connection.ioExecutor());
    }

    // ---- what subclasses implement ----

    /** Handles one operation request, on the request fiber. */
    protected abstract void onOperationRequest(OperationRequest request, SendParameters sendParameters);

    /** Called once when the connection is gone, on the request fiber; the peer is disposed afterwards. */
    protected abstract void onDisconnect(DisconnectReason reason, String detail);

    /** An event arrived where none is expected (clients send no events). By default: disconnect. */
    protected void onEventReceived(EventData event, SendParameters sendParameters) {
        onUnexpectedData("unexpected event " + event.code());
    }

    /** A response arrived where none is expected. By default: disconnect. */
    protected void onOperationResponseReceived(OperationResponse response, SendParameters sendParameters) {
        onUnexpectedData("unexpected operation response " + response.code());
    }

    /** The outgoing queue is over its limit; by default the peer is too slow to keep and is disconnected. */
    protected void onSendBufferFull() {
        LOG.log(Level.WARNING, "peer {0}: send buffer full, disconnecting", connectionId());
        abort(CloseCodes.POLICY_VIOLATION, "Send buffer full: client too slow", DisconnectReason.MANAGED_DISCONNECT);
    }

    /** The listener this peer's current connection came in through. */
    public final Transport transport() {
        return connection.transport();
    }

    // ---- transport -> peer ----

    /** Called by the transport for every received frame, serially per connection. */
    public final void receive(WireFrame frame) {
        receive(frame, SendParameters.DEFAULT);
    }

    /**
     * As {@link #receive(WireFrame)}, for transports with channels (UDP): {@code received} says on which channel
     * and how reliably the frame came, and is what {@link #onOperationRequest} and the other handlers get.
     */
    public final void receive(WireFrame frame, SendParameters receivedAs) {
        if (disconnected.get()) {
            return;
        }
        lastReceiveNanos = System.nanoTime();
        environment.stats().received(frame.length());
        if (frame.length() > limits.maxMessageSize()) {
            protocolViolation(CloseCodes.MESSAGE_TOO_BIG, "Message of " + frame.length()
                    + " bytes exceeds the limit of " + limits.maxMessageSize());
            return;
        }
        if (frame.isText() != protocol.isText()) {
            protocolViolation(CloseCodes.UNSUPPORTED_DATA, (frame.isText() ? "Text" : "Binary")
                    + " message on a " + protocol.subprotocol() + " connection");
            return;
        }
        SendParameters received = receivedAs;
        if (EncryptedFrames.isEncrypted(frame)) {
            PayloadCipher cipher = payloadCipher;
            if (cipher == null) {
                protocolViolation(CloseCodes.PROTOCOL_ERROR,
                        "Encrypted message before encryption was established (InitEncryption)");
                return;
            }
            try {
                frame = EncryptedFrames.decrypt(frame, cipher);
            } catch (ProtocolException e) {
                protocolViolation(CloseCodes.INVALID_PAYLOAD, "Undecryptable message: " + e.getMessage());
                return;
            }
            // The answer to an encrypted request goes back encrypted (handlers reply with these parameters).
            received = received.withEncrypted(true);
        }
        SendParameters dispatchedAs = received;
        Message message;
        try {
            message = protocol.decode(frame, limits);
        } catch (ProtocolException e) {
            protocolViolation(CloseCodes.INVALID_PAYLOAD, "Malformed message: " + e.getMessage());
            return;
        }
        if (message instanceof OperationRequest request) {
            if (request.internal()) {
                onInternalOperation(request);
                return;
            }
            if (!admitOperation(request)) {
                return;
            }
            environment.stats().operationReceived();
        }
        requestFiber.enqueue(() -> dispatch(message, dispatchedAs));
    }

    /**
     * The transport heard from the client without a message for the peer (a UDP ping or ack): the client is alive,
     * so the inactivity timeout starts over. UDP clients keep alive with transport pings, not Photon pings.
     */
    public final void transportAlive() {
        lastReceiveNanos = System.nanoTime();
    }

    /** Called by the transport once when the connection closed or failed. */
    public final void transportClosed(DisconnectReason reason, String detail) {
        notifyDisconnect(reason, detail);
    }

    /** As {@link #transportClosed}, ignored when the closed connection is no longer this peer's (reconnected). */
    final void transportClosed(Connection source, DisconnectReason reason, String detail) {
        if (source == connection) {
            notifyDisconnect(reason, detail);
        }
    }

    /**
     * Puts a new connection under this peer after the previous one ended. Only outbound peers reconnect; the
     * request fiber and the peer's state survive.
     */
    final void attach(Connection newConnection) {
        if (!disconnected.get()) {
            throw new IllegalStateException("peer " + connectionId() + " is still connected");
        }
        connection = newConnection;
        lastReceiveNanos = System.nanoTime();
        disconnected.set(false);
    }

    /**
     * What happens after {@link #onDisconnect}: the peer is done, its fiber disposed. Outbound peers override this
     * to reconnect, keeping their fiber and state.
     */
    void afterDisconnect() {
        requestFiber.dispose();
        disconnectListener.run();
    }

    /** Disconnects peers that sent nothing within the inactivity timeout; called periodically by the application. */
    final boolean checkInactivity(long nowNanos) {
        long timeout = environment.settings().inactivityTimeoutMillis();
        if (timeout > 0 && !disconnected.get() && nowNanos - lastReceiveNanos > timeout * 1_000_000L) {
            abort(CloseCodes.GOING_AWAY, "Inactivity timeout: nothing received for " + timeout + " ms",
                    DisconnectReason.TIMEOUT_DISCONNECT);
            return true;
        }
        return false;
    }

    // ---- sending ----

    @Override
    public SendResult sendOperationResponse(OperationResponse response, SendParameters sendParameters) {
        OperationLog.sent(connectionId(), response);
        try {
            return countResponse(sendMessage(response, sendParameters));
        } catch (IllegalArgumentException e) {
            // A response the client's protocol cannot carry must still be answered, or the client waits forever.
            LOG.log(Level.ERROR, "peer {0}: response to operation {1} cannot be encoded in {2}: {3}", connectionId(),
                    response.code(), protocol.subprotocol(), e.getMessage());
            return countResponse(sendMessage(OperationResponse.error(response.code(),
                    ReturnCode.INTERNAL_SERVER_ERROR, "The response could not be encoded: " + e.getMessage()),
                    sendParameters));
        }
    }

    private SendResult countResponse(SendResult result) {
        if (result == SendResult.OK) {
            environment.stats().responseSent();
        }
        return result;
    }

    @Override
    public SendResult sendEvent(EventData event, SendParameters sendParameters) {
        OperationLog.sent(connectionId(), event);
        SendResult result = sendMessage(event, sendParameters);
        if (result == SendResult.OK) {
            environment.stats().eventSent();
        }
        return result;
    }

    @Override
    public SendResult sendEventFrame(WireFrame frame, SendParameters sendParameters) {
        SendResult result = sendFrame(frame, sendParameters);
        if (result == SendResult.OK) {
            environment.stats().eventSent();
        }
        return result;
    }

    protected final SendResult sendMessage(Message message, SendParameters sendParameters) {
        if (disconnected.get()) {
            return SendResult.DISCONNECTED;
        }
        return sendFrame(protocol.encode(message), sendParameters);
    }

    @Override
    public SendResult sendFrame(WireFrame frame, SendParameters sendParameters) {
        if (disconnected.get()) {
            return SendResult.DISCONNECTED;
        }
        if (sendParameters.encrypted()) {
            PayloadCipher cipher = payloadCipher;
            if (cipher == null || frame.isText()) {
                return SendResult.ENCRYPTION_NOT_SUPPORTED;
            }
            frame = EncryptedFrames.encrypt(frame, cipher);
        }
        if (frame.length() > limits.maxMessageSize()) {
            LOG.log(Level.WARNING, "peer {0}: dropped outgoing message of {1} bytes, over the limit of {2}",
                    connectionId(), frame.length(), limits.maxMessageSize());
            return SendResult.MESSAGE_TOO_BIG;
        }
        SendResult result = connection.send(frame, sendParameters);
        if (result == SendResult.OK) {
            environment.stats().sent(frame.length());
        }
        if (result == SendResult.SEND_BUFFER_FULL) {
            onSendBufferFull();
        }
        return result;
    }

    /** Sends the response, then closes the connection once it is written. */
    public void sendOperationResponseAndDisconnect(OperationResponse response, SendParameters sendParameters) {
        sendOperationResponse(response, sendParameters);
        disconnect();
    }

    // ---- closing ----

    /** A managed disconnect: queued messages are still delivered, then the connection closes. */
    @Override
    public void disconnect() {
        if (notifyDisconnect(DisconnectReason.MANAGED_DISCONNECT, "disconnected by server")) {
            connection.close(CloseCodes.NORMAL, "Disconnected by server");
        }
    }

    /** Closes the connection now with the given close code and reason. */
    public void abort(int closeCode, String reason, DisconnectReason disconnectReason) {
        if (notifyDisconnect(disconnectReason, reason)) {
            connection.abort(closeCode, reason);
        }
    }

    private boolean notifyDisconnect(DisconnectReason reason, String detail) {
        if (!disconnected.compareAndSet(false, true)) {
            return false;
        }
        environment.stats().disconnected(reason);
        SessionLog.disconnected(connectionId(), reason.name(), detail);
        requestFiber.enqueue(() -> {
            try {
                onDisconnect(reason, detail);
            } finally {
                afterDisconnect();
            }
        });
        return true;
    }

    void setDisconnectListener(Runnable listener) {
        this.disconnectListener = listener;
    }

    private void protocolViolation(int closeCode, String reason) {
        LOG.log(Level.INFO, "peer {0} ({1}): {2}", connectionId(), connection.remoteAddress(), reason);
        abort(closeCode, reason, DisconnectReason.SERVER_DISCONNECT);
    }

    /** Clients are not supposed to send this; by default the peer is disconnected. */
    protected void onUnexpectedData(String what) {
        protocolViolation(CloseCodes.PROTOCOL_ERROR, "Unexpected data: " + what);
    }

    // ---- dispatch ----

    private void dispatch(Message message, SendParameters received) {
        OperationLog.received(connectionId(), message);
        if (message instanceof OperationRequest request) {
            try {
                onOperationRequest(request, received);
            } catch (Throwable t) {
                sendOperationResponse(exceptionResponse(request, t), received);
            }
        } else if (message instanceof EventData event) {
            onEventReceived(event, received);
        } else if (message instanceof OperationResponse response) {
            onOperationResponseReceived(response, received);
        } else {
            onUnexpectedData(message.getClass().getSimpleName());
        }
    }

    /**
     * Logs an exception that escaped operation handling once, with its stack, under a short correlation id, and
     * returns the response the application's exception handler maps it to. Usable from any fiber (e.g. a room's).
     */
    public final OperationResponse exceptionResponse(OperationRequest request, Throwable error) {
        String correlationId = Integer.toHexString(ThreadLocalRandom.current().nextInt() | 0x10000000);
        LOG.log(Level.ERROR, "peer " + connectionId() + ": operation " + request.code() + " failed [ref "
                + correlationId + "]", error);
        try {
            return environment.exceptionHandler().toResponse(this, request, error, correlationId);
        } catch (RuntimeException handlerFailure) {
            LOG.log(Level.ERROR, "exception handler failed [ref " + correlationId + "]", handlerFailure);
            return ExceptionHandler.DEFAULT.toResponse(this, request, error, correlationId);
        }
    }

    private void onInternalOperation(OperationRequest request) {
        if (request.code() == InternalOperationCode.PING) {
            Parameters p = new Parameters(2);
            p.put(InternalOperationCode.PING_CLIENT_TIME, request.parameters().get(InternalOperationCode.PING_CLIENT_TIME));
            p.put(InternalOperationCode.PING_SERVER_TIME, (int) (System.nanoTime() / 1_000_000L));
            sendMessage(new OperationResponse(request.code(), ReturnCode.OK, null, p, true), SendParameters.DEFAULT);
        } else if (request.code() == InternalOperationCode.INIT_ENCRYPTION) {
            sendMessage(initEncryption(request), SendParameters.DEFAULT);
        } else {
            sendMessage(new OperationResponse(request.code(), ReturnCode.OPERATION_INVALID,
                    "Internal operation " + request.code() + " is not supported", new Parameters(), true),
                    SendParameters.DEFAULT);
        }
    }

    /**
     * The server half of the Diffie-Hellman exchange (NATIVE-PROTOCOLS.md §1.13), on the transport's receive thread
     * so the key is in place before the client's next (encrypted) message is read. One exchange per connection: a
     * second would change the key under responses already on their way. The response itself is never encrypted.
     */
    private OperationResponse initEncryption(OperationRequest request) {
        int code = request.code();
        if (protocol.isText()) {
            return new OperationResponse(code, ReturnCode.OPERATION_INVALID,
                    "Payload encryption needs a binary protocol, not " + protocol.subprotocol(), new Parameters(), true);
        }
        if (payloadCipher != null) {
            return new OperationResponse(code, ReturnCode.OPERATION_INVALID,
                    "Encryption is already established on this connection", new Parameters(), true);
        }
        if (!(request.parameters().get(InternalOperationCode.INIT_ENCRYPTION_PUBLIC_KEY) instanceof byte[] clientKey)) {
            return new OperationResponse(code, ReturnCode.INVALID_REQUEST_PARAMETERS,
                    "InitEncryption needs the client's public key as byte[] in parameter 1", new Parameters(), true);
        }
        DiffieHellmanKeyExchange serverKey = DiffieHellmanKeyExchange.create(KEY_RANDOM);
        try {
            payloadCipher = serverKey.deriveCipher(clientKey);
        } catch (DiffieHellmanKeyExchange.InvalidPublicKeyException e) {
            LOG.log(Level.INFO, "peer {0}: InitEncryption refused: {1}", connectionId(), e.getMessage());
            return new OperationResponse(code, ReturnCode.INVALID_REQUEST_PARAMETERS,
                    "Invalid public key: " + e.getMessage(), new Parameters(), true);
        }
        return new OperationResponse(code, ReturnCode.OK, null,
                Parameters.of(InternalOperationCode.INIT_ENCRYPTION_PUBLIC_KEY, serverKey.publicKey()), true);
    }

    /**
     * Payload encryption without Diffie-Hellman (NATIVE-PROTOCOLS.md §1.13 "Skipping DH"): the AuthOnce token's
     * secret is the AES key. Call on the request fiber before the response that tells the client it may encrypt;
     * false when a key is already in place (it is never replaced under messages on their way).
     */
    public final boolean initPayloadEncryption(byte[] aesKey) {
        if (payloadCipher != null || protocol.isText()) {
            return false;
        }
        payloadCipher = new PayloadCipher(aesKey);
        return true;
    }

    /** True once InitEncryption succeeded: messages may be sent with {@link SendParameters#encrypted()}. */
    public boolean isEncryptionEstablished() {
        return payloadCipher != null;
    }

    /**
     * Counts operations per one-second window. Over the limit: the request is refused with OperationLimitReached;
     * after {@code operationLimitStrikes} consecutive windows over the limit the peer is disconnected.
     */
    private boolean admitOperation(OperationRequest request) {
        int max = environment.settings().maxOperationsPerSecond();
        if (max == 0) {
            return true;
        }
        long now = System.nanoTime();
        if (now - windowStartNanos >= NANOS_PER_SECOND) {
            boolean consecutive = now - windowStartNanos < 2 * NANOS_PER_SECOND;
            strikes = overLimitInWindow && consecutive ? strikes : 0;
            windowStartNanos = now;
            operationsInWindow = 0;
            overLimitInWindow = false;
        }
        if (++operationsInWindow <= max) {
            return true;
        }
        if (!overLimitInWindow) {
            overLimitInWindow = true;
            if (++strikes >= environment.settings().operationLimitStrikes()) {
                LOG.log(Level.WARNING, "peer {0}: over {1} operations/s for {2} s, disconnecting", connectionId(),
                        max, strikes);
                abort(CloseCodes.POLICY_VIOLATION, "Operation limit exceeded", DisconnectReason.MANAGED_DISCONNECT);
                return false;
            }
        }
        sendOperationResponse(OperationResponse.error(request.code(), ReturnCode.OPERATION_LIMIT_REACHED,
                "Operation limit of " + max + " per second reached"), SendParameters.DEFAULT);
        return false;
    }

    // ---- accessors ----

    @Override
    public java.util.concurrent.Executor ioExecutor() {
        return connection.ioExecutor();
    }

    @Override
    public String connectionId() {
        return connection.id();
    }

    @Override
    public WireProtocol protocol() {
        return protocol;
    }

    public InitRequest initRequest() {
        return initRequest;
    }

    public Fiber requestFiber() {
        return requestFiber;
    }

    public PeerEnvironment environment() {
        return environment;
    }

    public boolean isConnected() {
        return !disconnected.get();
    }

    @Override
    public String toString() {
        return getClass().getSimpleName() + "[" + connectionId() + "]";
    }
}
