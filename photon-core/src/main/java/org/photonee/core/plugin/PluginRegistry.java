package org.photonee.core.plugin;

import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * The plugin factories a game server offers, by name, with each one's settings, the one rooms get when their
 * client names none, and where their HTTP requests go. Immutable, shared by every room.
 */
public final class PluginRegistry {
    /** Configuration prefix of plugin settings: {@code photon.plugins.<name>.<key>}. */
    public static final String PREFIX = "photon.plugins.";
    /** {@code photon.plugins.default}: the plugin of rooms whose client names none. */
    public static final String DEFAULT_KEY = PREFIX + "default";

    private final Map<String, RoomPluginFactory> factories;
    private final RoomPluginFactory defaultFactory;
    private final Map<String, PluginSettings> settings;
    private final PluginHttp http;

    /**
     * @param factories   the offered factories (the Default plugin is always offered too)
     * @param defaultName the plugin of rooms that name none; null = {@link DefaultPlugin}
     * @param settings    plugin name to its settings
     * @param http        where plugins' HTTP requests go
     * @throws IllegalArgumentException two factories with one name, or a default nobody offers
     */
    public PluginRegistry(Collection<RoomPluginFactory> factories, String defaultName,
                          Map<String, PluginSettings> settings, PluginHttp http) {
        Map<String, RoomPluginFactory> byName = new LinkedHashMap<>();
        byName.put(DefaultPlugin.NAME, DefaultPlugin.FACTORY);
        for (RoomPluginFactory f : factories) {
            RoomPluginFactory before = byName.put(Objects.requireNonNull(f.name(), "plugin name"), f);
            if (before != null && before != f) {
                throw new IllegalArgumentException("two plugin factories are named '" + f.name() + "': "
                        + before.getClass().getName() + " and " + f.getClass().getName());
            }
        }
        this.factories = Map.copyOf(byName);
        if (defaultName != null && !defaultName.isBlank() && !byName.containsKey(defaultName.trim())) {
            throw new IllegalArgumentException(DEFAULT_KEY + ": no plugin named '" + defaultName.trim()
                    + "'; offered: " + byName.keySet());
        }
        this.defaultFactory = defaultName == null || defaultName.isBlank()
                ? DefaultPlugin.FACTORY : byName.get(defaultName.trim());
        this.settings = Map.copyOf(settings);
        this.http = http == null ? PluginHttp.NONE : http;
    }

    /** Only the Default plugin, no HTTP. */
    public static PluginRegistry defaults() {
        return new PluginRegistry(List.of(), null, Map.of(), PluginHttp.NONE);
    }

    public Optional<RoomPluginFactory> find(String name) {
        return Optional.ofNullable(factories.get(name));
    }

    public RoomPluginFactory defaultFactory() {
        return defaultFactory;
    }

    public PluginSettings settingsOf(String name) {
        return settings.getOrDefault(name, PluginSettings.NONE);
    }

    public PluginHttp http() {
        return http;
    }

    public Collection<String> names() {
        return factories.keySet();
    }

    /**
     * Groups {@code photon.plugins.<name>.<key>} entries by plugin name; other keys (and
     * {@code photon.plugins.default}) are ignored.
     */
    public static Map<String, PluginSettings> settingsFrom(Map<String, String> config) {
        Map<String, Map<String, String>> byPlugin = new LinkedHashMap<>();
        for (Map.Entry<String, String> e : config.entrySet()) {
            String key = e.getKey();
            if (!key.startsWith(PREFIX)) {
                continue;
            }
            String rest = key.substring(PREFIX.length());
            int dot = rest.indexOf('.');
            if (dot <= 0 || dot == rest.length() - 1) {
                continue;
            }
            byPlugin.computeIfAbsent(rest.substring(0, dot), n -> new LinkedHashMap<>())
                    .put(rest.substring(dot + 1), e.getValue());
        }
        Map<String, PluginSettings> out = new LinkedHashMap<>();
        byPlugin.forEach((name, values) -> out.put(name, new PluginSettings(values)));
        return out;
    }
}
