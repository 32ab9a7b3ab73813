package org.photonee.ejb;

import org.eclipse.microprofile.config.ConfigProvider;

import org.photonee.core.config.ConfigReader;

import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Function;

/**
 * Reads {@code photon.*} keys. MicroProfile Config is the source (so values come from the admin console, system
 * properties or environment variables alike); where a server has no MicroProfile Config implementation enabled,
 * system properties and environment variables ({@code photon.publicUrl} → {@code PHOTON_PUBLICURL}) still work.
 */
public final class PhotonConfig {
    private PhotonConfig() {
    }

    /** A lookup function for {@code NodeSettings.from} and friends: key → value or null. */
    public static Function<String, String> lookup() {
        Function<String, String> mp = microProfile();
        return key -> {
            String value = mp == null ? null : mp.apply(key);
            return value != null ? value : plain(key);
        };
    }

    /**
     * Typed reads over {@link #lookup()}. Keys listed by prefix ({@code photon.auth.<name>.param.*},
     * {@code photon.plugins.<name>.*}) come from MicroProfile Config and system properties; environment variables
     * cannot be listed back to their dotted names, so such keys must be set in one of those two.
     */
    public static ConfigReader reader() {
        return new ConfigReader(lookup(), PhotonConfig::names);
    }

    private static Set<String> names() {
        Set<String> names = new TreeSet<>();
        try {
            ConfigProvider.getConfig().getPropertyNames().forEach(names::add);
        } catch (RuntimeException | LinkageError e) {
            // no MicroProfile Config here: system properties only
        }
        System.getProperties().stringPropertyNames().forEach(names::add);
        return names;
    }

    private static Function<String, String> microProfile() {
        try {
            org.eclipse.microprofile.config.Config config = ConfigProvider.getConfig();
            return key -> {
                Optional<String> v = config.getOptionalValue(key, String.class);
                return v.orElse(null);
            };
        } catch (RuntimeException | LinkageError e) {
            return null;
        }
    }

    private static String plain(String key) {
        String v = System.getProperty(key);
        if (v == null) {
            v = System.getenv(key.replaceAll("[^A-Za-z0-9]", "_").toUpperCase(Locale.ROOT));
        }
        return v;
    }
}
