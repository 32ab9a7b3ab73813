package org.photonee.core.auth.custom;

import org.photonee.core.http.HttpQueue;

/**
 * Makes the provider for an OpenID Connect issuer. The implementation lives in the photon-oidc module (it needs a
 * JOSE library); the core only knows this seam.
 */
@FunctionalInterface
public interface OidcProviderFactory {
    /** @param queue the provider's HTTP queue, for discovery and key-set requests */
    AuthProvider create(OidcProviderSettings settings, HttpQueue queue);
}
