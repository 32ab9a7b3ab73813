package org.photonee.web.socket;

import jakarta.websocket.CloseReason;
import jakarta.websocket.RemoteEndpoint;
import jakarta.websocket.SendHandler;
import jakarta.websocket.Session;
import org.photonee.core.codes.DisconnectReason;
import org.photonee.core.peer.CloseCodes;
import org.photonee.core.peer.PeerBase;
import org.photonee.core.peer.QueuedConnection;
import org.photonee.core.protocol.WireFrame;

import java.io.IOException;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * A server-side WebSocket session as a peer's {@link org.photonee.core.peer.Connection}: frames are written with
 * the container's async remote, one at a time and in order (the queue in {@link QueuedConnection} holds the rest),
 * so a slow client never blocks a room fiber.
 */
final class WebSocketConnection extends QueuedConnection {
    private static final Logger LOG = Logger.getLogger(WebSocketConnection.class.getName());

    private final Session session;
    private final RemoteEndpoint.Async remote;
    private final String remoteAddress;
    private volatile PeerBase peer;

    WebSocketConnection(String id, Session session, String remoteAddress, long maxQueuedBytes) {
        super(id, maxQueuedBytes);
        this.session = session;
        this.remote = session.getAsyncRemote();
        this.remoteAddress = remoteAddress;
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
