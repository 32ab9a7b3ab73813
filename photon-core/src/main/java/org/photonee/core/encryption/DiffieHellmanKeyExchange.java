package org.photonee.core.encryption;

import java.math.BigInteger;
import java.security.SecureRandom;

/**
 * One side of Photon's Diffie-Hellman exchange (NATIVE-PROTOCOLS.md §1.13): the 768-bit Oakley group 1 prime of
 * RFC 2409 §6.1 with generator 22 and a 160-bit secret. Both sides send {@code 22^secret mod p} as a big-endian
 * magnitude; the shared secret {@code other^secret mod p} becomes the AES key of a {@link PayloadCipher}.
 *
 * <p>The group is weak by today's standards; it is what Photon clients speak, so it is what a compatible server
 * must speak. Transport encryption (wss) is the way to real confidentiality.
 */
public final class DiffieHellmanKeyExchange {
    /** RFC 2409 §6.1, "First Oakley Default Group": 2^768 - 2^704 - 1 + 2^64 * ([2^638 pi] + 149686). */
    public static final BigInteger PRIME = new BigInteger(
            "FFFFFFFFFFFFFFFFC90FDAA22168C234C4C6628B80DC1CD1"
            + "29024E088A67CC74020BBEA63B139B22514A08798E3404DD"
            + "EF9519B3CD3A431B302B0A6DF25F14374FE1356D6D51C245"
            + "E485B576625E7EC6F44C42E9A63A3620FFFFFFFFFFFFFFFF", 16);
    public static final BigInteger GENERATOR = BigInteger.valueOf(22);
    public static final int SECRET_BITS = 160;
    /**
     * Longest public key accepted: the prime's 96 bytes plus slack for leading zero bytes a client might send.
     * Anything longer is refused before it reaches BigInteger arithmetic.
     */
    public static final int MAX_PUBLIC_KEY_BYTES = 128;

    private static final BigInteger TWO = BigInteger.TWO;
    private static final BigInteger PRIME_MINUS_ONE = PRIME.subtract(BigInteger.ONE);

    private final BigInteger secret;
    private final BigInteger publicKey;

    private DiffieHellmanKeyExchange(BigInteger secret) {
        this.secret = secret;
        this.publicKey = GENERATOR.modPow(secret, PRIME);
    }

    /** A fresh key pair with a random 160-bit secret (at least 2, so the public key is never 1 or 22). */
    public static DiffieHellmanKeyExchange create(SecureRandom random) {
        BigInteger secret;
        do {
            secret = new BigInteger(SECRET_BITS, random);
        } while (secret.compareTo(TWO) < 0);
        return new DiffieHellmanKeyExchange(secret);
    }

    /** For tests: a key pair with a known secret. */
    static DiffieHellmanKeyExchange withSecret(BigInteger secret) {
        return new DiffieHellmanKeyExchange(secret);
    }

    /** This side's public key, {@code 22^secret mod p}, as a big-endian magnitude without sign byte. */
    public byte[] publicKey() {
        return magnitude(publicKey);
    }

    /**
     * The cipher both sides share, from the other side's public key (big-endian magnitude).
     *
     * @throws InvalidPublicKeyException when the key is empty, too long, or not in 2..p-2: the values 0, 1 and p-1
     *                                   (and anything outside the group) would give a shared secret an eavesdropper
     *                                   can guess
     */
    public PayloadCipher deriveCipher(byte[] otherPublicKey) throws InvalidPublicKeyException {
        if (otherPublicKey == null || otherPublicKey.length == 0) {
            throw new InvalidPublicKeyException("the public key is empty");
        }
        if (otherPublicKey.length > MAX_PUBLIC_KEY_BYTES) {
            throw new InvalidPublicKeyException("the public key has " + otherPublicKey.length
                    + " bytes, more than " + MAX_PUBLIC_KEY_BYTES);
        }
        BigInteger y = new BigInteger(1, otherPublicKey);
        if (y.compareTo(BigInteger.ONE) <= 0 || y.compareTo(PRIME_MINUS_ONE) >= 0) {
            throw new InvalidPublicKeyException("the public key is outside 2..p-2 of the 768-bit Oakley group");
        }
        return PayloadCipher.fromSharedSecret(magnitude(y.modPow(secret, PRIME)));
    }

    /** Big-endian bytes without the sign byte BigInteger adds when the top bit is set. */
    static byte[] magnitude(BigInteger value) {
        byte[] bytes = value.toByteArray();
        if (bytes.length > 1 && bytes[0] == 0) {
            byte[] trimmed = new byte[bytes.length - 1];
            System.arraycopy(bytes, 1, trimmed, 0, trimmed.length);
            return trimmed;
        }
        return bytes;
    }

    /** A public key that must not be used; the message says why, for the InitEncryption error response. */
    public static final class InvalidPublicKeyException extends Exception {
        private static final long serialVersionUID = 1L;

        public InvalidPublicKeyException(String message) {
            super(message);
        }
    }
}
