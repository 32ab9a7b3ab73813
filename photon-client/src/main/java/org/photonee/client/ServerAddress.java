package org.photonee.client;

import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;

/**
 * Turns an address the server handed out (param 230) into the URI the client opens.
 *
 * <p>Addresses without a scheme get {@code ws://}. Binary clients identify themselves with a {@code libversion} and
 * {@code app} query (PROTOCOL.md §2); we add it as a query on the address itself, without inserting a path
 * segment, so it reaches any endpoint path the server handed out unchanged. An address that already has a query is
 * left alone.
 */
final class ServerAddress {
    /** The version reported as {@code libversion}. */
    static final String LIB_VERSION = "0.1.0.0";

    private ServerAddress() {
    }

    static URI resolve(String address, String appId) {
        String a = address.trim();
        if (!a.startsWith("ws://") && !a.startsWith("wss://")) {
            a = "ws://" + a;
        }
        return withQuery(URI.create(a), appId);
    }

    static URI withQuery(URI uri, String appId) {
        if (uri.getRawQuery() != null) {
            return uri;
        }
        String q = "libversion=" + LIB_VERSION + "&app=" + URLEncoder.encode(appId, StandardCharsets.UTF_8);
        return URI.create(uri.toString() + "?" + q);
    }
}
