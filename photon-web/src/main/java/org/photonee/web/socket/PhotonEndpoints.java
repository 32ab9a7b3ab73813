package org.photonee.web.socket;

import jakarta.enterprise.inject.spi.CDI;
import jakarta.websocket.Endpoint;
import jakarta.websocket.server.ServerApplicationConfig;
import jakarta.websocket.server.ServerEndpointConfig;
import org.photonee.ejb.PhotonConfig;
import org.photonee.ejb.PhotonNode;
import org.photonee.web.bench.BenchRelayEndpoint;

import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Function;

/**
 * Registers the role endpoints programmatically: each of {@code /ns}, {@code /master}, {@code /game}, {@code /s2s}
 * also in the JavaScript SDK's form {@code /<role>/{appId}} and the binary clients' form {@code /<role>/?app=..}.
 * Annotated endpoints (the status endpoint) are kept as scanned. The benchmark's bare relay
 * ({@link BenchRelayEndpoint}) is added only when {@code photon.bench.relay=true}.
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
        if (benchRelayEnabled(PhotonConfig.lookup())) {
            configs.add(ServerEndpointConfig.Builder.create(BenchRelayEndpoint.class, BenchRelayEndpoint.PATH)
                    .subprotocols(SubprotocolPolicy.PROTOCOLS.names())
                    .build());
        }
        return configs;
    }

    /** True only for an explicit {@code photon.bench.relay=true}: normal runs never expose the relay. */
    public static boolean benchRelayEnabled(Function<String, String> config) {
        String v = config.apply(BenchRelayEndpoint.ENABLE_KEY);
        return v != null && v.trim().equalsIgnoreCase("true");
    }

    @Override
    public Set<Class<?>> getAnnotatedEndpointClasses(Set<Class<?>> scanned) {
        return new HashSet<>(scanned);
    }

    private static PhotonNode node() {
        return CDI.current().select(PhotonNode.class).get();
    }
}
