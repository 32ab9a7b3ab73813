package org.photonee.core.codec;

import java.util.HexFormat;

/** Golden bytes written as readable hex: {@code Hex.bytes("F3 04 07 00 00")}. */
public final class Hex {
    private Hex() {
    }

    public static byte[] bytes(String hex) {
        return HexFormat.of().parseHex(hex.replaceAll("\\s+", ""));
    }

    public static String of(byte[] b) {
        return HexFormat.ofDelimiter(" ").withUpperCase().formatHex(b);
    }
}
