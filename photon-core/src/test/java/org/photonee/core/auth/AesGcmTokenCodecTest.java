package org.photonee.core.auth;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Base64;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;
import org.photonee.core.codes.ReturnCode;

class AesGcmTokenCodecTest {
    private final AtomicLong now = new AtomicLong(1_000_000);
    private final AesGcmTokenCodec codec = new AesGcmTokenCodec("cluster-secret", now::get);
    private final TokenIssuer issuer = new TokenIssuer(codec, new TokenSettings(1800, 7200), now::get);

    @Test
    void roundTripKeepsEveryField() throws TokenException {
        AuthToken token = new AuthToken("user-1", "app", "1.0", "session", 10, now.get() + 5000, now.get() + 9000,
                "room1", Map.of("level", 7, "vip", true, "name", "x", "big", 1L << 40, "ratio", 0.5));
        assertEquals(token, codec.decode(codec.encode(token)));
    }

    @Test
    void tokensAreRandomizedAndUrlSafe() {
        AuthToken token = issuer.issue("u", "app", "1.0", Map.of());
        String a = codec.encode(token);
        String b = codec.encode(token);
        assertNotEquals(a, b, "fresh IV per token");
        assertTrue(a.matches("[A-Za-z0-9_-]+"), a);
    }

    @Test
    void expiredTokenIsRefusedWithTokenExpired() {
        String encoded = issuer.encode(issuer.issue("u", "app", "1.0", Map.of()));
        now.addAndGet(1800 * 1000);
        TokenException e = assertThrows(TokenException.class, () -> codec.decode(encoded));
        assertEquals(ReturnCode.AUTHENTICATION_TOKEN_EXPIRED, e.returnCode());
    }

    @Test
    void tamperedForeignOrGarbageTokensAreInvalidAuthentication() {
        String encoded = issuer.encode(issuer.issue("u", "app", "1.0", Map.of()));
        byte[] raw = Base64.getUrlDecoder().decode(encoded);
        for (int i = 0; i < raw.length; i++) {
            byte[] copy = raw.clone();
            copy[i] ^= 0x01;
            String tampered = Base64.getUrlEncoder().withoutPadding().encodeToString(copy);
            assertInvalid(tampered);
        }
        assertInvalid(new AesGcmTokenCodec("another-secret", now::get).encode(issuer.issue("u", "a", "1", Map.of())));
        assertInvalid("");
        assertInvalid(null);
        assertInvalid("not base64 !!");
        assertInvalid("AAAA");
        assertInvalid("A".repeat(AesGcmTokenCodec.MAX_ENCODED_LENGTH + 1));
        assertInvalid(encoded.substring(0, encoded.length() - 4));
    }

    private void assertInvalid(String token) {
        TokenException e = assertThrows(TokenException.class, () -> codec.decode(token));
        assertEquals(ReturnCode.INVALID_AUTHENTICATION, e.returnCode());
    }

    @Test
    void sameSecretMeansSameKeyAcrossInstances() throws TokenException {
        AesGcmTokenCodec other = new AesGcmTokenCodec("cluster-secret", now::get);
        AuthToken token = issuer.issue("u", "app", "1.0", Map.of());
        assertEquals(token, other.decode(codec.encode(token)));
    }

    @Test
    void renewalKeepsTheSessionAndStopsAtTheFinalExpiry() {
        AuthToken first = issuer.issue("u", "app", "1.0", Map.of("k", "v"));
        assertEquals(now.get() + 1800_000, first.expiresAtMillis());
        now.addAndGet(6000_000);
        AuthToken renewed = issuer.renew(first);
        assertEquals(first.sessionId(), renewed.sessionId());
        assertEquals(first.finalExpiresAtMillis(), renewed.expiresAtMillis(), "capped by the final expiry");
        AuthToken granted = issuer.grantGame(first, "room9");
        assertEquals("room9", granted.grantedGameId());
        assertEquals(Map.of("k", "v"), granted.authCookie());
    }

    @Test
    void blankSecretIsRejectedAndGeneratedSecretsWork() throws TokenException {
        assertThrows(IllegalArgumentException.class, () -> new AesGcmTokenCodec(" "));
        AesGcmTokenCodec generated = new AesGcmTokenCodec(AesGcmTokenCodec.generateSecret(), now::get);
        AuthToken token = issuer.issue("u", "app", "1.0", Map.of());
        assertEquals(token, generated.decode(generated.encode(token)));
    }

    @Test
    void cookieArraysAndObjectsSurviveTheRoundTrip() throws TokenException {
        Map<String, Object> cookie = new java.util.LinkedHashMap<>();
        cookie.put("groups", java.util.List.of("photon-admin", "players"));
        cookie.put("profile", Map.of("level", 3L));
        AuthToken token = new AuthToken("u", "app", "1.0", "s", 10, now.get() + 5000, now.get() + 9000, null,
                cookie);
        AuthToken back = codec.decode(codec.encode(token));
        assertEquals(java.util.List.of("photon-admin", "players"),
                java.util.Arrays.asList((Object[]) back.authCookie().get("groups")));
        assertEquals(Map.of("level", 3L), back.authCookie().get("profile"));
    }
}
