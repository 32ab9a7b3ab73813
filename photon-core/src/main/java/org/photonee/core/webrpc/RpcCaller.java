package org.photonee.core.webrpc;

import java.util.Map;

/**
 * Who makes a WebRPC call, from its token.
 *
 * @param appId      application id
 * @param appVersion application version
 * @param userId     user id
 * @param authCookie what custom authentication attached to the user; sent only with WebFlags SendAuthCookie
 */
public record RpcCaller(String appId, String appVersion, String userId, Map<String, Object> authCookie) {
    public RpcCaller {
        authCookie = authCookie == null ? Map.of() : Map.copyOf(authCookie);
    }
}
