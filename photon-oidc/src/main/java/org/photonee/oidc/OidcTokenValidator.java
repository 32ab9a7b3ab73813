package org.photonee.oidc;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.JWSVerifier;
import com.nimbusds.jose.crypto.ECDSAVerifier;
import com.nimbusds.jose.crypto.RSASSAVerifier;
import com.nimbusds.jose.jwk.ECKey;
import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import org.photonee.core.http.HttpQueue;

import java.net.URI;
import java.text.ParseException;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CompletionStage;
import java.util.function.LongSupplier;

/**
 * Validates an issuer's JWTs locally. Checks, in order, each failure naming itself: a signed JWT (an unsecured
 * {@code alg: none} token is refused), an allowed asymmetric algorithm (HMAC never, so a public key can never be
 * used as a shared secret), header type {@code JWT} / {@code at+jwt} or none, a known signing key, the signature,
 * {@code iss} exactly the issuer, {@code aud} containing the audience, {@code exp} present and not past, {@code nbf}
 * not in the future (both with the clock skew).
 */
public final class OidcTokenValidator {
    /** A JWT is three dot-separated Base64url parts; anything longer than this is refused before parsing. */
    static final int MAX_TOKEN_LENGTH = 16 * 1024;
    private static final Set<JOSEObjectType> ALLOWED_TYPES = Set.of(JOSEObjectType.JWT, new JOSEObjectType("at+jwt"));

    private final URI issuer;
    private final String audience;
    private final Set<JWSAlgorithm> algorithms;
    private final long clockSkewMillis;
    private final IssuerKeys keys;
    private final LongSupplier clock;

    /**
     * @param queue for discovery and key-set requests to the issuer
     */
    public OidcTokenValidator(URI issuer, String audience, List<String> algorithms, long clockSkewSeconds,
                              long jwksRefreshMinIntervalMillis, long jwksCacheMillis, HttpQueue queue,
                              LongSupplier clock) {
        this.issuer = issuer;
        this.audience = audience;
        this.algorithms = Set.copyOf(algorithms.stream().map(JWSAlgorithm::parse).toList());
        this.clockSkewMillis = clockSkewSeconds * 1000;
        this.keys = new IssuerKeys(issuer, queue, jwksRefreshMinIntervalMillis, jwksCacheMillis, clock);
        this.clock = clock;
    }

    public URI issuer() {
        return issuer;
    }

    /** Completes with the token's claims, or fails with a {@link TokenRejected} saying which check failed. */
    public CompletionStage<VerifiedToken> validate(String token) {
        SignedJWT jwt;
        try {
            jwt = parse(token);
        } catch (TokenRejected e) {
            return CompletableFuture.failedFuture(e);
        }
        JWSHeader header = jwt.getHeader();
        return keys.key(header.getKeyID(), header.getAlgorithm()).thenApply(key -> {
            try {
                return verify(jwt, key);
            } catch (TokenRejected e) {
                throw new CompletionException(e);
            }
        });
    }

    private SignedJWT parse(String token) throws TokenRejected {
        if (token == null || token.isBlank()) {
            throw new TokenRejected("no token");
        }
        if (token.length() > MAX_TOKEN_LENGTH) {
            throw new TokenRejected("token longer than " + MAX_TOKEN_LENGTH + " characters");
        }
        if (token.chars().filter(c -> c == '.').count() != 2) {
            throw new TokenRejected("not a JWT (expected three dot-separated parts)");
        }
        String headerPart = token.substring(0, token.indexOf('.'));
        if (isUnsecured(headerPart)) {
            throw new TokenRejected("algorithm 'none' is not allowed (unsecured token)");
        }
        SignedJWT jwt;
        try {
            jwt = SignedJWT.parse(token);
        } catch (ParseException | RuntimeException e) {
            throw new TokenRejected("malformed token: " + e.getMessage());
        }
        JWSAlgorithm alg = jwt.getHeader().getAlgorithm();
        if (!algorithms.contains(alg)) {
            throw new TokenRejected("algorithm " + alg + " is not allowed (allowed: " + algorithms + ")");
        }
        JOSEObjectType type = jwt.getHeader().getType();
        if (type != null && !ALLOWED_TYPES.contains(type)) {
            throw new TokenRejected("token type '" + type + "' is not allowed (JWT or at+jwt)");
        }
        return jwt;
    }

    private static boolean isUnsecured(String headerPart) {
        try {
            String header = new String(java.util.Base64.getUrlDecoder().decode(headerPart),
                    java.nio.charset.StandardCharsets.UTF_8);
            return header.replace(" ", "").toLowerCase(java.util.Locale.ROOT).contains("\"alg\":\"none\"");
        } catch (IllegalArgumentException e) {
            return false;
        }
    }

    private VerifiedToken verify(SignedJWT jwt, JWK key) throws TokenRejected {
        try {
            JWSVerifier verifier = key instanceof RSAKey rsa ? new RSASSAVerifier(rsa)
                    : key instanceof ECKey ec ? new ECDSAVerifier(ec) : null;
            if (verifier == null || !jwt.verify(verifier)) {
                throw new TokenRejected("signature invalid");
            }
        } catch (JOSEException e) {
            throw new TokenRejected("signature invalid: " + e.getMessage());
        }
        JWTClaimsSet claims;
        try {
            claims = jwt.getJWTClaimsSet();
        } catch (ParseException e) {
            throw new TokenRejected("malformed claims: " + e.getMessage());
        }
        if (!issuer.toString().equals(claims.getIssuer())) {
            throw new TokenRejected("wrong issuer '" + claims.getIssuer() + "'");
        }
        List<String> aud = claims.getAudience();
        if (aud == null || !aud.contains(audience)) {
            throw new TokenRejected("wrong audience " + aud + " (expected '" + audience + "')");
        }
        long now = clock.getAsLong();
        Date exp = claims.getExpirationTime();
        if (exp == null) {
            throw new TokenRejected("no expiry (exp)");
        }
        if (now > exp.getTime() + clockSkewMillis) {
            throw new TokenRejected("expired");
        }
        Date nbf = claims.getNotBeforeTime();
        if (nbf != null && now + clockSkewMillis < nbf.getTime()) {
            throw new TokenRejected("not valid yet (nbf)");
        }
        return new VerifiedToken(plain(claims.getClaims()));
    }

    /** Claims as plain values: dates as Unix seconds, nested objects and lists kept. */
    private static Map<String, Object> plain(Map<String, Object> claims) {
        Map<String, Object> out = new LinkedHashMap<>();
        claims.forEach((k, v) -> {
            if (v != null) {
                out.put(k, v instanceof Date d ? d.getTime() / 1000 : v);
            }
        });
        return out;
    }
}
