package org.photonee.core.peer;

import java.util.Map;
import org.photonee.core.protocol.WireProtocol;

/**
 * What the server knows about a new inbound connection when it decides whether to accept it.
 *
 * @param connection    the transport (already open)
 * @param protocol      the negotiated wire protocol
 * @param endpoint      which endpoint was reached: "ns", "master", "game", "s2s"
 * @param applicationId app id from the URL (JS form {@code /<role>/{appId}}) or the {@code app} query parameter;
 *                      may be null
 * @param clientVersion the {@code libversion} query parameter, may be null
 * @param query         all query parameters (first value each)
 * @param initToken     the Photon token the client sent in its init (UDP "HTTP-style" init of the AuthOnce modes,
 *                      NATIVE-PROTOCOLS.md §1.7 B): master and game server authenticate with it at connect; null
 *                      when the client will authenticate with an operation
 */
public record InitRequest(Connection connection, WireProtocol protocol, String endpoint, String applicationId,
                          String clientVersion, Map<String, String> query, String initToken) {
    public InitRequest {
        query = query == null ? Map.of() : Map.copyOf(query);
    }

    /** An init without a token (every WebSocket client, UDP clients with the binary init). */
    public InitRequest(Connection connection, WireProtocol protocol, String endpoint, String applicationId,
                       String clientVersion, Map<String, String> query) {
        this(connection, protocol, endpoint, applicationId, clientVersion, query, null);
    }

    public String connectionId() {
        return connection.id();
    }
}
