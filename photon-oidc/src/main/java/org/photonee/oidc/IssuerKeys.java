package org.photonee.oidc;

import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.KeyType;
import com.nimbusds.jose.jwk.KeyUse;
import org.photonee.core.codec.json.JsonDocuments;
import org.photonee.core.http.HttpCall;
import org.photonee.core.http.HttpOutcome;
import org.photonee.core.http.HttpQueue;
import org.photonee.core.protocol.ProtocolException;
import org.photonee.core.protocol.ProtocolLimits;

import java.net.URI;
import java.text.ParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.function.LongSupplier;

/**
 * An issuer's signing keys: found through {@code <issuer>/.well-known/openid-configuration} (whose {@code issuer}
 * must equal the configured one exactly) and its {@code jwks_uri}. The set is kept for the cache period and fetched
 * again when a token names a key it lacks, at most once per minimum interval, so a flood of tokens with invented
 * key ids costs one request per interval. Fetches go through the provider's HTTP queue and never block; concurrent
 * lookups share one fetch.
 */
final class IssuerKeys {
    private static final System.Logger LOG = System.getLogger(IssuerKeys.class.getName());
    private static final ProtocolLimits DISCOVERY_LIMITS = new ProtocolLimits(256 * 1024, 8, 8192, 1024);

    private final URI issuer;
    private final HttpQueue queue;
    private final long refreshMinIntervalMillis;
    private final long cacheMillis;
    private final LongSupplier clock;

    private JWKSet keys;
    private long fetchedAtMillis;
    private long lastFetchStartMillis = Long.MIN_VALUE / 2;
    private CompletableFuture<JWKSet> fetching;

    IssuerKeys(URI issuer, HttpQueue queue, long refreshMinIntervalMillis, long cacheMillis, LongSupplier clock) {
        this.issuer = issuer;
        this.queue = queue;
        this.refreshMinIntervalMillis = refreshMinIntervalMillis;
        this.cacheMillis = cacheMillis;
        this.clock = clock;
    }

    /** The key that verifies a token with this key id (may be null) and algorithm, or a rejection. */
    CompletionStage<JWK> key(String keyId, JWSAlgorithm algorithm) {
        JWKSet current;
        boolean refresh;
        synchronized (this) {
            current = keys;
            long now = clock.getAsLong();
            boolean stale = current == null || now - fetchedAtMillis >= cacheMillis;
            boolean unknown = current != null && select(current, keyId, algorithm) == null;
            refresh = stale || unknown && now - lastFetchStartMillis >= refreshMinIntervalMillis;
        }
        if (!refresh) {
            return CompletableFuture.completedFuture(select(current, keyId, algorithm)).thenCompose(
                    k -> k != null ? CompletableFuture.completedFuture(k) : unknownKey(keyId));
        }
        return fetch().handle((fresh, error) -> {
            JWKSet set = fresh != null ? fresh : current;
            if (set == null) {
                throw new java.util.concurrent.CompletionException(new TokenRejected(
                        "the issuer's signing keys could not be fetched: " + rootMessage(error)));
            }
            return select(set, keyId, algorithm);
        }).thenCompose(k -> k != null ? CompletableFuture.completedFuture(k) : unknownKey(keyId));
    }

    static String rootMessage(Throwable error) {
        Throwable t = error;
        while ((t instanceof java.util.concurrent.CompletionException
                || t instanceof java.util.concurrent.ExecutionException) && t.getCause() != null) {
            t = t.getCause();
        }
        return t.getMessage() == null ? t.getClass().getSimpleName() : t.getMessage();
    }

    private static CompletableFuture<JWK> unknownKey(String keyId) {
        return CompletableFuture.failedFuture(new TokenRejected("unknown signing key"
                + (keyId == null ? " (the token names none)" : " '" + keyId + "'")));
    }

    private synchronized CompletableFuture<JWKSet> fetch() {
        if (fetching != null) {
            return fetching;
        }
        lastFetchStartMillis = clock.getAsLong();
        CompletableFuture<JWKSet> f = discover().thenCompose(this::fetchKeys).toCompletableFuture();
        fetching = f;
        f.whenComplete((set, error) -> {
            synchronized (this) {
                fetching = null;
                if (set != null) {
                    keys = set;
                    fetchedAtMillis = clock.getAsLong();
                } else {
                    LOG.log(System.Logger.Level.WARNING, "fetching the keys of {0} failed: {1}", issuer,
                            rootMessage(error));
                }
            }
        });
        return f;
    }

    private CompletionStage<URI> discover() {
        String base = issuer.toString().endsWith("/") ? issuer.toString() : issuer + "/";
        URI discovery = URI.create(base + ".well-known/openid-configuration");
        return queue.submit(HttpCall.get(discovery, Map.of("Accept", "application/json"))).thenApply(outcome -> {
            Map<?, ?> doc = jsonObject(outcome, "discovery document " + discovery);
            if (!issuer.toString().equals(doc.get("issuer"))) {
                throw new IllegalStateException("the discovery document names issuer '" + doc.get("issuer")
                        + "', not the configured '" + issuer + "'");
            }
            Object jwks = doc.get("jwks_uri");
            if (!(jwks instanceof String s) || !(s.startsWith("https://") || s.startsWith("http://"))) {
                throw new IllegalStateException("the discovery document has no http(s) jwks_uri");
            }
            return URI.create(s);
        });
    }

    private CompletionStage<JWKSet> fetchKeys(URI jwksUri) {
        return queue.submit(HttpCall.get(jwksUri, Map.of("Accept", "application/json"))).thenApply(outcome -> {
            jsonObject(outcome, "key set " + jwksUri);
            try {
                return JWKSet.parse(outcome.bodyText());
            } catch (ParseException e) {
                throw new IllegalStateException("the key set at " + jwksUri + " is invalid: " + e.getMessage());
            }
        });
    }

    private static Map<?, ?> jsonObject(HttpOutcome outcome, String what) {
        if (!outcome.isSuccess()) {
            throw new IllegalStateException(what + ": " + outcome.describe());
        }
        try {
            if (JsonDocuments.parse(outcome.bodyText(), DISCOVERY_LIMITS) instanceof Map<?, ?> m) {
                return m;
            }
        } catch (ProtocolException e) {
            throw new IllegalStateException(what + " is not valid JSON: " + e.getMessage());
        }
        throw new IllegalStateException(what + " is not a JSON object");
    }

    /** A signing key of the algorithm's family with this id; without an id, the only such key. */
    private static JWK select(JWKSet set, String keyId, JWSAlgorithm algorithm) {
        KeyType type = KeyType.forAlgorithm(algorithm);
        List<JWK> candidates = new ArrayList<>();
        for (JWK k : set.getKeys()) {
            boolean signing = k.getKeyUse() == null || KeyUse.SIGNATURE.equals(k.getKeyUse());
            boolean algOk = k.getAlgorithm() == null || k.getAlgorithm().equals(algorithm);
            if (signing && algOk && type.equals(k.getKeyType()) && (keyId == null || keyId.equals(k.getKeyID()))) {
                candidates.add(k);
            }
        }
        return candidates.size() == 1 || keyId != null && !candidates.isEmpty() ? candidates.get(0) : null;
    }
}
