package org.photonee.web.socket;

import jakarta.websocket.CloseReason;
import jakarta.websocket.Endpoint;
import jakarta.websocket.EndpointConfig;
import jakarta.websocket.MessageHandler;
import jakarta.websocket.Session;
import org.photonee.core.codec.WireProtocols;
import org.photonee.core.codec.json.JsonProtocol;
import org.photonee.core.codes.DisconnectReason;
import org.photonee.core.fiber.EndOfBatch;
import org.photonee.core.peer.ApplicationBase;
import org.photonee.core.peer.CloseCodes;
import org.photonee.core.peer.InitRequest;
import org.photonee.core.peer.PeerBase;
import org.photonee.core.peer.PeerSettings;
import org.photonee.core.protocol.WireFrame;
import org.photonee.core.protocol.WireProtocol;

import java.nio.ByteBuffer;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * One WebSocket connection to a role ("ns", "master", "game", "s2s"): negotiates the wire protocol, offers the
 * connection to the role's application, and feeds frames to the peer. Transport only: framing and decoding live in
 * the codecs, behaviour in the peers.
 */
public final class PeerEndpoint extends Endpoint {
    private static final Logger LOG = Logger.getLogger(PeerEndpoint.class.getName());
    private static final AtomicLong CONNECTION_IDS = new AtomicLong();
    /** Headroom over our own limit, so the peer (not the container) rejects oversized messages, with a reason. */
    private static final int CONTAINER_BUFFER_FACTOR = 2;

    private final String role;
    private final PeerApplications applications;
    private volatile PeerBase peer;
    private volatile WebSocketConnection connection;

    PeerEndpoint(String role, PeerApplications applications) {
        this.role = role;
        this.applications = applications;
    }

    @Override
    public void onOpen(Session session, EndpointConfig config) {
        Optional<WireProtocol> protocol = protocols().byName(session.getNegotiatedSubprotocol());
        if (protocol.isEmpty()) {
            close(session, CloseCodes.PROTOCOL_ERROR, SubprotocolPolicy.refusal());
            return;
        }
        ApplicationBase application = applications.forEndpoint(role);
        if (application == null || !application.isRunning()) {
            close(session, CloseCodes.POLICY_VIOLATION, "Role '" + role + "' does not run on this server");
            return;
        }
        PeerSettings settings = application.environment().settings();
        int containerLimit = settings.limits().maxMessageSize() * CONTAINER_BUFFER_FACTOR;
        session.setMaxBinaryMessageBufferSize(containerLimit);
        session.setMaxTextMessageBufferSize(containerLimit);
        // The peer's own inactivity check decides, with Photon's disconnect reason. TyrusIdleTimer also takes Tyrus's
        // per-message idle timer off the managed scheduler (its context capture dominated the server's CPU).
        if (!TyrusIdleTimer.detach(session)) {
            session.setMaxIdleTimeout(0);
        }

        String id = "c" + CONNECTION_IDS.incrementAndGet() + Long.toString(System.nanoTime() & 0xffff, 36);
        WebSocketConnection conn = new WebSocketConnection(id, session, remoteAddress(session),
                settings.maxQueuedBytes());
        connection = conn;
        if (protocol.get() instanceof JsonProtocol) {
            // The JavaScript SDK waits for the session frame before it sends anything.
            conn.send(JsonProtocol.sessionGreeting(id), org.photonee.core.peer.SendParameters.DEFAULT);
        }
        InitRequest init = new InitRequest(conn, protocol.get(), role, applicationId(session),
                firstValue(session, "libversion"), query(session));
        PeerBase created;
        try {
            created = application.connect(init);
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "createPeer failed on " + role, e);
            conn.abort(CloseCodes.INTERNAL_ERROR, "Internal server error");
            return;
        }
        if (created == null) {
            conn.close(CloseCodes.POLICY_VIOLATION, "Connection refused by the " + role + " application");
            return;
        }
        peer = created;
        conn.attach(created);
        if (protocol.get().isText()) {
            // One received message is one batch: what the peer answers on this thread is flushed once.
            session.addMessageHandler(String.class, text ->
                    EndOfBatch.run(() -> created.receive(WireFrame.text(text))));
        } else {
            session.addMessageHandler(ByteBuffer.class, (MessageHandler.Whole<ByteBuffer>) data ->
                    EndOfBatch.run(() -> created.receive(WireFrame.view(data))));
        }
    }

    @Override
    public void onClose(Session session, CloseReason closeReason) {
        PeerBase p = peer;
        if (p != null) {
            p.transportClosed(DisconnectReason.CLIENT_DISCONNECT, closeReason.getCloseCode().getCode() + " "
                    + closeReason.getReasonPhrase());
        }
    }

    @Override
    public void onError(Session session, Throwable error) {
        LOG.log(Level.FINE, "WebSocket error on " + role, error);
        PeerBase p = peer;
        if (p != null) {
            p.transportClosed(DisconnectReason.SERVER_DISCONNECT, String.valueOf(error));
        }
        WebSocketConnection c = connection;
        if (c != null) {
            c.abort(CloseCodes.INTERNAL_ERROR, "Transport error");
        }
    }

    static WireProtocols protocols() {
        return SubprotocolPolicy.PROTOCOLS;
    }

    private static String applicationId(Session session) {
        String fromPath = session.getPathParameters().get("appId");
        if (fromPath != null && !fromPath.isBlank()) {
            return fromPath;
        }
        return firstValue(session, "app");
    }

    private static String firstValue(Session session, String name) {
        List<String> values = session.getRequestParameterMap().get(name);
        return values == null || values.isEmpty() ? null : values.get(0);
    }

    private static Map<String, String> query(Session session) {
        Map<String, String> q = new HashMap<>();
        session.getRequestParameterMap().forEach((k, v) -> {
            if (!v.isEmpty() && v.get(0) != null) {
                q.put(k, v.get(0));
            }
        });
        return q;
    }

    /** The WebSocket API has no portable remote address; Tyrus (Payara) offers one as a session property. */
    private static String remoteAddress(Session session) {
        Object address = session.getUserProperties().get("org.glassfish.tyrus.core.remoteAddr");
        return address == null ? "unknown" : address.toString();
    }

    private static void close(Session session, int code, String reason) {
        try {
            session.close(new CloseReason(CloseReason.CloseCodes.getCloseCode(code), CloseCodes.trimReason(reason)));
        } catch (Exception e) {
            LOG.log(Level.FINE, "close failed", e);
        }
    }
}
