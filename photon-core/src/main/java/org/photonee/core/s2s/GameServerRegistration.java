package org.photonee.core.s2s;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import org.photonee.core.codes.ServerState;
import org.photonee.core.peer.Transport;

/**
 * What a game server tells its master when its link comes up (RegisterGameServer).
 *
 * @param serverId            stable id of the instance; a reconnect with the same id takes over the old context
 * @param publicAddresses     subprotocol name ("Json", "GpBinaryV16") → full WebSocket URL clients open,
 *                            e.g. {@code ws://host:8080/photon/game}; never empty
 * @param state               operator state; only {@link ServerState#NORMAL} servers get new games
 * @param loadLevel           current load level, 0 = idle
 * @param loadBalancerPriority lower values are preferred; servers of one priority form a bunch
 * @param credential          proof that the server shares the cluster's token key (see {@link S2SCredentials});
 *                            without it anyone reaching the S2S endpoint could pose as a game server
 */
public record GameServerRegistration(String serverId, Map<String, String> publicAddresses, ServerState state,
                                     int loadLevel, int loadBalancerPriority, String credential) {
    public GameServerRegistration {
        Objects.requireNonNull(serverId, "serverId");
        Objects.requireNonNull(state, "state");
        if (serverId.isBlank()) {
            throw new IllegalArgumentException("server id is blank");
        }
        if (publicAddresses == null || publicAddresses.isEmpty()) {
            throw new IllegalArgumentException("a game server needs at least one public address");
        }
        publicAddresses = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(publicAddresses));
    }

    /** The key under which a game server names its address on one transport: "netty:Json". */
    public static String addressKey(Transport transport, String subprotocol) {
        return transport.key() + ":" + subprotocol;
    }

    /** The address for a client on {@code transport} speaking {@code subprotocol}, falling back as below. */
    public String addressFor(Transport transport, String subprotocol) {
        String exact = publicAddresses.get(addressKey(transport, subprotocol));
        return exact != null ? exact : addressFor(subprotocol);
    }

    /** The address for a client speaking the given subprotocol, or the first address when none matches. */
    public String addressFor(String subprotocol) {
        String exact = publicAddresses.get(subprotocol);
        return exact != null ? exact : publicAddresses.values().iterator().next();
    }
}
