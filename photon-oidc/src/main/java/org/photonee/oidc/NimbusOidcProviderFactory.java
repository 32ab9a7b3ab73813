package org.photonee.oidc;

import org.photonee.core.auth.custom.AuthProvider;
import org.photonee.core.auth.custom.OidcProviderFactory;
import org.photonee.core.auth.custom.OidcProviderSettings;
import org.photonee.core.http.HttpQueue;

/** The container's factory for OpenID Connect auth providers. */
public final class NimbusOidcProviderFactory implements OidcProviderFactory {
    @Override
    public AuthProvider create(OidcProviderSettings s, HttpQueue queue) {
        return new OidcAuthProvider(s, new OidcTokenValidator(s.issuer(), s.audience(), s.algorithms(),
                s.clockSkewSeconds(), s.jwksRefreshMinIntervalMillis(), s.jwksCacheMillis(), queue,
                System::currentTimeMillis));
    }
}
