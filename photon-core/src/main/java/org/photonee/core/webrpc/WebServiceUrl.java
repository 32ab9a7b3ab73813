package org.photonee.core.webrpc;

import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;

/**
 * How Photon addresses a studio's web service (§3.2, §3.3): {@code BaseUrl + "/" + path}, the path's own query
 * first, then the BaseUrl's query, with {@code {AppId}}, {@code {AppVersion}}, {@code {Region}} and {@code {Cloud}}
 * replaced (URL-encoded) in the base. A path from a client may not climb out of the base ({@code ..}), name
 * another host, or carry characters a URL cannot hold.
 */
public final class WebServiceUrl {
    private final String base;
    private final String baseQuery;

    /**
     * Reads a configured base URL: absolute http(s), tags allowed.
     *
     * @throws IllegalArgumentException naming {@code key} when the value is not such a URL
     */
    public static WebServiceUrl parse(String key, String raw) {
        String probe = substitute(raw.trim(), "app", "1", "eu");
        try {
            URI uri = new URI(probe);
            String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(java.util.Locale.ROOT);
            if (!(scheme.equals("http") || scheme.equals("https")) || uri.getHost() == null) {
                throw new IllegalArgumentException(key + " must be an absolute http(s) URL, got '" + raw + "'");
            }
        } catch (java.net.URISyntaxException e) {
            throw new IllegalArgumentException(key + " is not a valid URL: " + e.getMessage(), e);
        }
        return new WebServiceUrl(raw.trim());
    }

    /** @param baseUrl absolute http(s) URL, {@code {AppId}}-style tags allowed; a trailing slash is dropped */
    public WebServiceUrl(String baseUrl) {
        String text = baseUrl;
        int q = text.indexOf('?');
        String path = q < 0 ? text : text.substring(0, q);
        while (path.endsWith("/")) {
            path = path.substring(0, path.length() - 1);
        }
        this.base = path;
        this.baseQuery = q < 0 ? "" : text.substring(q + 1);
    }

    /**
     * The full URL of a path for one application.
     *
     * @throws IllegalArgumentException when the path is not acceptable (see the class comment)
     */
    public URI resolve(String path, String appId, String appVersion, String region) {
        String p = path == null ? "" : path;
        while (p.startsWith("/")) {
            p = p.substring(1);
        }
        int q = p.indexOf('?');
        String pathPart = q < 0 ? p : p.substring(0, q);
        String pathQuery = q < 0 ? "" : p.substring(q + 1);
        for (String segment : pathPart.split("/")) {
            if (segment.equals("..") || segment.equals(".")) {
                throw new IllegalArgumentException("path may not contain '" + segment + "' segments: " + path);
            }
        }
        if (pathPart.contains("://") || pathPart.contains("\\") || pathPart.contains("#")) {
            throw new IllegalArgumentException("not a relative path: " + path);
        }
        String resolvedBase = substitute(base, appId, appVersion, region);
        String query = join(pathQuery, substitute(baseQuery, appId, appVersion, region));
        String url = resolvedBase + (pathPart.isEmpty() ? "" : "/" + pathPart) + (query.isEmpty() ? "" : "?" + query);
        try {
            URI uri = new URI(url);
            if (!uri.getHost().equals(new URI(resolvedBase).getHost())) {
                throw new IllegalArgumentException("path leaves the service's host: " + path);
            }
            return uri;
        } catch (java.net.URISyntaxException | NullPointerException e) {
            throw new IllegalArgumentException("not a valid URL path: " + path);
        }
    }

    /** The path without its query, as WebRPC answers it back in UriPath (209). */
    public static String withoutQuery(String path) {
        int q = path.indexOf('?');
        return q < 0 ? path : path.substring(0, q);
    }

    private static String substitute(String text, String appId, String appVersion, String region) {
        return text.replace("{AppId}", encode(appId)).replace("{AppVersion}", encode(appVersion))
                .replace("{Region}", encode(region)).replace("{Cloud}", "1");
    }

    private static String encode(String value) {
        return URLEncoder.encode(value == null ? "" : value, StandardCharsets.UTF_8);
    }

    private static String join(String a, String b) {
        if (a.isEmpty()) {
            return b;
        }
        return b.isEmpty() ? a : a + "&" + b;
    }

    @Override
    public String toString() {
        return base + (baseQuery.isEmpty() ? "" : "?" + baseQuery);
    }
}
