package org.photonee.core.s2s;

import java.util.Map;
import org.photonee.core.auth.AuthToken;
import org.photonee.core.auth.TokenException;
import org.photonee.core.auth.TokenIssuer;

/**
 * Game servers prove to the master that they belong to the cluster with a token under the shared token key,
 * issued to a reserved identity derived from the server id. Clients cannot forge it (they never hold the key) and
 * a client's own token does not pass (its user id lacks the prefix and app id).
 */
public final class S2SCredentials {
    /** App id of S2S credentials; no client application uses it. */
    public static final String S2S_APP_ID = "photon-ee:s2s";
    private static final String USER_PREFIX = "gameserver:";

    private S2SCredentials() {
    }

    public static String create(TokenIssuer issuer, String serverId) {
        return issuer.encode(issuer.issue(USER_PREFIX + serverId, S2S_APP_ID, null, Map.of()));
    }

    /** True when the credential is a valid, unexpired S2S token for exactly this server id. */
    public static boolean verify(TokenIssuer issuer, String credential, String serverId) {
        if (credential == null) {
            return false;
        }
        try {
            AuthToken token = issuer.decode(credential);
            return S2S_APP_ID.equals(token.appId()) && (USER_PREFIX + serverId).equals(token.userId());
        } catch (TokenException e) {
            return false;
        }
    }
}
