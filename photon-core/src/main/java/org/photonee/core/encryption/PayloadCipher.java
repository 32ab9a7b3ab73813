package org.photonee.core.encryption;

import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import javax.crypto.Cipher;
import javax.crypto.spec.IvParameterSpec;
import javax.crypto.spec.SecretKeySpec;
import org.photonee.core.protocol.ProtocolException;

/**
 * Photon's payload cipher (NATIVE-PROTOCOLS.md §1.13): AES-256-CBC with PKCS7 padding and an all-zero IV, keyed
 * with SHA-256 of the Diffie-Hellman shared secret. The fixed IV means equal plaintexts give equal ciphertexts;
 * that is the client's choice and cannot be changed by a compatible server.
 *
 * <p>Thread-safe: a JCE {@link Cipher} is not, so each call makes its own (cheap next to the AES work itself), and
 * a room's fiber and the peer's fiber may encrypt for the same peer at once.
 */
public final class PayloadCipher {
    public static final int BLOCK_SIZE = 16;
    private static final String TRANSFORMATION = "AES/CBC/PKCS5Padding"; // JCE's name for PKCS7 on 16-byte blocks
    private static final IvParameterSpec ZERO_IV = new IvParameterSpec(new byte[BLOCK_SIZE]);

    private final SecretKeySpec key;

    /** A cipher with the given 32-byte AES key. */
    public PayloadCipher(byte[] aesKey) {
        if (aesKey.length != 32) {
            throw new IllegalArgumentException("AES-256 needs a 32-byte key, got " + aesKey.length);
        }
        this.key = new SecretKeySpec(aesKey.clone(), "AES");
    }

    /** The cipher for a shared secret's big-endian bytes: key = SHA-256(secret). */
    public static PayloadCipher fromSharedSecret(byte[] sharedSecret) {
        try {
            return new PayloadCipher(MessageDigest.getInstance("SHA-256").digest(sharedSecret));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is missing from this JVM", e);
        }
    }

    /** The ciphertext of {@code length} bytes at {@code offset}: a multiple of 16 bytes, at least 16. */
    public byte[] encrypt(byte[] data, int offset, int length) {
        try {
            return cipher(Cipher.ENCRYPT_MODE).doFinal(data, offset, length);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("AES encryption failed", e);
        }
    }

    /**
     * The plaintext of {@code length} bytes of ciphertext at {@code offset}.
     *
     * @throws ProtocolException when the length is not a positive multiple of the block size or the padding is
     *                           wrong (a wrong key shows up this way too, in all but about 1 of 256 cases)
     */
    public byte[] decrypt(byte[] data, int offset, int length) throws ProtocolException {
        if (length <= 0 || length % BLOCK_SIZE != 0) {
            throw new ProtocolException("encrypted payload of " + length + " bytes is not a positive multiple of "
                    + BLOCK_SIZE);
        }
        try {
            return cipher(Cipher.DECRYPT_MODE).doFinal(data, offset, length);
        } catch (javax.crypto.BadPaddingException | javax.crypto.IllegalBlockSizeException e) {
            throw new ProtocolException("encrypted payload does not decrypt (bad padding or wrong key)");
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("AES decryption failed", e);
        }
    }

    private Cipher cipher(int mode) throws GeneralSecurityException {
        Cipher c = Cipher.getInstance(TRANSFORMATION);
        c.init(mode, key, ZERO_IV);
        return c;
    }
}
