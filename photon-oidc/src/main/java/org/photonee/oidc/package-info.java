/**
 * OpenID Connect for players and operators: an issuer's access or ID tokens are validated locally (no call per
 * login) against the keys the issuer publishes. {@link org.photonee.oidc.IssuerKeys} finds the key set through
 * discovery and refreshes it, rate-limited, when a token names an unknown key (key rotation);
 * {@link org.photonee.oidc.OidcTokenValidator} checks signature, algorithm, issuer, audience and lifetime, each
 * failure with a message naming the check; {@link org.photonee.oidc.OidcAuthProvider} turns a valid token into a
 * Photon login and {@link org.photonee.oidc.AdminAccess} guards the admin API. JOSE work is done by nimbus-jose-jwt,
 * relocated into this jar (Payara and WildFly ship their own, older copies).
 */
package org.photonee.oidc;
