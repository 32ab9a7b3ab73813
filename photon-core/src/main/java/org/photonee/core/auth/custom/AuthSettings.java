package org.photonee.core.auth.custom;

import org.photonee.core.config.ConfigReader;
import org.photonee.core.http.HttpQueueSettings;
import org.photonee.core.nameserver.FailureDisconnect;

import java.net.URI;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Custom authentication's configuration, the {@code photon.auth.*} keys (the layout is a contract; README lists
 * them): {@code enabled}, {@code allowAnonymous}, {@code providers} (names), and per provider
 * {@code photon.auth.<name>.type}, then either {@code .url} (an HTTP service) or {@code .issuer} (OpenID Connect),
 * each with its own keys.
 *
 * @param enabled           {@code photon.auth.enabled} (default false: everyone is let in anonymously)
 * @param allowAnonymous    {@code photon.auth.allowAnonymous}: a client sending neither parameters nor data is let in
 *                          without asking a provider
 * @param providers         by ClientAuthenticationType
 * @param failureDisconnect {@code photon.auth.failureDisconnectMinMs} / {@code MaxMs}
 */
public record AuthSettings(boolean enabled, boolean allowAnonymous, Map<Integer, ProviderSettings> providers,
                           FailureDisconnect failureDisconnect) {
    public static final String PREFIX = "photon.auth.";
    public static final AuthSettings DISABLED = new AuthSettings(false, false, Map.of(), FailureDisconnect.DEFAULT);
    private static final Pattern NAME = Pattern.compile("[A-Za-z0-9_-]+");

    public AuthSettings {
        providers = Map.copyOf(providers);
    }

    /** Reads every key; a bad or missing value fails with a message naming the key. */
    public static AuthSettings from(ConfigReader config) {
        boolean enabled = config.bool(PREFIX + "enabled", false);
        boolean anonymous = config.bool(PREFIX + "allowAnonymous", false);
        FailureDisconnect disconnect = new FailureDisconnect(
                config.longValue(PREFIX + "failureDisconnectMinMs", FailureDisconnect.DEFAULT.minMillis(), 0),
                config.longValue(PREFIX + "failureDisconnectMaxMs", FailureDisconnect.DEFAULT.maxMillis(), 0));
        Map<Integer, ProviderSettings> byType = new LinkedHashMap<>();
        for (String name : config.list(PREFIX + "providers")) {
            if (!NAME.matcher(name).matches()) {
                throw new IllegalArgumentException(PREFIX + "providers: provider name '" + name
                        + "' may only contain letters, digits, '_' and '-'");
            }
            ProviderSettings p = provider(config, name);
            ProviderSettings clash = byType.put(p.type(), p);
            if (clash != null) {
                throw new IllegalArgumentException(PREFIX + name + ".type: type " + p.type()
                        + " is already served by provider '" + clash.name() + "'");
            }
        }
        if (enabled && byType.isEmpty() && !anonymous) {
            throw new IllegalArgumentException(PREFIX + "providers: custom authentication is enabled but no "
                    + "provider is configured (and " + PREFIX + "allowAnonymous is false), so nobody could log in");
        }
        return new AuthSettings(enabled, anonymous, byType, disconnect);
    }

    private static ProviderSettings provider(ConfigReader config, String name) {
        String p = PREFIX + name + ".";
        if (!config.isSet(p + "type")) {
            throw new IllegalArgumentException(p + "type is required (the ClientAuthenticationType number, e.g. 0 "
                    + "for Custom)");
        }
        int type = config.intValue(p + "type", 0, 0);
        if (type > 255) {
            throw new IllegalArgumentException(p + "type must be at most 255, got " + type);
        }
        URI issuer = config.httpUrl(p + "issuer");
        URI url = config.httpUrl(p + "url");
        HttpQueueSettings queue = HttpQueueSettings.from(config, p);
        if (issuer != null && url != null) {
            throw new IllegalArgumentException(p + "url and " + p + "issuer are both set: a provider is either an "
                    + "HTTP service (url) or an OpenID Connect issuer (issuer)");
        }
        if (issuer != null) {
            String audience = config.string(p + "audience");
            if (audience == null) {
                throw new IllegalArgumentException(p + "audience is required for an OpenID Connect provider");
            }
            List<String> algorithms = config.list(p + "algorithms");
            for (String alg : algorithms) {
                if (!alg.matches("(RS|PS|ES)(256|384|512)")) {
                    throw new IllegalArgumentException(p + "algorithms: '" + alg + "' is not an asymmetric JWS "
                            + "algorithm (RS/PS/ES 256/384/512); HMAC and none are never accepted");
                }
            }
            return new OidcProviderSettings(name, type, issuer, audience,
                    config.string(p + "userIdClaim", "sub"), config.string(p + "nicknameClaim", "preferred_username"),
                    config.list(p + "cookieClaims"),
                    algorithms.isEmpty() ? OidcProviderSettings.DEFAULT_ALGORITHMS : algorithms,
                    config.longValue(p + "clockSkewSeconds", 60, 0),
                    config.longValue(p + "jwksRefreshMinIntervalMs", 10_000, 0),
                    config.longValue(p + "jwksCacheMs", 300_000, 1), queue);
        }
        if (url == null) {
            throw new IllegalArgumentException(p + "url (an HTTP service) or " + p + "issuer (OpenID Connect) is "
                    + "required");
        }
        return new HttpProviderSettings(name, type, url, config.bool(p + "forwardAsJson", false),
                config.bool(p + "rejectIfUnavailable", true), config.withPrefix(p + "param."), queue);
    }
}
