package org.photonee.core.nameserver;

import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import org.photonee.core.peer.Transport;

/**
 * The region table: region code → master URL handed to clients. Codes are matched case-insensitively (clients
 * send "eu", configurations often say "EU") and reported lower-case.
 *
 * @param regions      region → master address, in the order GetRegions lists them; never empty
 * @param nettyRegions the same table for clients that came in through the Netty listener (the same addresses
 *                     unless this cluster's own master is reachable on both transports)
 * @param udpRegions   the same for UDP clients ("host:port" of the master's UDP port), or the WebSocket table
 */
public record NameServerSettings(Map<String, String> regions, Map<String, String> nettyRegions,
                                 Map<String, String> udpRegions) {
    public NameServerSettings {
        regions = normalized(regions);
        nettyRegions = nettyRegions == null ? regions : normalized(nettyRegions);
        udpRegions = udpRegions == null ? nettyRegions : normalized(udpRegions);
    }

    public NameServerSettings(Map<String, String> regions, Map<String, String> nettyRegions) {
        this(regions, nettyRegions, null);
    }

    public NameServerSettings(Map<String, String> regions) {
        this(regions, null);
    }

    private static Map<String, String> normalized(Map<String, String> regions) {
        if (regions == null || regions.isEmpty()) {
            throw new IllegalArgumentException("at least one region is required");
        }
        Map<String, String> normalized = new LinkedHashMap<>();
        regions.forEach((region, url) -> normalized.put(region.toLowerCase(Locale.ROOT), url));
        return java.util.Collections.unmodifiableMap(normalized);
    }

    /** The default: one region "eu" served by the given master. */
    public static NameServerSettings singleRegion(String masterUrl) {
        return new NameServerSettings(Map.of("eu", masterUrl));
    }

    /** One region "eu" served by this cluster's master, named on the transport the client uses. */
    public static NameServerSettings singleRegion(String containerMasterUrl, String nettyMasterUrl) {
        return new NameServerSettings(Map.of("eu", containerMasterUrl), Map.of("eu", nettyMasterUrl));
    }

    /** One region "eu" served by this cluster's master, named on the transport the client uses (UDP too). */
    public static NameServerSettings singleRegion(String containerMasterUrl, String nettyMasterUrl,
                                                  String udpMasterAddress) {
        return new NameServerSettings(Map.of("eu", containerMasterUrl), Map.of("eu", nettyMasterUrl),
                Map.of("eu", udpMasterAddress));
    }

    /** The table as a client that came in through {@code transport} is given it. */
    public NameServerSettings forTransport(Transport transport) {
        return switch (transport) {
            case NETTY -> new NameServerSettings(nettyRegions, nettyRegions, nettyRegions);
            case UDP -> new NameServerSettings(udpRegions, udpRegions, udpRegions);
            default -> this;
        };
    }

    /**
     * The master address of a region, or null for an unknown region. Newer clients append a cluster
     * ({@code "eu/*"}, {@code "eu/blue"}); we have one cluster per region, so the suffix is ignored.
     */
    public String masterFor(String region) {
        if (region == null) {
            return null;
        }
        int slash = region.indexOf('/');
        String code = slash < 0 ? region : region.substring(0, slash);
        return regions.get(code.toLowerCase(Locale.ROOT));
    }
}
