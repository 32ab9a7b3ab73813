package org.photonee.core.auth.custom;

import org.photonee.core.auth.AuthenticationRequest;
import org.photonee.core.http.HttpCall;
import org.photonee.core.http.WebJson;

import java.net.URI;
import java.net.URLDecoder;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Builds the request to a custom authentication service from a client's Authenticate (AUTH.md §1.4):
 * <ul>
 *   <li>no data (null or "") → GET {@code url?<configured params>&<client params>};</li>
 *   <li>a string or byte[] → POST of those bytes, the same query string;</li>
 *   <li>a dictionary → POST of it as JSON; client query keys that are also body keys are dropped;</li>
 *   <li>{@code forwardAsJson} → one JSON POST body of client data, client params and configured params, no query
 *       string; only a dictionary (or nothing) is accepted as data.</li>
 * </ul>
 * Configured parameters always win over a client's of the same name: a client cannot replace the API key.
 */
final class HttpAuthRequests {
    private HttpAuthRequests() {
    }

    /** A request that could not be built, with the message the client gets. */
    static final class InvalidRequest extends Exception {
        InvalidRequest(String message) {
            super(message);
        }
    }

    static HttpCall build(HttpProviderSettings provider, AuthenticationRequest request) throws InvalidRequest {
        Map<String, String> clientParams = parseQuery(request.authParams());
        clientParams.keySet().removeAll(provider.params().keySet());
        Object data = request.authData();
        if (provider.forwardAsJson()) {
            if (data != null && !(data instanceof Map)) {
                throw new InvalidRequest("JSON mode is on. ClientAuthenticationData could have only type "
                        + "Dictionary<string, object>");
            }
            Map<String, Object> body = new LinkedHashMap<>();
            if (data != null) {
                ((Map<?, ?>) data).forEach((k, v) -> body.put(String.valueOf(k), v));
            }
            body.putAll(clientParams);
            body.putAll(provider.params());
            return HttpCall.postJson(provider.url(), WebJson.write(body), null);
        }
        if (data instanceof Map<?, ?> dictionary) {
            for (Object key : dictionary.keySet()) {
                clientParams.remove(String.valueOf(key));
            }
            return HttpCall.postJson(withQuery(provider.url(), provider.params(), clientParams),
                    WebJson.write(dictionary), null);
        }
        URI uri = withQuery(provider.url(), provider.params(), clientParams);
        if (data == null || "".equals(data)) {
            return HttpCall.get(uri, null);
        }
        if (data instanceof byte[] bytes) {
            return HttpCall.post(uri, "application/octet-stream", bytes, null);
        }
        if (data instanceof String text) {
            return HttpCall.post(uri, "text/plain; charset=utf-8", text.getBytes(StandardCharsets.UTF_8), null);
        }
        throw new InvalidRequest("ClientAuthenticationData (214) must be a string, byte[] or dictionary, got "
                + data.getClass().getSimpleName());
    }

    /** "a=1&b=x%20y" → {a=1, b=x y}; pieces without '=' are keys with empty values; later duplicates win. */
    static Map<String, String> parseQuery(String query) {
        Map<String, String> out = new LinkedHashMap<>();
        if (query == null || query.isEmpty()) {
            return out;
        }
        for (String piece : query.split("&")) {
            if (piece.isEmpty()) {
                continue;
            }
            int eq = piece.indexOf('=');
            String key = eq < 0 ? piece : piece.substring(0, eq);
            String value = eq < 0 ? "" : piece.substring(eq + 1);
            out.put(decode(key), decode(value));
        }
        return out;
    }

    private static String decode(String s) {
        try {
            return URLDecoder.decode(s, StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            return s; // a malformed escape is passed on as the client wrote it
        }
    }

    private static URI withQuery(URI base, Map<String, String> configured, Map<String, String> client) {
        StringBuilder q = new StringBuilder(base.getRawQuery() == null ? "" : base.getRawQuery());
        appendAll(q, configured);
        appendAll(q, client);
        String s = base.toString();
        int cut = s.indexOf('?');
        String withoutQuery = cut < 0 ? s : s.substring(0, cut);
        return URI.create(q.length() == 0 ? withoutQuery : withoutQuery + "?" + q);
    }

    private static void appendAll(StringBuilder q, Map<String, String> params) {
        params.forEach((k, v) -> {
            if (q.length() > 0) {
                q.append('&');
            }
            q.append(URLEncoder.encode(k, StandardCharsets.UTF_8)).append('=')
                    .append(URLEncoder.encode(v, StandardCharsets.UTF_8));
        });
    }
}
