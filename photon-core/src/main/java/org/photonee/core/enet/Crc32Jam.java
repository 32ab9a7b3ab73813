package org.photonee.core.enet;

/**
 * The datagram checksum (§1.2): CRC-32 with the reflected polynomial 0xEDB88320, initial value 0xFFFFFFFF and no
 * final XOR ("CRC-32/JAMCRC", the bitwise NOT of zlib's CRC-32).
 */
public final class Crc32Jam {
    private static final int[] TABLE = new int[256];

    static {
        for (int n = 0; n < 256; n++) {
            int c = n;
            for (int k = 0; k < 8; k++) {
                c = (c & 1) != 0 ? 0xEDB88320 ^ (c >>> 1) : c >>> 1;
            }
            TABLE[n] = c;
        }
    }

    private Crc32Jam() {
    }

    public static int compute(byte[] data, int offset, int length) {
        int crc = 0xFFFFFFFF;
        for (int i = offset; i < offset + length; i++) {
            crc = TABLE[(crc ^ data[i]) & 0xff] ^ (crc >>> 8);
        }
        return crc;
    }
}
