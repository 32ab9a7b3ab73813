package org.photonee.netty;

import io.netty.handler.codec.http.QueryStringDecoder;

import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Which role endpoint a handshake asks for, parsed from its request line: {@code /photon/<role>},
 * {@code /photon/<role>/?libversion=..&app=..} (binary clients) or {@code /photon/<role>/<appId>?libversion=..}
 * (the JavaScript SDK). The same forms the container endpoints answer.
 *
 * @param role          "ns", "master", "game" or "s2s"
 * @param applicationId from the path, else the {@code app} parameter; may be null
 * @param clientVersion the {@code libversion} parameter; may be null
 * @param query         every parameter, first value each
 */
record RoleRequest(String role, String applicationId, String clientVersion, Map<String, String> query) {
    static final Set<String> ROLES = Set.of("ns", "master", "game", "s2s");
    /** More parameters than any client sends; the rest are ignored, not parsed. */
    static final int MAX_PARAMETERS = 32;

    /** The request for a URI, or null when it names no role endpoint under {@code contextPath}. */
    static RoleRequest parse(String uri, String contextPath) {
        QueryStringDecoder decoder = new QueryStringDecoder(uri, StandardCharsets.UTF_8, true, MAX_PARAMETERS);
        String path = decoder.path();
        if (!path.startsWith(contextPath + "/")) {
            return null;
        }
        String rest = path.substring(contextPath.length() + 1);
        int slash = rest.indexOf('/');
        String role = slash < 0 ? rest : rest.substring(0, slash);
        String tail = slash < 0 ? "" : rest.substring(slash + 1);
        if (!ROLES.contains(role) || tail.indexOf('/') >= 0) {
            return null;
        }
        Map<String, String> query = new HashMap<>();
        decoder.parameters().forEach((k, v) -> {
            if (!v.isEmpty() && v.get(0) != null) {
                query.put(k, v.get(0));
            }
        });
        String appId = tail.isBlank() ? query.get("app") : tail;
        return new RoleRequest(role, appId, first(decoder.parameters().get("libversion")), Map.copyOf(query));
    }

    private static String first(List<String> values) {
        return values == null || values.isEmpty() ? null : values.get(0);
    }
}
