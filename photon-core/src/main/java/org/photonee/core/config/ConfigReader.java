package org.photonee.core.config;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * Typed reads of {@code photon.*} keys from a key → value lookup (MicroProfile Config in the container, a map in
 * tests). A key that is not set (or blank) gives the default; a value that does not parse fails with an
 * {@link IllegalArgumentException} naming the key, so a bad setting refuses the start instead of being ignored.
 */
public final class ConfigReader {
    private final Function<String, String> lookup;
    private final Supplier<? extends Iterable<String>> names;

    /**
     * @param lookup key → value or null
     * @param names  every key the source knows (for {@link #withPrefix}); may be a subset of what {@code lookup}
     *               answers
     */
    public ConfigReader(Function<String, String> lookup, Supplier<? extends Iterable<String>> names) {
        this.lookup = lookup;
        this.names = names;
    }

    public static ConfigReader of(Function<String, String> lookup) {
        return new ConfigReader(lookup, List::of);
    }

    public static ConfigReader of(Map<String, String> values) {
        return new ConfigReader(values::get, values::keySet);
    }

    public Function<String, String> lookup() {
        return lookup;
    }

    /** The trimmed value, or null when unset or blank. */
    public String string(String key) {
        String raw = lookup.apply(key);
        return raw == null || raw.isBlank() ? null : raw.trim();
    }

    public String string(String key, String fallback) {
        String v = string(key);
        return v == null ? fallback : v;
    }

    public boolean isSet(String key) {
        return string(key) != null;
    }

    public long longValue(String key, long fallback, long min) {
        String raw = string(key);
        if (raw == null) {
            return fallback;
        }
        long v;
        try {
            v = Long.parseLong(raw);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(key + " must be a whole number, got '" + raw + "'", e);
        }
        if (v < min) {
            throw new IllegalArgumentException(key + " must be at least " + min + ", got " + v);
        }
        return v;
    }

    public int intValue(String key, int fallback, int min) {
        long v = longValue(key, fallback, min);
        if (v > Integer.MAX_VALUE) {
            throw new IllegalArgumentException(key + " must be at most " + Integer.MAX_VALUE + ", got " + v);
        }
        return (int) v;
    }

    /** "true" or "false" (any case); anything else is an error, not false. */
    public boolean bool(String key, boolean fallback) {
        String raw = string(key);
        if (raw == null) {
            return fallback;
        }
        return switch (raw.toLowerCase(Locale.ROOT)) {
            case "true" -> true;
            case "false" -> false;
            default -> throw new IllegalArgumentException(key + " must be true or false, got '" + raw + "'");
        };
    }

    /** An absolute http or https URL, or null when unset. */
    public URI httpUrl(String key) {
        String raw = string(key);
        if (raw == null) {
            return null;
        }
        try {
            URI uri = new URI(raw);
            String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
            if (!scheme.equals("http") && !scheme.equals("https") || uri.getHost() == null) {
                throw new IllegalArgumentException(key + " must be an absolute http(s) URL, got '" + raw + "'");
            }
            return uri;
        } catch (URISyntaxException e) {
            throw new IllegalArgumentException(key + " is not a valid URL: " + e.getMessage(), e);
        }
    }

    /** Comma-separated values, trimmed, blanks dropped; empty when unset. */
    public List<String> list(String key) {
        String raw = string(key);
        List<String> out = new ArrayList<>();
        if (raw != null) {
            for (String part : raw.split(",")) {
                if (!part.isBlank()) {
                    out.add(part.trim());
                }
            }
        }
        return out;
    }

    /**
     * Every key under a prefix, by the rest of its name: {@code withPrefix("photon.auth.shop.param.")} gives
     * {@code {apiKey=…}} for {@code photon.auth.shop.param.apiKey}. Sorted, so the order does not depend on the
     * config source.
     */
    public Map<String, String> withPrefix(String prefix) {
        Map<String, String> out = new TreeMap<>();
        for (String name : names.get()) {
            if (name.startsWith(prefix) && name.length() > prefix.length()) {
                String v = lookup.apply(name);
                if (v != null) {
                    out.put(name.substring(prefix.length()), v);
                }
            }
        }
        return out;
    }
}
