package org.photonee.oidc;

import org.photonee.core.auth.AuthenticationRequest;
import org.photonee.core.auth.AuthenticationResult;
import org.photonee.core.auth.custom.AuthCounters;
import org.photonee.core.auth.custom.AuthProvider;
import org.photonee.core.auth.custom.OidcProviderSettings;
import org.photonee.core.codes.ReturnCode;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;

/**
 * Players signed in by the studio's identity provider: the client sends the provider's token, as
 * ClientAuthenticationData (a string) or as {@code token=<jwt>} in ClientAuthenticationParams, and it is validated
 * here, once, at login. UserId, Nickname and the AuthCookie come from configured claims. Photon's own token keeps
 * its lifetime and renewal: tying it to the identity provider's (often 5 minutes) would drop players between rooms.
 */
public final class OidcAuthProvider implements AuthProvider {
    private static final System.Logger LOG = System.getLogger(OidcAuthProvider.class.getName());

    private final OidcProviderSettings settings;
    private final OidcTokenValidator validator;
    private final AuthCounters counters = new AuthCounters();

    public OidcAuthProvider(OidcProviderSettings settings, OidcTokenValidator validator) {
        this.settings = settings;
        this.validator = validator;
    }

    @Override
    public String name() {
        return settings.name();
    }

    @Override
    public AuthCounters counters() {
        return counters;
    }

    @Override
    public CompletionStage<AuthenticationResult> authenticate(AuthenticationRequest request) {
        String token = tokenOf(request);
        if (token == null) {
            return CompletableFuture.completedFuture(count(refused("no token: send the identity provider's token "
                    + "as ClientAuthenticationData or as token=<jwt> in ClientAuthenticationParams"), false));
        }
        return validator.validate(token).handle((verified, error) -> {
            if (error != null) {
                String why = IssuerKeys.rootMessage(error);
                // Logged without the token: it is a credential.
                LOG.log(System.Logger.Level.INFO, "OIDC login refused by provider {0}: {1}", settings.name(), why);
                return count(refused("Token refused: " + why), !(unwrap(error) instanceof TokenRejected)
                        || why.startsWith("the issuer's signing keys could not be fetched"));
            }
            return count(login(verified), false);
        });
    }

    private AuthenticationResult login(VerifiedToken token) {
        Object userId = token.claim(settings.userIdClaim());
        if (!(userId instanceof String id) || id.isEmpty()) {
            return refused("Token refused: no string claim '" + settings.userIdClaim() + "' for the user id");
        }
        Object nickname = token.claim(settings.nicknameClaim());
        Map<String, Object> cookie = new LinkedHashMap<>();
        for (String claim : settings.cookieClaims()) {
            Object v = token.claim(claim);
            if (v != null) {
                cookie.put(claim, v);
            }
        }
        return AuthenticationResult.ok(id, nickname instanceof String n ? n : null, null, cookie, 0);
    }

    private static Throwable unwrap(Throwable error) {
        Throwable t = error;
        while (t instanceof java.util.concurrent.CompletionException && t.getCause() != null) {
            t = t.getCause();
        }
        return t;
    }

    /** ClientAuthenticationData as a string, else the {@code token} query parameter. */
    static String tokenOf(AuthenticationRequest request) {
        if (request.authData() instanceof String s && !s.isBlank()) {
            return s.trim();
        }
        if (request.authData() instanceof byte[] b && b.length > 0) {
            return new String(b, StandardCharsets.UTF_8).trim();
        }
        String params = request.authParams();
        if (params != null) {
            for (String piece : params.split("&")) {
                if (piece.startsWith("token=")) {
                    try {
                        return URLDecoder.decode(piece.substring(6), StandardCharsets.UTF_8);
                    } catch (IllegalArgumentException e) {
                        return piece.substring(6);
                    }
                }
            }
        }
        return null;
    }

    private AuthenticationResult count(AuthenticationResult result, boolean error) {
        counters.count(result, error);
        return result;
    }

    private static AuthenticationResult refused(String message) {
        return AuthenticationResult.failed(ReturnCode.CUSTOM_AUTHENTICATION_FAILED, message);
    }
}
