package org.photonee.oidc;

import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import com.sun.net.httpserver.HttpServer;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

/** A minimal OpenID Connect issuer on 127.0.0.1: discovery, a key set that can rotate, and token minting. */
final class TestIssuer implements AutoCloseable {
    final HttpServer server;
    final String issuer;
    final AtomicInteger keySetRequests = new AtomicInteger();
    volatile String discoveryIssuer;
    private final List<RSAKey> published = new ArrayList<>();
    RSAKey signing;

    TestIssuer() throws Exception {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        issuer = "http://127.0.0.1:" + server.getAddress().getPort() + "/realms/test";
        discoveryIssuer = issuer;
        server.createContext("/realms/test/.well-known/openid-configuration", ex -> reply(ex,
                "{\"issuer\":\"" + discoveryIssuer + "\",\"jwks_uri\":\"" + issuer + "/certs\"}"));
        server.createContext("/realms/test/certs", ex -> {
            keySetRequests.incrementAndGet();
            List<com.nimbusds.jose.jwk.JWK> pub;
            synchronized (published) {
                pub = new ArrayList<>(published.stream().map(k -> (com.nimbusds.jose.jwk.JWK) k.toPublicJWK()).toList());
            }
            reply(ex, new JWKSet(pub).toString());
        });
        server.start();
        rotate();
    }

    /** A new signing key, published beside the old ones. */
    RSAKey rotate() throws Exception {
        signing = new RSAKeyGenerator(2048).keyID("k" + System.nanoTime()).generate();
        synchronized (published) {
            published.add(signing);
        }
        return signing;
    }

    private static void reply(com.sun.net.httpserver.HttpExchange ex, String body) throws IOException {
        byte[] b = body.getBytes(StandardCharsets.UTF_8);
        ex.getResponseHeaders().add("Content-Type", "application/json");
        ex.sendResponseHeaders(200, b.length);
        ex.getResponseBody().write(b);
        ex.close();
    }

    JWTClaimsSet.Builder claims() {
        long now = System.currentTimeMillis();
        return new JWTClaimsSet.Builder().issuer(issuer).audience("photon-api").subject("user-1")
                .claim("preferred_username", "alice").claim("groups", List.of("players"))
                .issueTime(new Date(now)).expirationTime(new Date(now + 300_000));
    }

    String sign(JWTClaimsSet claims) throws Exception {
        return sign(claims, signing);
    }

    String sign(JWTClaimsSet claims, RSAKey key) throws Exception {
        SignedJWT jwt = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.RS256).keyID(key.getKeyID())
                .type(JOSEObjectType.JWT).build(), claims);
        jwt.sign(new RSASSASigner(key));
        return jwt.serialize();
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
