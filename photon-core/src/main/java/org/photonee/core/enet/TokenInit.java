package org.photonee.core.enet;

import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import org.photonee.core.codec.protocol16.CustomTypes;
import org.photonee.core.codec.protocol16.Protocol16Reader;
import org.photonee.core.codec.protocol16.Protocol16Writer;
import org.photonee.core.codec.protocol18.Protocol18Reader;
import org.photonee.core.codec.protocol18.Protocol18Writer;
import org.photonee.core.protocol.ProtocolException;
import org.photonee.core.protocol.ProtocolLimits;

/**
 * The "HTTP-style" init a UDP client sends instead of the binary {@link InitMessage} when it carries a Photon token
 * (NATIVE-PROTOCOLS.md §1.7 B, AuthOnce modes on master and game server):
 * {@code POST /?init=&app=<AppId>&clientversion=<v>&protocol=GpBinaryV18&sid=30& HTTP/1.1}, CRLF,
 * {@code Host: <address>}, CRLF, {@code Content-Length: <n>}, a blank line, then the body: the token serialized as
 * one typed value in the chosen protocol. There is no 0xF3 magic; the form is recognised by its first bytes "PO".
 *
 * <p>Every byte is untrusted: the header is at most {@link #MAX_HEADER_BYTES} of printable ASCII, Content-Length
 * must match the bytes that follow and stay under {@link #MAX_BODY_BYTES}, and the body must be one string.
 *
 * @param subprotocol   the {@code protocol} query parameter: "GpBinaryV16" or "GpBinaryV18"
 * @param applicationId the {@code app} query parameter, may be empty
 * @param clientVersion the {@code clientversion} query parameter, may be empty
 * @param token         the token from the body
 */
public record TokenInit(String subprotocol, String applicationId, String clientVersion, String token) {
    public static final int MAX_HEADER_BYTES = 1024;
    /** Our tokens are a few hundred characters; an auth cookie from custom auth may make them longer. */
    public static final int MAX_BODY_BYTES = 8192;
    private static final ProtocolLimits BODY_LIMITS = new ProtocolLimits(MAX_BODY_BYTES, 1, MAX_BODY_BYTES, 1);

    /** True when the message starts like this form ("PO"); anything else is a binary init or garbage. */
    public static boolean looksLikeTokenInit(byte[] m) {
        return m.length >= 2 && m[0] == 'P' && m[1] == 'O';
    }

    /**
     * Parses the whole message.
     *
     * @throws ProtocolException naming what is wrong (never another exception, whatever the bytes)
     */
    public static TokenInit parse(byte[] m) throws ProtocolException {
        int headerEnd = indexOfBlankLine(m);
        if (headerEnd < 0) {
            throw new ProtocolException("token init: no blank line within the first " + MAX_HEADER_BYTES + " bytes");
        }
        for (int i = 0; i < headerEnd; i++) {
            int b = m[i] & 0xff;
            if ((b < 0x20 || b > 0x7e) && b != '\r' && b != '\n') {
                throw new ProtocolException("token init: header byte 0x" + Integer.toHexString(b) + " at " + i
                        + " is not printable ASCII");
            }
        }
        String[] lines = new String(m, 0, headerEnd, StandardCharsets.US_ASCII).split("\r\n");
        String[] requestLine = lines[0].split(" ");
        if (requestLine.length != 3 || !requestLine[0].equals("POST") || !requestLine[2].startsWith("HTTP/1.")
                || !requestLine[1].startsWith("/?")) {
            throw new ProtocolException("token init: bad request line '" + lines[0] + "'");
        }
        Map<String, String> query = query(requestLine[1].substring(2));
        if (!query.containsKey("init")) {
            throw new ProtocolException("token init: the query has no 'init' parameter");
        }
        String subprotocol = query.get("protocol");
        if (!"GpBinaryV16".equals(subprotocol) && !"GpBinaryV18".equals(subprotocol)) {
            throw new ProtocolException("token init: protocol must be GpBinaryV16 or GpBinaryV18, got '"
                    + subprotocol + "'");
        }
        int contentLength = contentLength(lines);
        int bodyStart = headerEnd + 4;
        if (contentLength != m.length - bodyStart) {
            throw new ProtocolException("token init: Content-Length " + contentLength + " but " + (m.length - bodyStart)
                    + " body bytes");
        }
        Object value = readValue(subprotocol, m, bodyStart, contentLength);
        if (!(value instanceof String token) || token.isEmpty()) {
            throw new ProtocolException("token init: the body must be the token as one string, got "
                    + (value == null ? "null" : value.getClass().getSimpleName()));
        }
        return new TokenInit(subprotocol, query.getOrDefault("app", ""), query.getOrDefault("clientversion", ""),
                token);
    }

