package org.photonee.core.http;

import java.nio.charset.StandardCharsets;

/**
 * How one request ended.
 *
 * @param status        the queue's verdict
 * @param httpCode      the HTTP status received, 0 when no answer arrived
 * @param body          the answer's body (also for non-2xx answers), empty when none
 * @param error         what went wrong, for logs and debug messages; null on success
 * @param latencyMillis from submission to outcome
 */
public record HttpOutcome(HttpStatus status, int httpCode, byte[] body, String error, long latencyMillis) {
    private static final byte[] NONE = new byte[0];

    public HttpOutcome {
        body = body == null ? NONE : body;
    }

    public static HttpOutcome failed(HttpStatus status, String error, long latencyMillis) {
        return new HttpOutcome(status, 0, NONE, error, latencyMillis);
    }

    public boolean isSuccess() {
        return status == HttpStatus.SUCCESS;
    }

    /** Whether an answer arrived at all (2xx or not). */
    public boolean hasAnswer() {
        return httpCode != 0;
    }

    public String bodyText() {
        return new String(body, StandardCharsets.UTF_8);
    }

    /** One line for logs and debug messages, e.g. "HTTP 500" or "RequestTimeout: no answer within 30000 ms". */
    public String describe() {
        if (status == HttpStatus.SUCCESS) {
            return "HTTP " + httpCode;
        }
        return error == null ? status.name() : status.name() + ": " + error;
    }
}
