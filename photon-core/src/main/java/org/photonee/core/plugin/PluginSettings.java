package org.photonee.core.plugin;

import java.util.Map;
import java.util.Optional;

/**
 * A plugin's own configuration: every {@code photon.plugins.<name>.<key>} value, by key, passed through untouched
 * like Photon's custom plugin attributes.
 *
 * @param values key (the part after {@code photon.plugins.<name>.}) to value
 */
public record PluginSettings(Map<String, String> values) {
    public static final PluginSettings NONE = new PluginSettings(Map.of());

    public PluginSettings {
        values = Map.copyOf(values);
    }

    public Optional<String> get(String key) {
        return Optional.ofNullable(values.get(key));
    }

    /** A whole number, or the fallback when the key is absent; a value that is not a number is refused. */
    public long getLong(String key, long fallback) {
        String v = values.get(key);
        if (v == null || v.isBlank()) {
            return fallback;
        }
        try {
            return Long.parseLong(v.trim());
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("plugin setting " + key + ": not a whole number: '" + v + "'");
        }
    }
}
