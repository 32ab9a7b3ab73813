package org.photonee.core.config;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.Collections;
import java.util.EnumSet;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.photonee.core.peer.Transport;

/**
 * What one instance is and where it is reached, read once at start from {@code photon.*} configuration keys.
 * Invalid values fail the start with a message naming the key, rather than surfacing later as a broken address.
 *
 * @param roles     roles this instance runs ({@code photon.roles}, default all)
 * @param publicUrl base WebSocket URL handed to clients ({@code photon.publicUrl}), e.g. ws://127.0.0.1:8080/photon
 * @param masterUrl the master's server-to-server endpoint for game servers ({@code photon.masterUrl}); defaults to
 *                  this instance's own {@code /s2s} when it also runs the master
 * @param nodeId    a name for this instance in logs and the registry ({@code photon.nodeId})
 * @param nettyUrl  base URL of the Netty listener handed to clients ({@link NettySettings#publicUrl()}), or null
 *                  when it is off
 * @param clientTransport {@code photon.clientTransport}: the transport every handed-out address names
 *                  ("container" or "netty"), or null (the default) to name the one the client came in through
 * @param udp       the reliable UDP listener ({@code photon.udp.*}); its role ports are handed to UDP clients
 */
public record NodeSettings(Set<Role> roles, URI publicUrl, URI masterUrl, String nodeId, URI nettyUrl,
                           Transport clientTransport, UdpSettings udp) {
    public static final String KEY_ROLES = "photon.roles";
    public static final String KEY_PUBLIC_URL = "photon.publicUrl";
    public static final String KEY_MASTER_URL = "photon.masterUrl";
    public static final String KEY_NODE_ID = "photon.nodeId";
    public static final String KEY_CLIENT_TRANSPORT = "photon.clientTransport";
    public static final String DEFAULT_PUBLIC_URL = "ws://127.0.0.1:8080/photon";

    public NodeSettings {
        roles = Collections.unmodifiableSet(EnumSet.copyOf(roles));
        if (clientTransport == Transport.NETTY && nettyUrl == null) {
            throw new IllegalArgumentException(KEY_CLIENT_TRANSPORT + "=netty needs " + NettySettings.KEY_PORT + " > 0");
        }
        if (clientTransport == Transport.UDP) {
            throw new IllegalArgumentException(KEY_CLIENT_TRANSPORT + " can be container or netty: a WebSocket client"
                    + " cannot follow a UDP address");
        }
        udp = udp == null ? UdpSettings.OFF : udp;
    }

    /** Without a UDP listener. */
    public NodeSettings(Set<Role> roles, URI publicUrl, URI masterUrl, String nodeId, URI nettyUrl,
                        Transport clientTransport) {
        this(roles, publicUrl, masterUrl, nodeId, nettyUrl, clientTransport, UdpSettings.OFF);
    }

    /** Container endpoints only. */
    public NodeSettings(Set<Role> roles, URI publicUrl, URI masterUrl, String nodeId) {
        this(roles, publicUrl, masterUrl, nodeId, null, null);
    }

    /** Reads the settings through {@code lookup} (key → value or null), applying defaults. */
    public static NodeSettings from(Function<String, String> lookup) {
        Set<Role> roles = Role.parseList(lookup.apply(KEY_ROLES));
        URI publicUrl = webSocketUrl(KEY_PUBLIC_URL, orDefault(lookup.apply(KEY_PUBLIC_URL), DEFAULT_PUBLIC_URL));
        String master = lookup.apply(KEY_MASTER_URL);
        URI masterUrl = master == null || master.isBlank()
                ? URI.create(stripSlash(publicUrl.toString()) + "/s2s")
                : webSocketUrl(KEY_MASTER_URL, master);
        String nodeId = orDefault(lookup.apply(KEY_NODE_ID), publicUrl.getHost() + ":" + port(publicUrl));
        URI nettyUrl = NettySettings.from(ConfigReader.of(lookup), publicUrl).publicUrl();
        String forced = lookup.apply(KEY_CLIENT_TRANSPORT);
        Transport clientTransport = forced == null || forced.isBlank() ? null
                : Transport.parse(KEY_CLIENT_TRANSPORT, forced);
        UdpSettings udp = UdpSettings.from(ConfigReader.of(lookup));
        return new NodeSettings(roles, publicUrl, masterUrl, nodeId, nettyUrl, clientTransport, udp);
    }

    public boolean runs(Role role) {
        return roles.contains(role);
    }

    /** Roles as configured, e.g. "ns,master,game". */
    public String rolesKey() {
        return roles.stream().map(Role::key).collect(Collectors.joining(","));
    }

    /** The client-facing URL of one role's endpoint, e.g. ws://127.0.0.1:8080/photon/master. */
    public String publicEndpoint(Role role) {
        return publicEndpoint(role, Transport.CONTAINER);
    }

    /**
     * The URL of one role's endpoint for a client that came in through {@code via}: the same transport, unless
     * {@code photon.clientTransport} forces one or the Netty listener is off.
     */
    public String publicEndpoint(Role role, Transport via) {
        if (via == Transport.UDP && udp.enabled()) {
            // A UDP client keeps UDP: "host:port" of the role's port (Photon's address form for UDP).
            String host = udp.host().equals("0.0.0.0") || udp.host().equals("::") ? publicUrl.getHost() : udp.host();
            return (host.indexOf(':') >= 0 && !host.startsWith("[") ? "[" + host + "]" : host) + ":"
                    + udp.portFor(role.key());
        }
        Transport t = clientTransport != null ? clientTransport : via;
        URI base = t == Transport.NETTY && nettyUrl != null ? nettyUrl : publicUrl;
        return stripSlash(base.toString()) + "/" + role.key();
    }

    /** The transports clients can reach this instance on. */
    public Set<Transport> transports() {
        Set<Transport> t = EnumSet.of(Transport.CONTAINER);
        if (nettyUrl != null) {
            t.add(Transport.NETTY);
        }
        if (udp.enabled()) {
            t.add(Transport.UDP);
        }
        return t;
    }

    static URI webSocketUrl(String key, String value) {
        try {
            URI uri = new URI(value.trim());
            String scheme = uri.getScheme();
            if (!"ws".equals(scheme) && !"wss".equals(scheme) || uri.getHost() == null) {
                throw new IllegalArgumentException(key + " must be a ws:// or wss:// URL with a host, got '" + value + "'");
            }
            return uri;
        } catch (URISyntaxException e) {
            throw new IllegalArgumentException(key + " is not a valid URL: '" + value + "' (" + e.getReason() + ")", e);
        }
    }

    private static int port(URI uri) {
        if (uri.getPort() != -1) {
            return uri.getPort();
        }
        return "wss".equals(uri.getScheme()) ? 443 : 80;
    }

    private static String orDefault(String value, String fallback) {
        return value == null || value.isBlank() ? fallback : value.trim();
    }

    private static String stripSlash(String s) {
        return s.endsWith("/") ? s.substring(0, s.length() - 1) : s;
    }

    @Override
    public Set<Role> roles() {
        return roles;
    }

    public static Set<Role> allRoles() {
        return EnumSet.allOf(Role.class);
    }
}
