package org.photonee.netty.udp;

import org.photonee.core.enet.DisconnectCode;
import org.photonee.core.peer.Connection;
import org.photonee.core.peer.SendParameters;
import org.photonee.core.peer.SendResult;
import org.photonee.core.peer.Transport;
import org.photonee.core.protocol.WireFrame;

import java.nio.ByteBuffer;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A UDP session as a peer's {@link Connection}. Sends from any thread hop onto the role's event loop, where the
 * session queues them on the frame's channel with its reliability ({@link SendParameters#unreliable()} is honoured
 * here, unlike on WebSocket). Bytes not yet acked count against {@code maxQueuedBytes}: over it, sends report
 * SEND_BUFFER_FULL and the peer disconnects the slow client as on the other transports.
 */
final class UdpConnection implements Connection {
    private final String id;
    private final String remoteAddress;
    private final UdpPeer owner;
    private final long maxQueuedBytes;
    /** Bytes handed to the event loop and not yet taken by the session. */
    private final AtomicLong inHandOver = new AtomicLong();
    /** The session's unacked bytes as of the last service (written on the event loop). */
    volatile long sessionQueued;
    private volatile boolean open = true;

    UdpConnection(String id, String remoteAddress, UdpPeer owner, long maxQueuedBytes) {
        this.id = id;
        this.remoteAddress = remoteAddress;
        this.owner = owner;
        this.maxQueuedBytes = maxQueuedBytes;
    }

    @Override
    public String id() {
        return id;
    }

    @Override
    public String remoteAddress() {
        return remoteAddress;
    }

    @Override
    public boolean isOpen() {
        return open;
    }

    /** UDP clients are handed UDP addresses ("host:port") of the master and game servers. */
    @Override
    public Transport transport() {
        return Transport.UDP;
    }

    @Override
    public SendResult send(WireFrame frame, SendParameters sendParameters) {
        if (!open) {
            return SendResult.DISCONNECTED;
        }
        ByteBuffer data = frame.binary();
        int size = data.remaining();
        long pending = inHandOver.addAndGet(size);
        if (pending + sessionQueued > maxQueuedBytes && pending != size) {
            inHandOver.addAndGet(-size);
            return SendResult.SEND_BUFFER_FULL;
        }
        byte[] bytes = new byte[size];
        data.get(bytes);
        owner.sendFromAnyThread(sendParameters.channelId(), !sendParameters.unreliable(), bytes, () ->
                inHandOver.addAndGet(-size));
        return SendResult.OK;
    }

    @Override
    public void close(int closeCode, String reason) {
        if (open) {
            open = false;
            owner.disconnectFromAnyThread(DisconnectCode.SERVER_LOGIC, reason);
        }
    }

    void closed() {
        open = false;
    }

    @Override
    public String toString() {
        return "UdpConnection[" + id + " " + remoteAddress + "]";
    }
}
