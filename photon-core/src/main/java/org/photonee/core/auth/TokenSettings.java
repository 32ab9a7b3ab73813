package org.photonee.core.auth;

/**
 * Token lifetimes (LOADBALANCING.md §2.8).
 *
 * @param expirationSeconds      lifetime of one token ({@code AuthTokenExpirationS}, 1800 by default)
 * @param finalExpirationSeconds how long renewals may extend one login session; after that the client must
 *                               authenticate again. Photon caps renewals without documenting a default; we allow
 *                               one day.
 */
public record TokenSettings(long expirationSeconds, long finalExpirationSeconds) {
    public static final long DEFAULT_EXPIRATION_SECONDS = 1800;
    public static final long DEFAULT_FINAL_EXPIRATION_SECONDS = 24 * 3600;
    public static final TokenSettings DEFAULTS = new TokenSettings(DEFAULT_EXPIRATION_SECONDS,
            DEFAULT_FINAL_EXPIRATION_SECONDS);

    public TokenSettings {
        if (expirationSeconds <= 0 || finalExpirationSeconds < expirationSeconds) {
            throw new IllegalArgumentException("token lifetimes must be positive, the final one not shorter");
        }
    }
}
