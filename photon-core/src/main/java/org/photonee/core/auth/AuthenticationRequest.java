package org.photonee.core.auth;

/**
 * A client's Authenticate parameters as a custom authenticator sees them.
 *
 * @param appId      ApplicationId (224)
 * @param appVersion AppVersion (220)
 * @param userId     UserId (225) the client proposes, or null
 * @param authType   ClientAuthenticationType (217), 0 (Custom) when absent
 * @param authParams ClientAuthenticationParams (216, query string), or null
 * @param authData   ClientAuthenticationData (214, POST body: byte[], String or table), or null
 * @param region     Region (210), or null
 */
public record AuthenticationRequest(String appId, String appVersion, String userId, int authType,
                                    String authParams, Object authData, String region) {
}
