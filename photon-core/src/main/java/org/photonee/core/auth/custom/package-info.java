/**
 * Photon's custom authentication (LOADBALANCING.md §3.1, AUTH.md §1.4): providers chosen by
 * ClientAuthenticationType (217), each either an HTTP service asked per login ({@link
 * org.photonee.core.auth.custom.HttpAuthProvider}) or an OpenID Connect issuer whose tokens are validated locally
 * (an {@link org.photonee.core.auth.custom.AuthProvider} supplied by the photon-oidc module). {@link
 * org.photonee.core.auth.custom.CustomAuthenticator} applies the rules shared by all providers (disabled, anonymous,
 * unsupported type) and {@link org.photonee.core.auth.custom.AuthSettings} reads the {@code photon.auth.*} keys.
 */
package org.photonee.core.auth.custom;
