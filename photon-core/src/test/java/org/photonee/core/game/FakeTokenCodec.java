package org.photonee.core.game;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import org.photonee.core.auth.AuthToken;
import org.photonee.core.auth.TokenCodec;
import org.photonee.core.auth.TokenException;
import org.photonee.core.codes.ReturnCode;

/** Hands out opaque names for tokens; anything it did not hand out is a forged token. */
final class FakeTokenCodec implements TokenCodec {
    private final Map<String, AuthToken> issued = new ConcurrentHashMap<>();
    private final AtomicInteger next = new AtomicInteger();

    @Override
    public String encode(AuthToken token) {
        String name = "token-" + next.incrementAndGet();
        issued.put(name, token);
        return name;
    }

    @Override
    public AuthToken decode(String encoded) throws TokenException {
        AuthToken token = issued.get(encoded);
        if (token == null) {
            throw new TokenException(ReturnCode.INVALID_AUTHENTICATION, "Invalid token");
        }
        return token;
    }
}
