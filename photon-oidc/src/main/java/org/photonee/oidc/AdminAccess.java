package org.photonee.oidc;

import org.photonee.core.config.ConfigReader;
import org.photonee.core.http.HttpQueues;
import org.photonee.core.http.HttpQueueSettings;

import java.net.URI;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Who may use the admin API: a bearer token from {@code photon.admin.issuer} for {@code photon.admin.audience}
 * carrying {@code photon.admin.role} (default {@code photon-admin}) in the claim {@code photon.admin.roleClaim}
 * (default {@code groups}; a dotted path such as {@code realm_access.roles} reaches nested claims). Without an
 * issuer only loopback callers are let in.
 */
public final class AdminAccess {
    public static final String ISSUER = "photon.admin.issuer";
    public static final String AUDIENCE = "photon.admin.audience";
    public static final String ROLE = "photon.admin.role";
    public static final String ROLE_CLAIM = "photon.admin.roleClaim";
    /** How long a request waits for the issuer's keys before it is refused. */
    private static final long KEY_WAIT_SECONDS = 10;

    private final OidcTokenValidator validator;
    private final String role;
    private final String roleClaim;

    /** The decision about one request: HTTP status 200, 401 or 403, why, and who (when known). */
    public record Decision(int status, String reason, String caller) {
        public boolean allowed() {
            return status == 200;
        }
    }

    private AdminAccess(OidcTokenValidator validator, String role, String roleClaim) {
        this.validator = validator;
        this.role = role;
        this.roleClaim = roleClaim;
    }

    /** Reads the {@code photon.admin.*} keys; a bad value fails naming the key. */
    public static AdminAccess from(ConfigReader config, HttpQueues http) {
        URI issuer = config.httpUrl(ISSUER);
        String role = config.string(ROLE, "photon-admin");
        String roleClaim = config.string(ROLE_CLAIM, "groups");
        if (issuer == null) {
            return new AdminAccess(null, role, roleClaim);
        }
        String audience = config.string(AUDIENCE);
        if (audience == null) {
            throw new IllegalArgumentException(AUDIENCE + " is required when " + ISSUER + " is set");
        }
        HttpQueueSettings queue = HttpQueueSettings.from(config, "photon.admin.");
        return new AdminAccess(new OidcTokenValidator(issuer, audience,
                List.of("RS256", "RS384", "RS512", "PS256", "ES256"), 60, 10_000, 300_000,
                http.queue("admin-oidc", queue), System::currentTimeMillis), role, roleClaim);
    }

    public boolean hasIssuer() {
        return validator != null;
    }

    /**
     * @param authorization the Authorization header, or null
     * @param loopback      whether the caller connected from a loopback address
     */
    public Decision decide(String authorization, boolean loopback) {
        if (validator == null) {
            return loopback ? new Decision(200, "loopback caller, no admin issuer configured", "loopback")
                    : new Decision(403, "the admin API is open only to loopback callers until " + ISSUER
                            + " is configured", null);
        }
        if (authorization == null || !authorization.regionMatches(true, 0, "Bearer ", 0, 7)) {
            return new Decision(401, "a bearer token is required", null);
        }
        VerifiedToken token;
        try {
            token = validator.validate(authorization.substring(7).trim()).toCompletableFuture()
                    .get(KEY_WAIT_SECONDS, TimeUnit.SECONDS);
        } catch (ExecutionException e) {
            return new Decision(401, "token refused: " + IssuerKeys.rootMessage(e), null);
        } catch (TimeoutException e) {
            return new Decision(401, "token refused: the issuer's keys did not arrive in time", null);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return new Decision(401, "interrupted", null);
        }
        Object sub = token.claim("preferred_username") != null ? token.claim("preferred_username") : token.claim("sub");
        String caller = String.valueOf(sub);
        if (!token.claimContains(roleClaim, role)) {
            return new Decision(403, "the token lacks role '" + role + "' in claim '" + roleClaim + "'", caller);
        }
        return new Decision(200, "role " + role, caller);
    }
}
