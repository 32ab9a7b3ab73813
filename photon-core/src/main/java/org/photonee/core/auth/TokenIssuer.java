package org.photonee.core.auth;

import java.util.Map;
import java.util.UUID;
import java.util.function.LongSupplier;

/**
 * Creates and renews tokens with the configured lifetimes, and encodes them. Name server, master and game server
 * each hold one over the same {@link TokenCodec}.
 */
public final class TokenIssuer {
    private final TokenCodec codec;
    private final TokenSettings settings;
    private final LongSupplier clock;

    public TokenIssuer(TokenCodec codec, TokenSettings settings, LongSupplier clock) {
        this.codec = codec;
        this.settings = settings;
        this.clock = clock;
    }

    public TokenIssuer(TokenCodec codec, TokenSettings settings) {
        this(codec, settings, System::currentTimeMillis);
    }

    public TokenCodec codec() {
        return codec;
    }

    /** A token for a new login session. */
    public AuthToken issue(String userId, String appId, String appVersion, Map<String, Object> authCookie) {
        return issue(userId, appId, appVersion, authCookie, 0);
    }

    /**
     * A token for a new login session that ends no later than {@code sessionEndMillis} (custom auth's ExpireAt):
     * renewals never pass it. 0 = the configured session length.
     */
    public AuthToken issue(String userId, String appId, String appVersion, Map<String, Object> authCookie,
                           long sessionEndMillis) {
        long now = clock.getAsLong();
        long finalExpiry = now + settings.finalExpirationSeconds() * 1000;
        if (sessionEndMillis > 0) {
            finalExpiry = Math.min(finalExpiry, sessionEndMillis);
        }
        return new AuthToken(userId, appId, appVersion, UUID.randomUUID().toString(), now,
                Math.min(finalExpiry, now + settings.expirationSeconds() * 1000), finalExpiry, null, authCookie);
    }

    /** The same session with a fresh lifetime, never past the session's final expiry. */
    public AuthToken renew(AuthToken token) {
        long now = clock.getAsLong();
        long expiry = Math.min(token.finalExpiresAtMillis(), now + settings.expirationSeconds() * 1000);
        return token.withLifetime(now, expiry);
    }

    /** A renewed token that authorizes creating or joining one game on a game server. */
    public AuthToken grantGame(AuthToken token, String gameId) {
        return renew(token).withGrantedGame(gameId);
    }

    public String encode(AuthToken token) {
        return codec.encode(token);
    }

    public AuthToken decode(String encoded) throws TokenException {
        return codec.decode(encoded);
    }
}
