package org.photonee.core.auth;

import java.util.Map;
import java.util.Objects;

/**
 * What an authentication token vouches for. The name server issues one, the master renews it and adds the granted
 * game when it sends a client to a game server; every role that shares the token key accepts it.
 *
 * @param userId              the authenticated user id
 * @param appId               application id the client authenticated for
 * @param appVersion          application version (clients of different versions never meet)
 * @param sessionId           identifies one login session; rejoin "as the same session" compares it
 * @param issuedAtMillis      wall-clock issue time (epoch ms)
 * @param expiresAtMillis     wall-clock expiry (epoch ms); an expired token is refused with AuthenticationTokenExpired
 * @param finalExpiresAtMillis hard cap on renewals (epoch ms)
 * @param grantedGameId       the game the holder may create/join on a game server, or null (name server/master hop)
 * @param authCookie          values from custom authentication, never shown to the client; empty when none
 * @param encryptionSecret    AuthOnce's EncryptionData secret: the AES key of payload encryption on master and game
 *                            server (no Diffie-Hellman there); null when the client did not use AuthOnce
 */
public record AuthToken(String userId, String appId, String appVersion, String sessionId, long issuedAtMillis,
                        long expiresAtMillis, long finalExpiresAtMillis, String grantedGameId,
                        Map<String, Object> authCookie, byte[] encryptionSecret) {
    public AuthToken {
        Objects.requireNonNull(userId, "userId");
        authCookie = authCookie == null ? Map.of() : Map.copyOf(authCookie);
        encryptionSecret = encryptionSecret == null ? null : encryptionSecret.clone();
    }

    /** A token without an encryption secret (Authenticate, not AuthOnce). */
    public AuthToken(String userId, String appId, String appVersion, String sessionId, long issuedAtMillis,
                     long expiresAtMillis, long finalExpiresAtMillis, String grantedGameId,
                     Map<String, Object> authCookie) {
        this(userId, appId, appVersion, sessionId, issuedAtMillis, expiresAtMillis, finalExpiresAtMillis,
                grantedGameId, authCookie, null);
    }

    @Override
    public byte[] encryptionSecret() {
        return encryptionSecret == null ? null : encryptionSecret.clone();
    }

    /** The same token carrying AuthOnce's encryption secret. */
    public AuthToken withEncryptionSecret(byte[] secret) {
        return new AuthToken(userId, appId, appVersion, sessionId, issuedAtMillis, expiresAtMillis,
                finalExpiresAtMillis, grantedGameId, authCookie, secret);
    }

    /** The same session with other lifetimes (renewals keep everything else, the secret included). */
    public AuthToken withLifetime(long issuedAt, long expiresAt) {
        return new AuthToken(userId, appId, appVersion, sessionId, issuedAt, expiresAt, finalExpiresAtMillis,
                grantedGameId, authCookie, encryptionSecret);
    }

    public boolean isExpired(long nowMillis) {
        return nowMillis >= expiresAtMillis;
    }

    /** The same token with a different granted game (master → game server hop). */
    public AuthToken withGrantedGame(String gameId) {
        return new AuthToken(userId, appId, appVersion, sessionId, issuedAtMillis, expiresAtMillis,
                finalExpiresAtMillis, gameId, authCookie, encryptionSecret);
    }
}
