package org.photonee.core.auth.custom;

import org.photonee.core.http.HttpQueues;

import java.util.LinkedHashMap;
import java.util.Map;

/** Builds the configured providers, each with its own HTTP queue named {@code auth-<name>}. */
public final class AuthProviders {
    private AuthProviders() {
    }

    /**
     * @param oidc makes OpenID Connect providers; null when the module is not deployed (then such a provider
     *             refuses the start)
     */
    public static CustomAuthenticator create(AuthSettings settings, HttpQueues http, OidcProviderFactory oidc) {
        Map<Integer, AuthProvider> byType = new LinkedHashMap<>();
        settings.providers().forEach((type, p) -> byType.put(type, provider(p, http, oidc)));
        return new CustomAuthenticator(settings, byType);
    }

    private static AuthProvider provider(ProviderSettings p, HttpQueues http, OidcProviderFactory oidc) {
        if (p instanceof HttpProviderSettings h) {
            return new HttpAuthProvider(h, http.queue("auth-" + h.name(), h.queue()));
        }
        OidcProviderSettings o = (OidcProviderSettings) p;
        if (oidc == null) {
            throw new IllegalArgumentException(AuthSettings.PREFIX + o.name() + ".issuer: OpenID Connect "
                    + "providers need the photon-oidc module, which this deployment lacks");
        }
        return oidc.create(o, http.queue("auth-" + o.name(), o.queue()));
    }
}
