package org.photonee.core.peer;

import org.photonee.core.protocol.EventData;
import org.photonee.core.protocol.OperationResponse;
import org.photonee.core.protocol.WireFrame;
import org.photonee.core.protocol.WireProtocol;

/**
 * What domain code (rooms, lobbies) sees of a connected peer: who it is, which protocol it speaks, and how to send
 * to it. Sends are non-blocking and may be called from any fiber.
 */
public interface Peer {
    /** Unique id of the underlying connection, for logs and as a map key. */
    String connectionId();

    WireProtocol protocol();

    SendResult sendOperationResponse(OperationResponse response, SendParameters sendParameters);

    SendResult sendEvent(EventData event, SendParameters sendParameters);

    /** Sends a frame already encoded in this peer's {@link #protocol()}: how broadcasts avoid re-encoding. */
    SendResult sendFrame(WireFrame frame, SendParameters sendParameters);

    /**
     * Sends an event's frame already encoded in this peer's {@link #protocol()} (a broadcast's shared encoding): as
     * {@link #sendFrame}, and counted as a sent event where the peer keeps counters.
     */
    default SendResult sendEventFrame(WireFrame frame, SendParameters sendParameters) {
        return sendFrame(frame, sendParameters);
    }

    /** Its connection's I/O thread ({@link Connection#ioExecutor()}), or null: where a room it creates runs. */
    default java.util.concurrent.Executor ioExecutor() {
        return null;
    }

    /** Closes the connection from the server side (a managed disconnect). */
    void disconnect();
}
