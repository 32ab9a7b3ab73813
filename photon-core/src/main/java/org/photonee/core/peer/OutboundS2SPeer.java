package org.photonee.core.peer;

import java.lang.System.Logger.Level;
import java.net.URI;
import java.util.concurrent.ThreadLocalRandom;
import org.photonee.core.codes.DisconnectReason;
import org.photonee.core.fiber.Cancellable;
import org.photonee.core.protocol.WireFrame;
import org.photonee.core.protocol.WireProtocol;

/**
 * The connecting side of a server-to-server link (a game server's link to its master). It connects, reports
 * {@link #onConnectionEstablished()} or {@link #onConnectionFailed(String)}, and after a failure or a lost
 * connection tries again with exponential backoff and jitter until {@link #stop()}. Everything, including the
 * callbacks, runs on the peer's request fiber.
 */
public abstract class OutboundS2SPeer extends S2SPeerBase {
    private static final System.Logger LOG = System.getLogger("org.photonee.s2s");

    /** Reconnect delays: first retry, growth factor 2, upper bound. */
    public record Backoff(long initialMillis, long maxMillis) {
        public static final Backoff DEFAULT = new Backoff(500, 15_000);

        long delay(int attempt) {
            long d = initialMillis << Math.min(attempt, 20);
            d = Math.min(d, maxMillis);
            return d / 2 + ThreadLocalRandom.current().nextLong(d / 2 + 1);
        }
    }

    private final URI target;
    private final WebSocketConnector connector;
    private final Backoff backoff;
    private int failedAttempts;
    private boolean started;
    private boolean stopped;
    private Cancellable retry = Cancellable.NONE;

    protected OutboundS2SPeer(URI target, WireProtocol protocol, WebSocketConnector connector,
                              PeerEnvironment environment, Backoff backoff) {
        super(new InitRequest(NotConnected.INSTANCE, protocol, "s2s-outbound", null, null, null), environment,
                true);
        this.target = target;
        this.connector = connector;
        this.backoff = backoff;
    }

    /** The link is up; typically: register and send the full state. */
    protected abstract void onConnectionEstablished();

    /** One connection attempt failed; another follows after the backoff. */
    protected void onConnectionFailed(String reason) {
    }

    /** Starts connecting. */
    public final void start() {
        requestFiber().enqueue(() -> {
            if (!started && !stopped) {
                started = true;
                connectNow();
            }
        });
    }

    /** Closes the link and stops reconnecting. */
    public final void stop() {
        requestFiber().enqueue(() -> {
            stopped = true;
            retry.cancel();
            if (isConnected()) {
                abort(CloseCodes.GOING_AWAY, "Server shutting down", DisconnectReason.MANAGED_DISCONNECT);
            }
        });
    }

    public URI target() {
        return target;
    }

    @Override
    final void afterDisconnect() {
        scheduleReconnect();
    }

    private void connectNow() {
        if (stopped) {
            return;
        }
        LinkListener listener = new LinkListener();
        connector.connect(target, protocol(), listener).whenComplete((connection, error) ->
                requestFiber().enqueue(() -> connectCompleted(listener, connection, error)));
    }

    private void connectCompleted(LinkListener listener, Connection connection, Throwable error) {
        if (error != null) {
            connectFailed(error);
            return;
        }
        if (stopped) {
            connection.close(CloseCodes.GOING_AWAY, "Server shutting down");
            return;
        }
        attach(connection);
        listener.bind(connection);
        failedAttempts = 0;
        LOG.log(Level.INFO, "connected to {0}", target);
        onConnectionEstablished();
    }

    private void connectFailed(Throwable error) {
        Throwable cause = error.getCause() != null ? error.getCause() : error;
        String reason = cause.getClass().getSimpleName() + ": " + cause.getMessage();
        failedAttempts++;
        if (failedAttempts == 1 || failedAttempts % 10 == 0) {
            LOG.log(Level.WARNING, "cannot connect to {0} (attempt {1}): {2}", target, failedAttempts, reason);
        }
        onConnectionFailed(reason);
        scheduleReconnect();
    }

    private void scheduleReconnect() {
        if (!stopped) {
            retry = requestFiber().schedule(this::connectNow, backoff.delay(failedAttempts));
        }
    }

    /**
     * Receives one connection's traffic. Frames or a close can arrive before the connection is attached (the
     * attach runs on the fiber); both are held until {@link #bind} so none is lost or applied to a stale link.
     */
    private final class LinkListener implements WebSocketConnector.Listener {
        private Connection connection;
        private java.util.List<WireFrame> early = new java.util.ArrayList<>();
        private String earlyClose;

        @Override
        public synchronized void onFrame(WireFrame frame) {
            if (connection == null) {
                early.add(frame);
            } else {
                receive(frame);
            }
        }

        @Override
        public synchronized void onClosed(int code, String reason) {
            if (connection == null) {
                earlyClose = "closed " + code + " " + reason;
            } else {
                transportClosed(connection, DisconnectReason.SERVER_DISCONNECT, "closed " + code + " " + reason);
            }
        }

        synchronized void bind(Connection c) {
            connection = c;
            for (WireFrame frame : early) {
                receive(frame);
            }
            early = null;
            if (earlyClose != null) {
                transportClosed(c, DisconnectReason.SERVER_DISCONNECT, earlyClose);
            }
        }
    }

    /** Placeholder transport before the first connection is established. */
    private static final class NotConnected implements Connection {
        static final NotConnected INSTANCE = new NotConnected();

        @Override
        public String id() {
            return "not-connected";
        }

        @Override
        public String remoteAddress() {
            return "none";
        }

        @Override
        public boolean isOpen() {
            return false;
        }

        @Override
        public SendResult send(WireFrame frame, SendParameters sendParameters) {
            return SendResult.DISCONNECTED;
        }

        @Override
        public void close(int closeCode, String reason) {
        }
    }
}
