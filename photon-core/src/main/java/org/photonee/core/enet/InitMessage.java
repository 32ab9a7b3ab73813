package org.photonee.core.enet;

import java.nio.charset.StandardCharsets;

/**
 * The binary init request a UDP client sends as its first reliable message on channel 0 (§1.7 A, 41 bytes), and
 * the InitResponse the server answers with (message type 1; the client reads only the type byte).
 *
 * @param protocolMajor serialization protocol version bytes: 1,6 = GpBinaryV16, 1,8 = GpBinaryV18
 * @param sdkId         the client SDK id (the byte at offset 4, shifted right by one)
 * @param clientVersion "major.minor.build.revision" of the client library
 * @param applicationId the app id (at most 32 ASCII characters; zero padding removed)
 */
public record InitMessage(int protocolMajor, int protocolMinor, int sdkId, String clientVersion,
                          String applicationId) {
    public static final int SIZE = 41;
    static final int MAGIC = 0xF3;
    static final int TYPE_INIT = 0;
    static final int TYPE_INIT_RESPONSE = 1;
    private static final int APP_ID_BYTES = 32;

    /** The WireProtocols name the version bytes select: "GpBinaryV16" or "GpBinaryV18"; null for others. */
    public String subprotocol() {
        if (protocolMajor == 1 && protocolMinor == 6) {
            return "GpBinaryV16";
        }
        if (protocolMajor == 1 && protocolMinor == 8) {
            return "GpBinaryV18";
        }
        return null;
    }

    /** Parses the message; null when it is not a binary init (wrong size, magic or type). */
    public static InitMessage parse(byte[] m) {
        if (m.length != SIZE || (m[0] & 0xff) != MAGIC || m[1] != TYPE_INIT) {
            return null;
        }
        int v = m[5] & 0x7f;
        String version = (v >> 4) + "." + (v & 0x0f) + "." + (m[6] & 0xff) + "." + (m[7] & 0xff);
        int end = 9;
        while (end < SIZE && m[end] != 0) {
            end++;
        }
        for (int i = 9; i < end; i++) {
            if (m[i] < 0x20) {
                return null;
            }
        }
        String app = new String(m, 9, end - 9, StandardCharsets.US_ASCII);
        return new InitMessage(m[2] & 0xff, m[3] & 0xff, (m[4] & 0xff) >> 1, version, app);
    }

    /** The 41 bytes a client sends (the Java client uses sdk id 0 and its own version). */
    public byte[] toBytes() {
        byte[] m = new byte[SIZE];
        m[0] = (byte) MAGIC;
        m[1] = TYPE_INIT;
        m[2] = (byte) protocolMajor;
        m[3] = (byte) protocolMinor;
        m[4] = (byte) (sdkId << 1);
        String[] parts = clientVersion.split("\\.");
        int major = part(parts, 0), minor = part(parts, 1);
        m[5] = (byte) (((major & 0x7) << 4) | (minor & 0x0f));
        m[6] = (byte) part(parts, 2);
        m[7] = (byte) part(parts, 3);
        byte[] app = applicationId.getBytes(StandardCharsets.US_ASCII);
        System.arraycopy(app, 0, m, 9, Math.min(APP_ID_BYTES, app.length));
        return m;
    }

    private static int part(String[] parts, int i) {
        try {
            return i < parts.length ? Integer.parseInt(parts[i]) : 0;
        } catch (NumberFormatException e) {
            return 0;
        }
    }

    /** What the server answers: magic, type 1, one zero byte (what S6's server sends; the client ignores it). */
    public static byte[] response() {
        return new byte[]{(byte) MAGIC, TYPE_INIT_RESPONSE, 0};
    }

    public static boolean isResponse(byte[] m) {
        return m.length >= 2 && (m[0] & 0xff) == MAGIC && (m[1] & 0x7f) == TYPE_INIT_RESPONSE;
    }
}
