package org.photonee.ejb;

import org.eclipse.microprofile.config.ConfigProvider;

import java.util.Locale;
import java.util.Optional;
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
