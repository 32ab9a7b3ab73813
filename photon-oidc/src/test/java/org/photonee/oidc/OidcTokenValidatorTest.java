package org.photonee.oidc;

import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.MACSigner;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.PlainJWT;
import com.nimbusds.jwt.SignedJWT;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.photonee.core.fiber.FiberFactory;
import org.photonee.core.fiber.PoolFiber;
import org.photonee.core.http.HttpQueueSettings;
import org.photonee.core.http.HttpQueues;
import org.photonee.core.http.JdkHttpSender;

import java.net.URI;
import java.time.Duration;
import java.util.Date;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class OidcTokenValidatorTest {
    private final TestIssuer idp = new TestIssuer();
    private final HttpQueues http = new HttpQueues(new JdkHttpSender(null, Duration.ofSeconds(2), 1 << 20),
            TestFibers.FACTORY);

    OidcTokenValidatorTest() throws Exception {
    }

    @AfterEach
    void stop() {
        idp.close();
    }

    private OidcTokenValidator validator(long refreshInterval) {
        return new OidcTokenValidator(URI.create(idp.issuer), "photon-api", List.of("RS256"), 60, refreshInterval,
                300_000, http.queue("t" + System.nanoTime(), HttpQueueSettings.DEFAULTS), System::currentTimeMillis);
    }

    private static VerifiedToken ok(OidcTokenValidator v, String token) throws Exception {
        return v.validate(token).toCompletableFuture().get(10, TimeUnit.SECONDS);
    }

    private static String refused(OidcTokenValidator v, String token) {
        ExecutionException e = assertThrows(ExecutionException.class,
                () -> v.validate(token).toCompletableFuture().get(10, TimeUnit.SECONDS));
        assertTrue(e.getCause() instanceof TokenRejected, e.getCause().toString());
        return e.getCause().getMessage();
    }

    @Test
    void aValidTokenGivesItsClaims() throws Exception {
        VerifiedToken t = ok(validator(10_000), idp.sign(idp.claims().build()));
        assertEquals("user-1", t.claim("sub"));
        assertEquals("alice", t.claim("preferred_username"));
        assertTrue(t.claimContains("groups", "players"));
    }

    @Test
    void eachBadTokenIsRefusedNamingTheCheck() throws Exception {
        OidcTokenValidator v = validator(10_000);
        long now = System.currentTimeMillis();
        assertEquals("wrong issuer 'http://evil/realms/test'",
                refused(v, idp.sign(idp.claims().issuer("http://evil/realms/test").build())));
        assertTrue(refused(v, idp.sign(idp.claims().audience("other").build())).startsWith("wrong audience [other]"));
        assertEquals("expired", refused(v, idp.sign(idp.claims().expirationTime(new Date(now - 61_000)).build())));
        assertEquals("not valid yet (nbf)",
                refused(v, idp.sign(idp.claims().notBeforeTime(new Date(now + 120_000)).build())));
        assertEquals("no expiry (exp)", refused(v, idp.sign(idp.claims().expirationTime(null).build())));
        RSAKey stranger = new RSAKeyGenerator(2048).keyID(idp.signing.getKeyID()).generate();
        assertEquals("signature invalid", refused(v, idp.sign(idp.claims().build(), stranger)));
        assertEquals("no token", refused(v, ""));
        assertTrue(refused(v, "abc").startsWith("not a JWT"));
    }

    @Test
    void withinTheClockSkewAnExpiredTokenStillPasses() throws Exception {
        long now = System.currentTimeMillis();
        ok(validator(10_000), idp.sign(idp.claims().expirationTime(new Date(now - 30_000)).build()));
    }

    @Test
    void algNoneAndHmacWithThePublicKeyAreRefused() throws Exception {
        OidcTokenValidator v = validator(10_000);
        assertEquals("algorithm 'none' is not allowed (unsecured token)",
                refused(v, new PlainJWT(idp.claims().build()).serialize()));
        // The classic confusion attack: HS256 keyed with the RSA public key's bytes.
        SignedJWT hs = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.HS256).keyID(idp.signing.getKeyID()).build(),
                idp.claims().build());
        hs.sign(new MACSigner(idp.signing.toPublicJWK().toRSAPublicKey().getEncoded()));
        assertTrue(refused(v, hs.serialize()).startsWith("algorithm HS256 is not allowed"));
    }

    @Test
    void aRotatedKeyIsFetchedOnItsFirstTokenAndUnknownKeysAreRateLimited() throws Exception {
        OidcTokenValidator v = validator(1_000);
        ok(v, idp.sign(idp.claims().build()));
        assertEquals(1, idp.keySetRequests.get());
        Thread.sleep(1_100);
        idp.rotate();
        ok(v, idp.sign(idp.claims().build()));
        assertEquals(2, idp.keySetRequests.get(), "an unknown key id refreshes the key set");
        RSAKey unpublished = new RSAKeyGenerator(2048).keyID("invented").generate();
        for (int i = 0; i < 5; i++) {
            assertEquals("unknown signing key 'invented'", refused(v, idp.sign(idp.claims().build(), unpublished)));
        }
        assertEquals(2, idp.keySetRequests.get(), "within the interval no further fetch");
    }

    @Test
    void aDiscoveryDocumentNamingAnotherIssuerIsRefused() throws Exception {
        idp.discoveryIssuer = "http://127.0.0.1:1/realms/other";
        String why = refused(validator(10_000), idp.sign(idp.claims().build()));
        assertTrue(why.startsWith("the issuer's signing keys could not be fetched: the discovery document names "
                + "issuer"), why);
    }

    @Test
    void anUnreachableIssuerIsRefusedNotHung() throws Exception {
        OidcTokenValidator v = new OidcTokenValidator(URI.create("http://127.0.0.1:1/realms/none"), "photon-api",
                List.of("RS256"), 60, 10_000, 300_000, http.queue("dead", HttpQueueSettings.DEFAULTS),
                System::currentTimeMillis);
        assertTrue(refused(v, idp.sign(idp.claims().build())).startsWith("the issuer's signing keys could not"));
    }

    /** Fibers on a small thread pool, as in the container. */
    static final class TestFibers {
        private static final java.util.concurrent.ScheduledExecutorService POOL =
                java.util.concurrent.Executors.newScheduledThreadPool(2, r -> {
                    Thread t = new Thread(r, "test-fiber");
                    t.setDaemon(true);
                    return t;
                });
        static final FiberFactory FACTORY = name -> new PoolFiber(name, POOL, POOL);
    }
}
