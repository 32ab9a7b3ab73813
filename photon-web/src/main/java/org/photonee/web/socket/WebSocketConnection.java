package org.photonee.web.socket;

import jakarta.websocket.CloseReason;
import jakarta.websocket.RemoteEndpoint;
import jakarta.websocket.SendHandler;
import jakarta.websocket.Session;
import org.photonee.core.codes.DisconnectReason;
import org.photonee.core.fiber.EndOfBatch;
import org.photonee.core.peer.CloseCodes;
import org.photonee.core.peer.PeerBase;
import org.photonee.core.peer.QueuedConnection;
import org.photonee.core.protocol.WireFrame;

import java.io.IOException;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * A server-side WebSocket session as a peer's {@link org.photonee.core.peer.Connection}: frames are written with
 * the container's async remote, one at a time and in order (the queue in {@link QueuedConnection} holds the rest),
 * so a slow client never blocks a room fiber. Batching is allowed on the remote and it is flushed once per batch of
 * work ({@link EndOfBatch}), or at once outside one: Undertow (WildFly) then writes a batch's frames together;
 * Tyrus (Payara) ignores batching and sends each frame as it comes, which costs nothing extra.
 */
final class WebSocketConnection extends QueuedConnection {
    private static final Logger LOG = Logger.getLogger(WebSocketConnection.class.getName());

    private final Session session;
    private final RemoteEndpoint.Async remote;
    private final String remoteAddress;
    private final AtomicBoolean flushRequested = new AtomicBoolean();
    private final Runnable flush = this::flushBatch;
    private volatile PeerBase peer;

    WebSocketConnection(String id, Session session, String remoteAddress, long maxQueuedBytes) {
        super(id, maxQueuedBytes);
        this.session = session;
        this.remote = session.getAsyncRemote();
        this.remoteAddress = remoteAddress;
        try {
            remote.setBatchingAllowed(true);
        } catch (IOException | RuntimeException e) {
            LOG.log(Level.FINE, "batching not available on " + id, e);
        }
    }

    @Override
    public boolean isSecure() {
        return session.isSecure();
    }

    void attach(PeerBase peer) {
        this.peer = peer;
    }

    @Override
    public String remoteAddress() {
        return remoteAddress;
    }

    @Override
    public boolean isOpen() {
        return session.isOpen();
    }

    @Override
    protected void write(WireFrame frame) {
        SendHandler done = result -> writeCompleted(frame, result.isOK() ? null : result.getException());
        if (frame.isText()) {
            remote.sendText(frame.text(), done);
        } else {
            remote.sendBinary(frame.binary(), done);
        }
        // Every write is followed by a flush: at the end of the batch it belongs to, or now. A write that finds a
        // flush already requested is covered by it (the flag is cleared just before that flush runs).
        if (flushRequested.compareAndSet(false, true) && !EndOfBatch.defer(flush)) {
            flush.run();
        }
    }

    private void flushBatch() {
        flushRequested.set(false);
        try {
            remote.flushBatch();
        } catch (IOException | IllegalStateException e) {
            LOG.log(Level.FINE, "flush of " + id() + " failed", e);
        }
    }

    @Override
    protected void closeNow(int code, String reason) {
        if (!session.isOpen()) {
            return;
        }
        try {
            session.close(new CloseReason(CloseReason.CloseCodes.getCloseCode(code), reason));
        } catch (IOException | IllegalStateException e) {
            LOG.log(Level.FINE, "close of " + id() + " failed", e);
        }
    }

    @Override
    protected void onWriteFailed(Throwable error) {
        LOG.log(Level.FINE, "write to " + id() + " failed", error);
        closeNow(CloseCodes.INTERNAL_ERROR, "Write failed");
        PeerBase p = peer;
        if (p != null) {
            p.transportClosed(DisconnectReason.SERVER_DISCONNECT, "Write failed: " + error);
        }
    }
}
