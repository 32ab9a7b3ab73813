package org.photonee.core.encryption;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigInteger;
import java.nio.ByteBuffer;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Arrays;
import javax.crypto.Cipher;
import javax.crypto.spec.IvParameterSpec;
import javax.crypto.spec.SecretKeySpec;
import org.junit.jupiter.api.Test;
import org.photonee.core.protocol.ProtocolException;
import org.photonee.core.protocol.WireFrame;

class PayloadEncryptionTest {
    private static final BigInteger P = DiffieHellmanKeyExchange.PRIME;

    @Test
    void theGroupIsTheOakleyGroupOnePrimeWithGenerator22() {
        assertEquals(768, P.bitLength());
        assertTrue(P.isProbablePrime(64));
        // RFC 2409 §6.1: p = 2^768 - 2^704 - 1 + 2^64 * ( [2^638 pi] + 149686 ); its low 64 bits are all ones.
        assertEquals(BigInteger.TWO.pow(64).subtract(BigInteger.ONE), P.mod(BigInteger.TWO.pow(64)));
        assertEquals(BigInteger.valueOf(22), DiffieHellmanKeyExchange.GENERATOR);
    }

    @Test
    void publicKeyIs22ToTheSecretModPAsAMagnitude() {
        BigInteger secret = new BigInteger("1234567890abcdef1234567890abcdef12345678", 16);
        byte[] pub = DiffieHellmanKeyExchange.withSecret(secret).publicKey();
        assertEquals(BigInteger.valueOf(22).modPow(secret, P), new BigInteger(1, pub));
        assertTrue(pub[0] != 0 || pub.length == 1, "no sign byte");
        assertTrue(pub.length <= 96);
    }

    @Test
    void bothSidesDeriveTheSameKeyAsComputedIndependently() throws Exception {
        BigInteger a = new BigInteger("00c0ffee00c0ffee00c0ffee00c0ffee00c0ffee", 16);
        BigInteger b = new BigInteger("abad1deaabad1deaabad1deaabad1deaabad1dea", 16);
        DiffieHellmanKeyExchange client = DiffieHellmanKeyExchange.withSecret(a);
        DiffieHellmanKeyExchange server = DiffieHellmanKeyExchange.withSecret(b);
        PayloadCipher clientCipher = client.deriveCipher(server.publicKey());
        PayloadCipher serverCipher = server.deriveCipher(client.publicKey());

        // Independently: shared = 22^(ab) mod p; key = SHA-256(big-endian magnitude); AES-CBC, zero IV, PKCS7.
        BigInteger shared = BigInteger.valueOf(22).modPow(a.multiply(b), P);
        byte[] sharedBytes = shared.toByteArray();
        if (sharedBytes[0] == 0) {
            sharedBytes = Arrays.copyOfRange(sharedBytes, 1, sharedBytes.length);
        }
        byte[] key = MessageDigest.getInstance("SHA-256").digest(sharedBytes);
        Cipher reference = Cipher.getInstance("AES/CBC/PKCS5Padding");
        reference.init(Cipher.ENCRYPT_MODE, new SecretKeySpec(key, "AES"), new IvParameterSpec(new byte[16]));
        byte[] plain = "Authenticate, please".getBytes();
        byte[] expected = reference.doFinal(plain);

        assertArrayEquals(expected, clientCipher.encrypt(plain, 0, plain.length));
        assertArrayEquals(expected, serverCipher.encrypt(plain, 0, plain.length));
        assertArrayEquals(plain, serverCipher.decrypt(expected, 0, expected.length));
    }

    @Test
    void randomKeyPairsAgree() throws Exception {
        SecureRandom random = new SecureRandom();
        DiffieHellmanKeyExchange client = DiffieHellmanKeyExchange.create(random);
        DiffieHellmanKeyExchange server = DiffieHellmanKeyExchange.create(random);
        byte[] plain = new byte[1000];
        random.nextBytes(plain);
        byte[] c = client.deriveCipher(server.publicKey()).encrypt(plain, 0, plain.length);
        assertEquals(1008, c.length, "PKCS7 pads to the next full block");
        assertArrayEquals(plain, server.deriveCipher(client.publicKey()).decrypt(c, 0, c.length));
    }

    @Test
    void weakOrOversizedPublicKeysAreRefused() {
        DiffieHellmanKeyExchange server = DiffieHellmanKeyExchange.create(new SecureRandom());
        for (BigInteger bad : new BigInteger[] {BigInteger.ZERO, BigInteger.ONE, P.subtract(BigInteger.ONE), P,
                P.add(BigInteger.TEN)}) {
            assertThrows(DiffieHellmanKeyExchange.InvalidPublicKeyException.class,
                    () -> server.deriveCipher(DiffieHellmanKeyExchange.magnitude(bad)), bad.toString(16));
        }
        assertThrows(DiffieHellmanKeyExchange.InvalidPublicKeyException.class, () -> server.deriveCipher(new byte[0]));
        assertThrows(DiffieHellmanKeyExchange.InvalidPublicKeyException.class, () -> server.deriveCipher(null));
        byte[] huge = new byte[DiffieHellmanKeyExchange.MAX_PUBLIC_KEY_BYTES + 1];
        huge[huge.length - 1] = 5;
        assertThrows(DiffieHellmanKeyExchange.InvalidPublicKeyException.class, () -> server.deriveCipher(huge));
    }

    @Test
    void badCiphertextIsAProtocolException() {
        PayloadCipher cipher = new PayloadCipher(new byte[32]);
        assertThrows(ProtocolException.class, () -> cipher.decrypt(new byte[15], 0, 15));
        assertThrows(ProtocolException.class, () -> cipher.decrypt(new byte[0], 0, 0));
        byte[] good = cipher.encrypt(new byte[5], 0, 5);
        PayloadCipher other = new PayloadCipher(new byte[32]);
        byte[] tampered = good.clone();
        tampered[15] ^= 0x01; // the last plaintext byte is padding: flipping it breaks PKCS7
        assertThrows(ProtocolException.class, () -> other.decrypt(tampered, 0, tampered.length));
    }

    @Test
    void framesKeepTheirHeaderAndFlagTheType() throws Exception {
        PayloadCipher cipher = new PayloadCipher(new byte[32]);
        byte[] plain = {(byte) 0xF3, 2, (byte) 230, 0, 1, 2, 3};
        WireFrame encrypted = EncryptedFrames.encrypt(WireFrame.binary(plain), cipher);
        ByteBuffer b = encrypted.binary();
        assertEquals((byte) 0xF3, b.get(0));
        assertEquals((byte) 0x82, b.get(1));
        assertEquals(2 + 16, encrypted.length());
        byte[] body = Arrays.copyOfRange(plain, 2, plain.length);
        byte[] wire = new byte[16];
        b.position(2);
        b.get(wire);
        assertArrayEquals(body, cipher.decrypt(wire, 0, 16), "the ciphertext covers the body only");
        assertTrue(EncryptedFrames.isEncrypted(encrypted));
        assertFalse(EncryptedFrames.isEncrypted(WireFrame.binary(plain)));
        assertFalse(EncryptedFrames.isEncrypted(WireFrame.text("x")));
        byte[] back = new byte[plain.length];
        EncryptedFrames.decrypt(encrypted, cipher).binary().get(back);
        assertArrayEquals(plain, back);
        assertThrows(ProtocolException.class,
                () -> EncryptedFrames.decrypt(WireFrame.binary(new byte[] {(byte) 0xF3, (byte) 0x82}), cipher));
    }
}
