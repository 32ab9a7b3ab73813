package org.photonee.core.http;

import org.photonee.core.codec.json.JsonDocuments;
import org.photonee.core.protocol.CustomTypeValue;
import org.photonee.core.protocol.ProtocolException;
import org.photonee.core.protocol.ProtocolLimits;

import java.lang.reflect.Array;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Photon values ↔ the JSON that web services (custom auth, webhooks, WebRPC) send and receive, with Photon's
 * mapping (custom authentication doc): toward the service byte/short/int/long/float/double become numbers, byte[]
 * a Base64 string, arrays arrays, hashtables and dictionaries objects with their keys as text; from the service
 * objects become {@code Map<String, Object>} (a Dictionary to the client), arrays {@code Object[]}, whole numbers
 * Long (Int64) and other numbers Double.
 */
public final class WebJson {
    private WebJson() {
    }

    /** A client value as the JSON value a web service gets. */
    public static Object toWeb(Object value) {
        if (value == null || value instanceof String || value instanceof Boolean || value instanceof Number) {
            return value instanceof Byte b ? (Object) (b & 0xFF) : value;
        }
        if (value instanceof byte[] bytes) {
            return Base64.getEncoder().encodeToString(bytes);
        }
        if (value instanceof CustomTypeValue c) {
            return Base64.getEncoder().encodeToString(c.data());
        }
        if (value instanceof Map<?, ?> map) {
            Map<String, Object> out = new LinkedHashMap<>();
            map.forEach((k, v) -> out.put(String.valueOf(k instanceof Byte b ? b & 0xFF : k), toWeb(v)));
            return out;
        }
        if (value.getClass().isArray()) {
            int n = Array.getLength(value);
            Object[] out = new Object[n];
            for (int i = 0; i < n; i++) {
                out[i] = toWeb(Array.get(value, i));
            }
            return out;
        }
        if (value instanceof Character c) {
            return String.valueOf(c);
        }
        return String.valueOf(value);
    }

    /** A client value as JSON text for a web service. */
    public static String write(Object value) {
        return JsonDocuments.write(toWeb(value));
    }

    /**
     * Parses a service's answer into Photon values (see the class comment).
     *
     * @throws ProtocolException when the text is not one valid JSON document within the limits
     */
    public static Object parse(String text, ProtocolLimits limits) throws ProtocolException {
        return fromWeb(JsonDocuments.parse(text, limits));
    }

    private static Object fromWeb(Object parsed) {
        if (parsed instanceof Integer i) {
            return i.longValue();
        }
        if (parsed instanceof Map<?, ?> map) {
            Map<String, Object> out = new LinkedHashMap<>();
            map.forEach((k, v) -> out.put(String.valueOf(k), fromWeb(v)));
            return out;
        }
        if (parsed instanceof Object[] array) {
            Object[] out = new Object[array.length];
            for (int i = 0; i < array.length; i++) {
                out[i] = fromWeb(array[i]);
            }
            return out;
        }
        return parsed;
    }
}
