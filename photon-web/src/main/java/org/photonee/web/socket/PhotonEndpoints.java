package org.photonee.web.socket;

import jakarta.enterprise.inject.spi.CDI;
import jakarta.websocket.Endpoint;
import jakarta.websocket.server.ServerApplicationConfig;
import jakarta.websocket.server.ServerEndpointConfig;
import org.photonee.ejb.PhotonNode;

import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Registers the role endpoints programmatically: each of {@code /ns}, {@code /master}, {@code /game}, {@code /s2s}
 * also in the JavaScript SDK's form {@code /<role>/{appId}} and the binary clients' form {@code /<role>/?app=..}.
 * Annotated endpoints (the status endpoint) are kept as scanned.
 */
public final class PhotonEndpoints implements ServerApplicationConfig {
    static final List<String> ROLES = List.of("ns", "master", "game", "s2s");

    @Override
    public Set<ServerEndpointConfig> getEndpointConfigs(Set<Class<? extends Endpoint>> scanned) {
        PeerApplications applications = endpoint -> node().applicationFor(endpoint);
        Set<ServerEndpointConfig> configs = new HashSet<>();
        for (String role : ROLES) {
            for (String path : List.of("/" + role, "/" + role + "/", "/" + role + "/{appId}")) {
                configs.add(ServerEndpointConfig.Builder.create(PeerEndpoint.class, path)
                        .subprotocols(SubprotocolPolicy.PROTOCOLS.names())
                        .configurator(new SubprotocolConfigurator(role, applications))
                        .build());
            }
        }
        return configs;
    }

    @Override
    public Set<Class<?>> getAnnotatedEndpointClasses(Set<Class<?>> scanned) {
        return new HashSet<>(scanned);
    }

    private static PhotonNode node() {
        return CDI.current().select(PhotonNode.class).get();
    }
}
