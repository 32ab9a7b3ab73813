package org.photonee.core.auth.custom;

/** One configured provider: an HTTP service or an OpenID Connect issuer. */
public sealed interface ProviderSettings permits HttpProviderSettings, OidcProviderSettings {
    String name();

    int type();
}
