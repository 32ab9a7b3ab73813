package org.photonee.client;

/**
 * Who the client is: the user id and, for custom authentication, the provider type, query-string parameters and
 * POST body forwarded to the auth service. All optional; an anonymous user gets a server-chosen id.
 *
 * @param userId     the user id, or null to let the server choose
 * @param authType   {@code ClientAuthenticationType} (0 custom, ...), or -1 for none
 * @param authParams query string for the auth service, or null
 * @param authData   POST body (String, byte[] or a map), or null
 */
public record AuthValues(String userId, int authType, String authParams, Object authData) {
    public static final AuthValues ANONYMOUS = new AuthValues(null, -1, null, null);

    public static AuthValues user(String userId) {
        return new AuthValues(userId, -1, null, null);
    }

    public AuthValues withUserId(String value) {
        return new AuthValues(value, authType, authParams, authData);
    }

    /** Custom authentication (type 0) with the given query string. */
    public AuthValues withCustomAuth(String queryParams, Object postData) {
        return new AuthValues(userId, 0, queryParams, postData);
    }
}
