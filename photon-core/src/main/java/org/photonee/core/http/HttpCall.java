package org.photonee.core.http;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * One HTTP request to send.
 *
 * @param method  GET or POST (anything {@link java.net.http.HttpRequest} accepts)
 * @param uri     absolute http(s) URI
 * @param headers request headers (Content-Type among them for a body)
 * @param body    request body, or null for none
 */
public record HttpCall(String method, URI uri, Map<String, String> headers, byte[] body) {
    public HttpCall {
        Objects.requireNonNull(method, "method");
        Objects.requireNonNull(uri, "uri");
        headers = headers == null ? Map.of() : Map.copyOf(headers);
    }

    public static HttpCall get(URI uri, Map<String, String> headers) {
        return new HttpCall("GET", uri, headers, null);
    }

    /** A POST of a JSON document, with Content-Type application/json added to the headers. */
    public static HttpCall postJson(URI uri, String json, Map<String, String> headers) {
        return post(uri, "application/json", json.getBytes(StandardCharsets.UTF_8), headers);
    }

    public static HttpCall post(URI uri, String contentType, byte[] body, Map<String, String> headers) {
        Map<String, String> all = new LinkedHashMap<>(headers == null ? Map.of() : headers);
        all.put("Content-Type", contentType);
        return new HttpCall("POST", uri, all, body);
    }
}