    /** The bytes a client sends; {@code host} is the server address the client connects to. */
    public byte[] toBytes(String host) {
        byte[] body = "GpBinaryV16".equals(subprotocol)
                ? new Protocol16Writer().writeValue(token).toByteArray()
                : new Protocol18Writer().writeValue(token).toByteArray();
        String header = "POST /?init=&app=" + applicationId + "&clientversion=" + clientVersion + "&protocol="
                + subprotocol + "&sid=30& HTTP/1.1\r\nHost: " + host + "\r\nContent-Length: " + body.length
                + "\r\n\r\n";
        byte[] head = header.getBytes(StandardCharsets.US_ASCII);
        byte[] m = new byte[head.length + body.length];
        System.arraycopy(head, 0, m, 0, head.length);
        System.arraycopy(body, 0, m, head.length, body.length);
        return m;
    }

    private static int indexOfBlankLine(byte[] m) {
        int limit = Math.min(m.length, MAX_HEADER_BYTES + 4);
        for (int i = 0; i + 3 < limit; i++) {
            if (m[i] == '\r' && m[i + 1] == '\n' && m[i + 2] == '\r' && m[i + 3] == '\n') {
                return i;
            }
        }
        return -1;
    }

    private static Map<String, String> query(String q) {
        Map<String, String> params = new LinkedHashMap<>();
        for (String pair : q.split("&")) {
            if (pair.isEmpty()) {
                continue;
            }
            int eq = pair.indexOf('=');
            // First value wins, like the WebSocket endpoints' query handling.
            params.putIfAbsent(eq < 0 ? pair : pair.substring(0, eq), eq < 0 ? "" : pair.substring(eq + 1));
        }
        return params;
    }

    private static int contentLength(String[] lines) throws ProtocolException {
        for (int i = 1; i < lines.length; i++) {
            int colon = lines[i].indexOf(':');
            if (colon > 0 && lines[i].substring(0, colon).trim().toLowerCase(Locale.ROOT).equals("content-length")) {
                String value = lines[i].substring(colon + 1).trim();
                if (value.isEmpty() || value.length() > 5 || !value.chars().allMatch(Character::isDigit)) {
                    throw new ProtocolException("token init: bad Content-Length '" + value + "'");
                }
                int n = Integer.parseInt(value);
                if (n == 0 || n > MAX_BODY_BYTES) {
                    throw new ProtocolException("token init: Content-Length " + n + " is outside 1.."
                            + MAX_BODY_BYTES);
                }
                return n;
            }
        }
        throw new ProtocolException("token init: no Content-Length header");
    }

    private static Object readValue(String subprotocol, byte[] m, int offset, int length) throws ProtocolException {
        try {
            if ("GpBinaryV16".equals(subprotocol)) {
                Protocol16Reader r = new Protocol16Reader(m, offset, length, BODY_LIMITS, CustomTypes.NONE);
                Object v = r.readValue();
                r.expectEnd();
                return v;
            }
            Protocol18Reader r = new Protocol18Reader(m, offset, length, BODY_LIMITS, CustomTypes.NONE);
            Object v = r.readValue();
            r.expectEnd();
            return v;
        } catch (ProtocolException | RuntimeException e) {
            // The readers throw only ProtocolException by contract; RuntimeException keeps "never another" true here.
            throw new ProtocolException("token init: unreadable body: " + e.getMessage());
        }
    }
}
