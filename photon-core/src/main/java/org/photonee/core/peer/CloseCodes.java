package org.photonee.core.peer;

/** WebSocket close codes the server uses (RFC 6455 §7.4) and the limit on the reason text. */
public final class CloseCodes {
    public static final int NORMAL = 1000;
    public static final int GOING_AWAY = 1001;
    public static final int PROTOCOL_ERROR = 1002;
    public static final int UNSUPPORTED_DATA = 1003;
    public static final int INVALID_PAYLOAD = 1007;
    public static final int POLICY_VIOLATION = 1008;
    public static final int MESSAGE_TOO_BIG = 1009;
    public static final int INTERNAL_ERROR = 1011;
    /** A close frame's reason is at most 123 bytes of UTF-8. */
    public static final int MAX_REASON_BYTES = 123;

    private CloseCodes() {
    }

    /** Trims a reason to the WebSocket limit without splitting a character. */
    public static String trimReason(String reason) {
        if (reason == null) {
            return "";
        }
        byte[] utf8 = reason.getBytes(java.nio.charset.StandardCharsets.UTF_8);
        if (utf8.length <= MAX_REASON_BYTES) {
            return reason;
        }
        int end = reason.length();
        while (end > 0 && reason.substring(0, end).getBytes(java.nio.charset.StandardCharsets.UTF_8).length
                > MAX_REASON_BYTES) {
            end--;
        }
        if (end > 0 && Character.isHighSurrogate(reason.charAt(end - 1))) {
            end--;
        }
        return reason.substring(0, end);
    }
}
