package org.photonee.core.webhooks;

import org.photonee.core.http.WebJson;
import org.photonee.core.protocol.ProtocolException;
import org.photonee.core.protocol.ProtocolLimits;

/** What a backend gives back after storing a JSON document: written as text, parsed again. */
final class WebJsonRoundTrip {
    private WebJsonRoundTrip() {
    }

    static Object through(Object value) {
        try {
            return WebJson.parse(WebJson.write(value), new ProtocolLimits(1 << 24, 32, 1 << 24, 65536));
        } catch (ProtocolException e) {
            throw new AssertionError(e);
        }
    }
}
