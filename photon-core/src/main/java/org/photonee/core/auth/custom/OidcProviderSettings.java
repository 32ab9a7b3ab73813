package org.photonee.core.auth.custom;

import org.photonee.core.http.HttpQueueSettings;

import java.net.URI;
import java.util.List;

/**
 * An OpenID Connect issuer whose tokens are validated locally ({@code photon.auth.<name>.issuer} set).
 *
 * @param name                 the provider's name in the keys
 * @param type                 the ClientAuthenticationType (217) it serves (9 = Jwt, or 0 = Custom for the
 *                             official clients, whose enums have no 9)
 * @param issuer               {@code .issuer}: must equal the discovery document's and the tokens' {@code iss}
 * @param audience             {@code .audience}: must be among the token's {@code aud}
 * @param userIdClaim          {@code .userIdClaim} (default {@code sub}) → UserId
 * @param nicknameClaim        {@code .nicknameClaim} (default {@code preferred_username}) → Nickname
 * @param cookieClaims         {@code .cookieClaims}: claims copied into the AuthCookie
 * @param algorithms           {@code .algorithms} (default RS256, PS256, ES256): the only signature algorithms
 *                             accepted; HMAC and {@code none} never are
 * @param clockSkewSeconds     {@code .clockSkewSeconds} (default 60) allowed on {@code exp} and {@code nbf}
 * @param jwksRefreshMinIntervalMillis {@code .jwksRefreshMinIntervalMs} (default 10000): a token signed by an
 *                             unknown key refreshes the key set at most this often
 * @param jwksCacheMillis      {@code .jwksCacheMs} (default 300000): how long a fetched key set is used before it
 *                             is fetched again
 * @param queue                the HTTP queue for discovery and key-set requests
 */
public record OidcProviderSettings(String name, int type, URI issuer, String audience, String userIdClaim,
                                   String nicknameClaim, List<String> cookieClaims, List<String> algorithms,
                                   long clockSkewSeconds, long jwksRefreshMinIntervalMillis, long jwksCacheMillis,
                                   HttpQueueSettings queue) implements ProviderSettings {
    public static final List<String> DEFAULT_ALGORITHMS = List.of("RS256", "PS256", "ES256");

    public OidcProviderSettings {
        cookieClaims = List.copyOf(cookieClaims);
        algorithms = List.copyOf(algorithms);
    }
}
