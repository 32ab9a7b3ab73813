package org.photonee.web.bench;

import jakarta.websocket.CloseReason;
import jakarta.websocket.Endpoint;
import jakarta.websocket.EndpointConfig;
import jakarta.websocket.MessageHandler;
import jakarta.websocket.SendHandler;
import jakarta.websocket.Session;

import java.nio.ByteBuffer;
import org.photonee.web.socket.TyrusIdleTimer;

/**
 * The bare relay ceiling of the benchmark ({@code ./photon bench --ceiling}): {@code /bench/relay/{group}} relays
 * each binary message, unchanged, to every session connected to the same group (the sender included), with the
 * container's async remote. None of the server's logic runs, so the same workload against it measures what the
 * container and the WebSocket stack cost by themselves. Registered only when {@code photon.bench.relay=true}
 * (see {@link org.photonee.web.socket.PhotonEndpoints}); a normal run has no such path.
 */
public final class BenchRelayEndpoint extends Endpoint {
    public static final String PATH = "/bench/relay/{group}";
    /** The config key that registers the endpoint. */
    public static final String ENABLE_KEY = "photon.bench.relay";

    private static final RelayGroups<Session> GROUPS = new RelayGroups<>();
    private static final SendHandler IGNORE = result -> { };

    @Override
    public void onOpen(Session session, EndpointConfig config) {
        String group = session.getPathParameters().get("group");
        // The same transport setup as the server's own connections (PeerEndpoint), so the ratio compares logic.
        if (!TyrusIdleTimer.detach(session)) {
            session.setMaxIdleTimeout(0);
        }
        GROUPS.join(group, session);
        session.addMessageHandler(ByteBuffer.class, (MessageHandler.Whole<ByteBuffer>) data -> {
            // One copy per message (the container may reuse its buffer), then a view per recipient.
            byte[] bytes = new byte[data.remaining()];
            data.get(bytes);
            GROUPS.relay(group, s -> {
                if (s.isOpen()) {
                    s.getAsyncRemote().sendBinary(ByteBuffer.wrap(bytes), IGNORE);
                }
            });
        });
    }

    @Override
    public void onClose(Session session, CloseReason closeReason) {
        GROUPS.leave(session.getPathParameters().get("group"), session);
    }

    @Override
    public void onError(Session session, Throwable error) {
        GROUPS.leave(session.getPathParameters().get("group"), session);
    }
}
