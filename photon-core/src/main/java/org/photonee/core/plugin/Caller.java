package org.photonee.core.plugin;

import java.util.Map;

/**
 * Who sent the operation a call is about.
 *
 * @param actorNr    the sender's actor number; 0 before it has one (create, before join)
 * @param userId     authenticated user id, "" when anonymous
 * @param nickname   nickname from its actor properties, may be null
 * @param authCookie values custom authentication attached to the user (Photon's {@code AuthCookie}), never shown to
 *                   clients; empty when none
 */
public record Caller(int actorNr, String userId, String nickname, Map<String, Object> authCookie) {
    public Caller {
        userId = userId == null ? "" : userId;
        authCookie = authCookie == null ? Map.of() : Map.copyOf(authCookie);
    }
}
