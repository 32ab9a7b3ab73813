package org.photonee.core.peer;

import java.util.Locale;

/**
 * Which listener a client came in through. Addresses handed to a client (name server → master, master → game
 * server) name the same transport unless {@code photon.clientTransport} forces one.
 */
public enum Transport {
    /** The application server's own Jakarta WebSocket endpoints, behind its HTTP listener. */
    CONTAINER,
    /** The Netty listener inside the application ({@code photon.netty.port}). */
    NETTY,
    /** Photon's reliable UDP ({@code photon.udp.port}); its addresses are "host:port", as Photon's clients expect. */
    UDP;

    /** The configuration spelling: "container", "netty", "udp". */
    public String key() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** Parses a configuration value; the error names the key. */
    public static Transport parse(String key, String value) {
        for (Transport t : values()) {
            if (t.key().equalsIgnoreCase(value.trim())) {
                return t;
            }
        }
        throw new IllegalArgumentException(key + " must be one of container, netty, udp; got '" + value + "'");
    }
}
