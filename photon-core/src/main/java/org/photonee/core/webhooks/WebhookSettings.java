package org.photonee.core.webhooks;

import java.util.LinkedHashMap;
import java.util.Map;
import org.photonee.core.codec.json.JsonDocuments;
import org.photonee.core.config.ConfigReader;
import org.photonee.core.http.HttpQueueSettings;
import org.photonee.core.protocol.ProtocolException;
import org.photonee.core.protocol.ProtocolLimits;
import org.photonee.core.webrpc.WebServiceUrl;

/**
 * Webhooks configuration (LOADBALANCING.md §3.2), keys {@code photon.webhooks.*}. An empty path means that hook is
 * not forwarded.
 *
 * @param baseUrl           {@code baseUrl}: the service; null = no webhooks
 * @param pathCreate        {@code pathCreate}: room created (Type Create; also Load when pathLoad is empty)
 * @param pathJoin          {@code pathJoin}: actor joined (async)
 * @param pathLeave         {@code pathLeave}: actor left or went inactive (async)
 * @param pathEvent         {@code pathEvent}: RaiseEvent with WebFlags HttpForward
 * @param pathGameProperties {@code pathGameProperties}: SetProperties with WebFlags HttpForward
 * @param pathClose         {@code pathClose}: room closed (Type Close, or Save with State when persistent)
 * @param pathLoad          {@code pathLoad}: persistent room loaded on a join (Type Load)
 * @param persistent        {@code isPersistent}: save the state on close, load it on a join for an unknown room
 * @param errorInfo         {@code hasErrorInfo}: a failed call is told to the room as ErrorInfo (251)
 * @param asyncJoin         {@code asyncJoin}: (with isPersistent) a join for a room not in memory loads it
 *                          (default true)
 * @param customHttpHeaders {@code customHttpHeaders}: a JSON object of header → value sent with every call
 * @param queue             the webhooks HTTP queue ({@code photon.webhooks.http.*})
 */
public record WebhookSettings(WebServiceUrl baseUrl, String pathCreate, String pathJoin, String pathLeave,
                              String pathEvent, String pathGameProperties, String pathClose, String pathLoad,
                              boolean persistent, boolean errorInfo, boolean asyncJoin,
                              Map<String, String> customHttpHeaders, HttpQueueSettings queue) {
    public static final String PREFIX = "photon.webhooks.";
    /** Photon's limits on plugin configuration: keys 256 chars, values 1024. */
    static final int MAX_HEADER_NAME = 256;
    static final int MAX_HEADER_VALUE = 1024;

    public WebhookSettings {
        customHttpHeaders = Map.copyOf(customHttpHeaders);
    }

    public boolean enabled() {
        return baseUrl != null;
    }

    /** Reads {@code photon.webhooks.*}; an invalid value throws {@link IllegalArgumentException} naming its key. */
    public static WebhookSettings from(ConfigReader config) {
        String base = config.string(PREFIX + "baseUrl");
        WebServiceUrl url = base == null || base.isBlank() ? null : WebServiceUrl.parse(PREFIX + "baseUrl", base);
        return new WebhookSettings(url, path(config, "pathCreate"), path(config, "pathJoin"),
                path(config, "pathLeave"), path(config, "pathEvent"), path(config, "pathGameProperties"),
                path(config, "pathClose"), path(config, "pathLoad"), config.bool(PREFIX + "isPersistent", false),
                config.bool(PREFIX + "hasErrorInfo", false), config.bool(PREFIX + "asyncJoin", true),
                headers(config.string(PREFIX + "customHttpHeaders")),
                HttpQueueSettings.from(config, PREFIX + "http."));
    }

    private static String path(ConfigReader config, String key) {
        String v = config.string(PREFIX + key, "").trim();
        if (v.contains("://") || v.contains("..") || v.chars().anyMatch(c -> c <= ' ')) {
            throw new IllegalArgumentException(PREFIX + key + " must be a path relative to the base URL, got '"
                    + v + "'");
        }
        return v;
    }

    private static Map<String, String> headers(String raw) {
        String key = PREFIX + "customHttpHeaders";
        if (raw == null || raw.isBlank()) {
            return Map.of();
        }
        Object parsed;
        try {
            parsed = JsonDocuments.parse(raw, ProtocolLimits.DEFAULTS);
        } catch (ProtocolException e) {
            throw new IllegalArgumentException(key + " must be a JSON object: " + e.getMessage());
        }
        if (!(parsed instanceof Map<?, ?> map)) {
            throw new IllegalArgumentException(key + " must be a JSON object of header names to strings");
        }
        Map<String, String> out = new LinkedHashMap<>();
        for (Map.Entry<?, ?> e : map.entrySet()) {
            String name = String.valueOf(e.getKey());
            if (!(e.getValue() instanceof String value)) {
                throw new IllegalArgumentException(key + ": the value of header " + name + " must be a string");
            }
            if (name.isEmpty() || name.length() > MAX_HEADER_NAME || !name.chars().allMatch(c -> c > ' ' && c < 127
                    && c != ':') || value.length() > MAX_HEADER_VALUE || value.chars().anyMatch(c -> c < ' ')) {
                throw new IllegalArgumentException(key + ": header " + name + " is not a valid HTTP header");
            }
            out.put(name, value);
        }
        return out;
    }
}
