package org.photonee.core.encryption;

import java.nio.ByteBuffer;
import org.photonee.core.protocol.ProtocolException;
import org.photonee.core.protocol.WireFrame;

/**
 * The encrypted message layout of NATIVE-PROTOCOLS.md §1.12/§1.13, independent of the codec: byte 0 the magic,
 * byte 1 the message type with bit 0x80 set, then the ciphertext of the serialized message without these two
 * bytes. Decrypting gives back an ordinary frame (flag cleared) for the codec, so GpBinaryV16 and V18 need no
 * knowledge of encryption.
 */
public final class EncryptedFrames {
    public static final int ENCRYPTED_FLAG = 0x80;
    private static final int HEADER = 2;

    private EncryptedFrames() {
    }

    /** True for a binary frame whose type byte carries the encrypted flag. */
    public static boolean isEncrypted(WireFrame frame) {
        if (frame.isText() || frame.length() < HEADER) {
            return false;
        }
        ByteBuffer b = frame.binary();
        return (b.get(1) & ENCRYPTED_FLAG) != 0;
    }

    /** The plain frame: the same magic, the type without the flag, then the decrypted body. */
    public static WireFrame decrypt(WireFrame frame, PayloadCipher cipher) throws ProtocolException {
        ByteBuffer b = frame.binary();
        byte[] body = new byte[b.remaining() - HEADER];
        byte magic = b.get();
        byte type = b.get();
        b.get(body);
        byte[] plain = cipher.decrypt(body, 0, body.length);
        byte[] out = new byte[HEADER + plain.length];
        out[0] = magic;
        out[1] = (byte) (type & ~ENCRYPTED_FLAG);
        System.arraycopy(plain, 0, out, HEADER, plain.length);
        return WireFrame.binary(out);
    }

    /** The encrypted form of a plain binary frame (at least the two header bytes). */
    public static WireFrame encrypt(WireFrame frame, PayloadCipher cipher) {
        if (frame.isText() || frame.length() < HEADER) {
            throw new IllegalArgumentException("only binary Photon messages can be encrypted: " + frame);
        }
        ByteBuffer b = frame.binary();
        byte[] plain = new byte[b.remaining()];
        b.get(plain);
        byte[] encrypted = cipher.encrypt(plain, HEADER, plain.length - HEADER);
        byte[] out = new byte[HEADER + encrypted.length];
        out[0] = plain[0];
        out[1] = (byte) (plain[1] | ENCRYPTED_FLAG);
        System.arraycopy(encrypted, 0, out, HEADER, encrypted.length);
        return WireFrame.binary(out);
    }
}
