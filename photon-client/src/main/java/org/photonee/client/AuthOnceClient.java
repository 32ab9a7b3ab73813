package org.photonee.client;

import java.util.Map;
import java.util.concurrent.CompletionStage;
import org.photonee.core.codes.OperationCode;
import org.photonee.core.codes.ParameterCode;
import org.photonee.core.peer.SendParameters;
import org.photonee.core.protocol.OperationRequest;
import org.photonee.core.protocol.OperationResponse;
import org.photonee.core.protocol.Parameters;

/**
 * The client half of AuthOnce on the name server (AUTH.md §1.5): op 231 with EncryptionMode 0 (payload
 * encryption), sent encrypted after the Diffie-Hellman exchange in {@link AuthMode#AuthOnce} and as is in
 * {@link AuthMode#AuthOnceWss} (the channel is TLS); the answer's EncryptionData holds the secret for master and
 * game server.
 */
final class AuthOnceClient {
    /** EncryptionData key of the secret (NATIVE-PROTOCOLS.md §1.3: Secret1 = key 1). */
    private static final byte SECRET_KEY = 1;

    private AuthOnceClient() {
    }

    /** Sends AuthOnce with the Authenticate parameters {@code p}; completes with the answer whatever its code. */
    static CompletionStage<OperationResponse> authenticate(PhotonConnection ns, Parameters p, AuthMode mode) {
        Parameters request = p.copy();
        request.put(ParameterCode.ENCRYPTION_MODE, (byte) 0);
        OperationRequest authOnce = new OperationRequest(OperationCode.AUTH_ONCE, request);
        if (mode == AuthMode.AuthOnceWss) {
            return ns.request(authOnce);
        }
        return ns.establishEncryption().thenCompose(v -> ns.request(authOnce,
                SendParameters.DEFAULT.withEncrypted(true)));
    }

    /** The secret (EncryptionData key 1) of a successful answer; null when the server sent none. */
    static byte[] secretOf(OperationResponse response) {
        if (response.parameters().get(ParameterCode.ENCRYPTION_DATA) instanceof Map<?, ?> data) {
            for (Map.Entry<?, ?> e : data.entrySet()) {
                if (e.getKey() instanceof Number n && n.intValue() == SECRET_KEY && e.getValue() instanceof byte[] b) {
                    return b.clone();
                }
            }
        }
        return null;
    }
}
