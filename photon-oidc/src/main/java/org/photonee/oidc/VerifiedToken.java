package org.photonee.oidc;

import java.util.Map;

/** The claims of a token that passed every check. */
public record VerifiedToken(Map<String, Object> claims) {
    public VerifiedToken {
        claims = Map.copyOf(claims);
    }

    /** A claim by name, or by a dotted path into nested objects ({@code realm_access.roles}); null when absent. */
    public Object claim(String path) {
        Object v = claims;
        for (String part : path.split("\\.")) {
            if (!(v instanceof Map<?, ?> m)) {
                return null;
            }
            v = m.get(part);
        }
        return v;
    }

    /** Whether the claim (a string, or a list of strings) holds this value. */
    public boolean claimContains(String path, String value) {
        Object v = claim(path);
        if (v instanceof java.util.Collection<?> c) {
            return c.contains(value);
        }
        if (v instanceof Object[] a) {
            return java.util.Arrays.asList(a).contains(value);
        }
        return value.equals(v);
    }
}
