package org.photonee.core.auth;

import java.util.Map;

/**
 * The outcome of authenticating a client.
 *
 * @param returnCode    0 when authenticated (or not yet, see {@code incomplete}), else the code the client gets
 *                      (e.g. CustomAuthenticationFailed)
 * @param message       debug message for failures, may be null
 * @param userId        the authenticated user id (set when successful)
 * @param nickname      nickname to hand to the client, or null
 * @param data          data to hand to the client (param 245), or null
 * @param authCookie    values carried in the token, never shown to the client
 * @param expireAtMillis when the login must end at the latest (epoch ms; the service's ExpireAt), 0 = no limit
 * @param incomplete    custom auth answered ResultCode 0: not authenticated yet, only {@code data} goes back and the
 *                      client may send another Authenticate (multi-step login)
 */
public record AuthenticationResult(short returnCode, String message, String userId, String nickname, Object data,
                                   Map<String, Object> authCookie, long expireAtMillis, boolean incomplete) {
    public AuthenticationResult {
        authCookie = authCookie == null ? Map.of() : Map.copyOf(authCookie);
    }

    public static AuthenticationResult ok(String userId) {
        return new AuthenticationResult((short) 0, null, userId, null, null, Map.of(), 0, false);
    }

    public static AuthenticationResult ok(String userId, String nickname, Object data, Map<String, Object> authCookie,
                                          long expireAtMillis) {
        return new AuthenticationResult((short) 0, null, userId, nickname, data, authCookie, expireAtMillis, false);
    }

    /** ResultCode 0 of custom auth: not authenticated yet; the data goes to the client. */
    public static AuthenticationResult incomplete(Object data) {
        return new AuthenticationResult((short) 0, null, null, null, data, Map.of(), 0, true);
    }

    public static AuthenticationResult failed(short returnCode, String message) {
        return new AuthenticationResult(returnCode, message, null, null, null, Map.of(), 0, false);
    }

    /** Authenticated: a token can be issued. */
    public boolean isOk() {
        return returnCode == 0 && !incomplete;
    }

    public boolean isIncomplete() {
        return incomplete;
    }
}
