package org.photonee.core.peer;

import java.net.URI;
import java.util.concurrent.CompletableFuture;
import org.photonee.core.protocol.WireFrame;
import org.photonee.core.protocol.WireProtocol;

/** Opens outbound WebSocket connections (game server to master, and clients). */
public interface WebSocketConnector {
    /** Receives what arrives on an outbound connection, serially. */
    interface Listener {
        void onFrame(WireFrame frame);

        /** The connection ended; {@code code} is the WebSocket close code, or 1006 when it broke. */
        void onClosed(int code, String reason);
    }

    /** Opens a connection offering the protocol's subprotocol; completes exceptionally when that fails. */
    CompletableFuture<Connection> connect(URI uri, WireProtocol protocol, Listener listener);
}
