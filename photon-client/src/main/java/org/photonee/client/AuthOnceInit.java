package org.photonee.client;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

/**
 * What a client connecting with AuthOnce brings to master and game server (AUTH.md §1.5): the token, sent in the
 * UDP init instead of an Authenticate operation, and the name server's EncryptionData secret, the AES key of
 * payload encryption on that connection. The server's AuthOnce (231) response to the init completes
 * {@link #answer()}.
 */
public final class AuthOnceInit {
    /** AuthOnce: the op code of the server's answer to a token init. */
    static final int OPERATION_CODE = 231;

    private final String token;
    private final byte[] secret;
    private final CompletableFuture<org.photonee.core.protocol.OperationResponse> answer = new CompletableFuture<>();

    /** @param secret the AES key from EncryptionData, or null (then operations cannot be encrypted) */
    public AuthOnceInit(String token, byte[] secret) {
        this.token = java.util.Objects.requireNonNull(token, "token");
        this.secret = secret == null ? null : secret.clone();
    }

    public String token() {
        return token;
    }

    byte[] secret() {
        return secret;
    }

    CompletableFuture<org.photonee.core.protocol.OperationResponse> answerFuture() {
        return answer;
    }

    /** The server's op-231 answer, within the timeout. */
    public CompletableFuture<org.photonee.core.protocol.OperationResponse> answer(long timeoutMillis) {
        return answer.copy().orTimeout(timeoutMillis, TimeUnit.MILLISECONDS);
    }
}
