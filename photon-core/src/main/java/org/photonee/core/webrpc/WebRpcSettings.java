package org.photonee.core.webrpc;

import org.photonee.core.config.ConfigReader;
import org.photonee.core.http.HttpQueueSettings;

/**
 * WebRPC configuration.
 *
 * @param baseUrl          {@code photon.webrpc.baseUrl}: the web service; null = WebRPC disabled
 * @param httpForwardLimit {@code photon.webrpc.httpForwardLimit}: WebRPC calls per room per second on a game
 *                         server (Photon's {@code HttpForwardLimit}); 0 = no limit
 * @param queue            limits of the WebRPC HTTP queue ({@code photon.webrpc.http.*}, see
 *                         {@link HttpQueueSettings#from})
 */
public record WebRpcSettings(WebServiceUrl baseUrl, int httpForwardLimit, HttpQueueSettings queue) {
    public static final String BASE_URL_KEY = "photon.webrpc.baseUrl";
    public static final String HTTP_FORWARD_LIMIT_KEY = "photon.webrpc.httpForwardLimit";
    public static final WebRpcSettings DISABLED = new WebRpcSettings(null, 0, HttpQueueSettings.DEFAULTS);

    public WebRpcSettings {
        if (httpForwardLimit < 0) {
            throw new IllegalArgumentException(HTTP_FORWARD_LIMIT_KEY + " must not be negative, got "
                    + httpForwardLimit);
        }
        queue = queue == null ? HttpQueueSettings.DEFAULTS : queue;
    }

    public boolean enabled() {
        return baseUrl != null;
    }

    /** Reads the keys; an invalid value throws {@link IllegalArgumentException} naming its key. */
    public static WebRpcSettings from(ConfigReader config) {
        String base = config.string(BASE_URL_KEY);
        return new WebRpcSettings(base == null || base.isBlank() ? null : WebServiceUrl.parse(BASE_URL_KEY, base),
                config.intValue(HTTP_FORWARD_LIMIT_KEY, 0, 0),
                HttpQueueSettings.from(config, "photon.webrpc.http."));
    }
}
