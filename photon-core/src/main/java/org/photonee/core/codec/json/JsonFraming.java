package org.photonee.core.codec.json;

import org.photonee.core.protocol.ProtocolException;

/**
 * The text framing of the {@code Json} protocol (PROTOCOL.md section 1): {@code "~m~" + N + "~m~" + payload}, where N
 * is the payload's length in UTF-16 code units (Java {@code String.length()}, not bytes) and a JSON payload starts
 * with {@code "~j~"}. One frame per WebSocket message: the JavaScript client joins several frames of one message with
 * commas, which corrupts the JSON, so the server never batches.
 *
 * <p>Inbound, the framed form is checked strictly (N must match the payload exactly). A bare JSON text, with or
 * without the {@code "~j~"} marker, is accepted as well, since the observed client traffic is recorded as bare JSON.
 */
public final class JsonFraming {
    static final String FRAME_MARKER = "~m~";
    static final String JSON_MARKER = "~j~";
    /** More digits than a length below {@code Integer.MAX_VALUE} can have. */
    private static final int MAX_LENGTH_DIGITS = 9;

    private JsonFraming() {
    }

    /** Frames a payload: {@code ~m~<payload.length()>~m~<payload>}. */
    public static String frame(CharSequence payload) {
        return new StringBuilder(payload.length() + 16)
                .append(FRAME_MARKER).append(payload.length()).append(FRAME_MARKER).append(payload).toString();
    }

    /** The index in {@code text} where the JSON document starts; it runs to the end of the text. */
    static int jsonStart(String text) throws ProtocolException {
        if (!text.startsWith(FRAME_MARKER)) {
            return text.startsWith(JSON_MARKER) ? JSON_MARKER.length() : 0;
        }
        int digitsStart = FRAME_MARKER.length();
        int i = digitsStart;
        while (i < text.length() && i - digitsStart <= MAX_LENGTH_DIGITS && isDigit(text.charAt(i))) {
            i++;
        }
        if (i == digitsStart || i - digitsStart > MAX_LENGTH_DIGITS || !text.startsWith(FRAME_MARKER, i)) {
            throw new ProtocolException("malformed frame header: expected ~m~<length>~m~ at offset 0");
        }
        int declared = Integer.parseInt(text, digitsStart, i, 10);
        int payloadStart = i + FRAME_MARKER.length();
        int actual = text.length() - payloadStart;
        if (declared != actual) {
            throw new ProtocolException("frame declares a payload of " + declared + " chars but carries " + actual
                    + " at offset " + digitsStart);
        }
        if (!text.startsWith(JSON_MARKER, payloadStart)) {
            throw new ProtocolException("frame payload is not JSON (missing ~j~) at offset " + payloadStart);
        }
        return payloadStart + JSON_MARKER.length();
    }

    /**
     * The payload of a well-formed frame that carries no JSON (the session greeting, {@code ~m~10~m~sess123456}),
     * or null for anything else: a JSON frame, bare JSON, a malformed header.
     */
    static String plainPayload(String text) {
        if (!text.startsWith(FRAME_MARKER)) {
            return null;
        }
        int digitsStart = FRAME_MARKER.length();
        int i = digitsStart;
        while (i < text.length() && i - digitsStart <= MAX_LENGTH_DIGITS && isDigit(text.charAt(i))) {
            i++;
        }
        if (i == digitsStart || i - digitsStart > MAX_LENGTH_DIGITS || !text.startsWith(FRAME_MARKER, i)) {
            return null;
        }
        int payloadStart = i + FRAME_MARKER.length();
        if (Integer.parseInt(text, digitsStart, i, 10) != text.length() - payloadStart
                || text.startsWith(JSON_MARKER, payloadStart)) {
            return null;
        }
        return text.substring(payloadStart);
    }

    private static boolean isDigit(char c) {
        return c >= '0' && c <= '9';
    }
}
