package org.photonee.core.nameserver;

import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * The region table: region code → master URL handed to clients. Codes are matched case-insensitively (clients
 * send "eu", configurations often say "EU") and reported lower-case.
 *
 * @param regions region → master address, in the order GetRegions lists them; never empty
 */
public record NameServerSettings(Map<String, String> regions) {
    public NameServerSettings {
        if (regions == null || regions.isEmpty()) {
            throw new IllegalArgumentException("at least one region is required");
        }
        Map<String, String> normalized = new LinkedHashMap<>();
        regions.forEach((region, url) -> normalized.put(region.toLowerCase(Locale.ROOT), url));
        regions = java.util.Collections.unmodifiableMap(normalized);
    }

    /** The default: one region "eu" served by the given master. */
    public static NameServerSettings singleRegion(String masterUrl) {
        return new NameServerSettings(Map.of("eu", masterUrl));
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
