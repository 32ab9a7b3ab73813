package org.photonee.core.auth.custom;

import org.photonee.core.http.WebJson;
import org.photonee.core.protocol.ProtocolException;
import org.photonee.core.protocol.ProtocolLimits;

import java.util.Map;

/**
 * A custom authentication service's JSON answer: {@code ResultCode} (required; 0 = not yet, data only; 1 = ok;
 * anything else = refused), {@code Message}, {@code UserId}, {@code Nickname}, {@code Data} (object),
 * {@code AuthCookie} (object; the legacy name {@code Secure} is read when it is absent) and {@code ExpireAt}
 * (Unix seconds; ends the login session then, an extension: Photon declares it but does not use it).
 */
record AuthServiceAnswer(int resultCode, String message, String userId, String nickname, Map<String, Object> data,
                         Map<String, Object> authCookie, long expireAtSeconds) {
    /** Bounds for an untrusted answer: small and shallow. */
    private static final ProtocolLimits LIMITS = new ProtocolLimits(64 * 1024, 8, 4096, 1024);

    /** An answer that cannot be used, with the reason the client gets. */
    static final class Unusable extends Exception {
        Unusable(String message) {
            super(message);
        }
    }

    static AuthServiceAnswer parse(String body) throws Unusable {
        if (body.strip().replace("\uFEFF", "").replace("\u200B", "").isEmpty()) {
            throw new Unusable("Custom authentication got empty response string.");
        }
        Object doc;
        try {
            doc = WebJson.parse(body, LIMITS);
        } catch (ProtocolException e) {
            throw new Unusable("Custom authentication deserialization failed: " + e.getMessage());
        }
        if (!(doc instanceof Map<?, ?> m)) {
            throw new Unusable("Custom authentication deserialization failed: the answer is not a JSON object");
        }
        Object code = m.get("ResultCode");
        if (!(code instanceof Number n)) {
            throw new Unusable("Custom authentication deserialization failed: ResultCode is "
                    + (code == null ? "missing" : "not a number"));
        }
        Object cookie = m.containsKey("AuthCookie") ? m.get("AuthCookie") : m.get("Secure");
        return new AuthServiceAnswer((int) Math.round(n.doubleValue()), text(m, "Message"), text(m, "UserId"),
                text(m, "Nickname"), object(m, "Data"), object(m, "AuthCookie", cookie),
                m.get("ExpireAt") instanceof Number e ? e.longValue() : 0);
    }

    private static String text(Map<?, ?> m, String key) {
        Object v = m.get(key);
        return v == null ? null : String.valueOf(v);
    }

    private static Map<String, Object> object(Map<?, ?> m, String key) throws Unusable {
        return object(m, key, m.get(key));
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> object(Map<?, ?> m, String key, Object v) throws Unusable {
        if (v == null) {
            return null;
        }
        if (!(v instanceof Map)) {
            throw new Unusable("Custom authentication deserialization failed: " + key + " must be an object");
        }
        return (Map<String, Object>) v;
    }
}
