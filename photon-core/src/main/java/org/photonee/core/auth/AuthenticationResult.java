package org.photonee.core.auth;

import java.util.Map;

/**
 * The outcome of authenticating a client.
 *
 * @param returnCode 0 when authenticated, else the code the client gets (e.g. CustomAuthenticationFailed)
 * @param message    debug message for failures, may be null
 * @param userId     the authenticated user id (set when successful)
 * @param nickname   nickname to hand to the client, or null
 * @param data       data to hand to the client (param 245), or null
 * @param authCookie values carried in the token, never shown to the client
 */
public record AuthenticationResult(short returnCode, String message, String userId, String nickname, Object data,
                                   Map<String, Object> authCookie) {
    public AuthenticationResult {
        authCookie = authCookie == null ? Map.of() : Map.copyOf(authCookie);
    }

    public static AuthenticationResult ok(String userId) {
        return new AuthenticationResult((short) 0, null, userId, null, null, Map.of());
    }

    public static AuthenticationResult failed(short returnCode, String message) {
        return new AuthenticationResult(returnCode, message, null, null, null, Map.of());
    }

    public boolean isOk() {
        return returnCode == 0;
    }
}
