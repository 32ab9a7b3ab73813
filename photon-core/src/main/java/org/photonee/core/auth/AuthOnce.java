package org.photonee.core.auth;

import java.security.SecureRandom;
import org.photonee.core.codes.OperationCode;
import org.photonee.core.codes.ParameterCode;
import org.photonee.core.codes.ReturnCode;
import org.photonee.core.peer.PeerBase;
import org.photonee.core.protocol.OperationRequest;
import org.photonee.core.protocol.OperationResponse;
import org.photonee.core.protocol.PhotonDictionary;
import org.photonee.core.protocol.Values;

/**
 * The rules of AuthOnce (op 231, AUTH.md §1.5): the name server authenticates once, puts a fresh payload-encryption
 * secret into the token and hands it to the client as EncryptionData; master and game server then set up
 * encryption from the token (no Diffie-Hellman) when the client connects with it in its init.
 *
 * <p>Only payload encryption (mode 0) is offered. The datagram modes (10, 11, 13) need a cipher framing the spec
 * could not verify (NATIVE-PROTOCOLS.md §1.3); a server that guessed it would break clients silently, so they are
 * refused with InvalidEncryptionParameters instead.
 */
public final class AuthOnce {
    public static final int MODE_PAYLOAD_ENCRYPTION = 0;
    public static final int MODE_DATAGRAM_ENCRYPTION = 10;
    public static final int MODE_DATAGRAM_ENCRYPTION_RANDOM_SEQUENCE = 11;
    public static final int MODE_DATAGRAM_ENCRYPTION_GCM = 13;
    /** EncryptionData keys (NATIVE-PROTOCOLS.md §1.3): 0 = mode, 1 = Secret1. */
    public static final byte ENCRYPTION_DATA_MODE = 0;
    public static final byte ENCRYPTION_DATA_SECRET = 1;
    /** The secret is used as the AES-256 key itself. */
    public static final int SECRET_BYTES = 32;
    public static final String UNSECURE_CHANNEL = "AuthOnce can not be used over unsecure channel";
    private static final SecureRandom RANDOM = new SecureRandom();
    /** Protocol16 type code of byte, the EncryptionData keys' declared type. */
    private static final byte BYTE_TYPE = 'b';

    private AuthOnce() {
    }

    /**
     * Why the name server refuses this AuthOnce, as the op-231 error to send; null when it may go on. The channel
     * must be TLS (wss) or payload-encrypted already (the client ran InitEncryption first), as on Photon; a plain
     * ws over 127.0.0.1 is refused like any other (the spec gives no loopback exemption).
     */
    public static OperationResponse refusal(PeerBase peer, OperationRequest request) {
        if (!peer.isEncryptionEstablished() && !peer.initRequest().connection().isSecure()) {
            return OperationResponse.error(OperationCode.AUTH_ONCE, ReturnCode.INVALID_AUTHENTICATION,
                    UNSECURE_CHANNEL);
        }
        Object raw = request.parameters().get(ParameterCode.ENCRYPTION_MODE);
        if (raw != null && !(raw instanceof Number)) {
            return OperationResponse.error(OperationCode.AUTH_ONCE, ReturnCode.INVALID_ENCRYPTION_PARAMETERS,
                    "EncryptionMode (193) must be a number");
        }
        int mode = Values.toInt(raw, MODE_PAYLOAD_ENCRYPTION);
        return switch (mode) {
            case MODE_PAYLOAD_ENCRYPTION -> null;
            case MODE_DATAGRAM_ENCRYPTION, MODE_DATAGRAM_ENCRYPTION_RANDOM_SEQUENCE, MODE_DATAGRAM_ENCRYPTION_GCM ->
                    OperationResponse.error(OperationCode.AUTH_ONCE, ReturnCode.INVALID_ENCRYPTION_PARAMETERS,
                            "Datagram encryption (EncryptionMode " + mode + ") is not supported by this server; "
                                    + "use payload encryption (0)");
            default -> OperationResponse.error(OperationCode.AUTH_ONCE, ReturnCode.INVALID_ENCRYPTION_PARAMETERS,
                    "Unknown EncryptionMode " + mode);
        };
    }

    /** A fresh secret for one login session. */
    public static byte[] newSecret() {
        byte[] secret = new byte[SECRET_BYTES];
        RANDOM.nextBytes(secret);
        return secret;
    }

    /** EncryptionData (192) of the AuthOnce response: {0: mode 0, 1: the secret}. */
    public static PhotonDictionary encryptionData(byte[] secret) {
        PhotonDictionary data = new PhotonDictionary(BYTE_TYPE, PhotonDictionary.ANY_TYPE);
        data.put(ENCRYPTION_DATA_MODE, (byte) MODE_PAYLOAD_ENCRYPTION);
        data.put(ENCRYPTION_DATA_SECRET, secret);
        return data;
    }
}
