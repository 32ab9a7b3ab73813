package org.photonee.web.socket;

import jakarta.websocket.server.ServerEndpointConfig;
import org.photonee.core.protocol.WireProtocol;

import java.util.List;

/**
 * Negotiates the wire protocol (the first of the client's offers we speak, in our preference order) and creates one
 * {@link PeerEndpoint} per connection for its role.
 */
final class SubprotocolConfigurator extends ServerEndpointConfig.Configurator {
    private final String role;
    private final PeerApplications applications;

    SubprotocolConfigurator(String role, PeerApplications applications) {
        this.role = role;
        this.applications = applications;
    }

    @Override
    public String getNegotiatedSubprotocol(List<String> supported, List<String> requested) {
        return SubprotocolPolicy.PROTOCOLS.select(org.photonee.core.codec.WireProtocols.parseOffers(requested))
                .map(WireProtocol::subprotocol).orElse("");
    }

    @Override
    @SuppressWarnings("unchecked")
    public <T> T getEndpointInstance(Class<T> endpointClass) {
        if (endpointClass == PeerEndpoint.class) {
            return (T) new PeerEndpoint(role, applications);
        }
        throw new IllegalArgumentException("Not a Photon endpoint: " + endpointClass);
    }
}
