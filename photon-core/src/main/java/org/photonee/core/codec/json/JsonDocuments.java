package org.photonee.core.codec.json;

import org.photonee.core.protocol.ProtocolException;
import org.photonee.core.protocol.ProtocolLimits;

/**
 * JSON documents exchanged with web services (custom authentication, webhooks, WebRPC), read and written with the
 * same strict, bounded parser and writer as the client protocol. Differences from the client mapping: member names
 * always stay strings; everything else is as documented on {@link JsonProtocol} (objects → {@code PhotonHashtable},
 * arrays → {@code Object[]}, whole numbers → Integer or Long, other numbers → Double).
 */
public final class JsonDocuments {
    private JsonDocuments() {
    }

    /**
     * Parses one JSON document; a leading UTF-8 byte order mark or zero-width space (which some web frameworks
     * prepend) is skipped.
     *
     * @throws ProtocolException when the text is not exactly one valid JSON value within the limits
     */
    public static Object parse(String text, ProtocolLimits limits) throws ProtocolException {
        int start = 0;
        while (start < text.length() && (text.charAt(start) == '\uFEFF' || text.charAt(start) == '\u200B')) {
            start++;
        }
        return new JsonReader(text, start, 0, limits, false).readDocument();
    }

    /**
     * Writes a value (maps, arrays, strings, numbers, booleans, null) as JSON text.
     *
     * @throws IllegalArgumentException for a value JSON cannot carry
     */
    public static String write(Object value) {
        JsonWriter writer = new JsonWriter();
        writer.writeValue(value);
        return writer.text().toString();
    }
}
