package org.photonee.core.webhooks;

import java.util.Map;
import org.photonee.core.http.HttpOutcome;
import org.photonee.core.http.WebJson;
import org.photonee.core.protocol.ProtocolException;
import org.photonee.core.protocol.ProtocolLimits;
import org.photonee.core.protocol.Values;

/**
 * What a webhook call came back with: {@code {"ResultCode":0}} is success, anything else (another code, no
 * answer, not JSON) a failure with a message saying why. The answer is untrusted input: bounded and parsed
 * strictly.
 *
 * @param ok      ResultCode 0 arrived
 * @param message why it failed (the service's Message when it sent one), null on success
 * @param state   the answer's State (Load), null when absent
 */
record WebhookAnswer(boolean ok, String message, Object state) {
    /** A saved state carries Base64 blobs: strings may be long, the rest is bounded as for clients. */
    private static final ProtocolLimits LIMITS = new ProtocolLimits(8 * 1024 * 1024,
            ProtocolLimits.DEFAULT_MAX_DEPTH, 8 * 1024 * 1024, ProtocolLimits.DEFAULT_MAX_COLLECTION_LENGTH);

    static WebhookAnswer of(String type, HttpOutcome outcome) {
        if (!outcome.isSuccess()) {
            return failed(type, outcome.describe());
        }
        Object parsed;
        try {
            parsed = WebJson.parse(outcome.bodyText(), LIMITS);
        } catch (ProtocolException e) {
            return failed(type, "the answer is not JSON (" + e.getMessage() + ")");
        }
        if (!(parsed instanceof Map<?, ?> json) || !Values.isIntegral(json.get("ResultCode"))) {
            return failed(type, "the answer has no numeric ResultCode");
        }
        long code = Values.toLong(json.get("ResultCode"));
        if (code != 0) {
            Object message = json.get("Message");
            return failed(type, "ResultCode " + code + (message instanceof String m ? ": " + m : ""));
        }
        return new WebhookAnswer(true, null, json.get("State"));
    }

    private static WebhookAnswer failed(String type, String why) {
        return new WebhookAnswer(false, "Webhook " + type + " failed: " + why, null);
    }
}
