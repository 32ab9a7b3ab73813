package org.photonee.core.plugin;

import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Function;

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
    private final Function<String, PluginHttp> http;

    /**
     * @param factories   the offered factories (the Default plugin is always offered too)
     * @param defaultName the plugin of rooms that name none; null = {@link DefaultPlugin}
     * @param settings    plugin name to its settings
     * @param http        plugin name to where its HTTP requests go (one queue per plugin, so a slow backend of one
     *                    does not hold up another's)
     * @throws IllegalArgumentException two factories with one name, or a default nobody offers
     */
    public PluginRegistry(Collection<RoomPluginFactory> factories, String defaultName,
                          Map<String, PluginSettings> settings, Function<String, PluginHttp> http) {
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
        this.http = http == null ? name -> PluginHttp.NONE : http;
    }

    /** Only the Default plugin, no HTTP. */
    public static PluginRegistry defaults() {
        return new PluginRegistry(List.of(), null, Map.of(), null);
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

    /** Where the HTTP requests of the named plugin's rooms go. */
    public PluginHttp http(String pluginName) {
        return http.apply(pluginName);
    }

    public Collection<String> names() {
        return factories.keySet();
    }

    /**
     * Groups the {@code <name>.<key>} entries under {@code photon.plugins.} (as
     * {@code ConfigReader.withPrefix(PREFIX)} gives them) by plugin name; {@code default} is not a plugin's.
     */
    public static Map<String, PluginSettings> settingsFrom(Map<String, String> underPrefix) {
        Map<String, Map<String, String>> byPlugin = new LinkedHashMap<>();
        for (Map.Entry<String, String> e : underPrefix.entrySet()) {
            String rest = e.getKey();
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
