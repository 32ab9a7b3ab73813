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
 */
public record InitRequest(Connection connection, WireProtocol protocol, String endpoint, String applicationId,
                          String clientVersion, Map<String, String> query) {
    public InitRequest {
        query = query == null ? Map.of() : Map.copyOf(query);
    }

    public String connectionId() {
        return connection.id();
    }
}
