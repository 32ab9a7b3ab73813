package org.photonee.core.codec;

import java.util.Random;
import org.photonee.core.codec.protocol16.TypeCode;
import org.photonee.core.protocol.CustomTypeValue;
import org.photonee.core.protocol.EventData;
import org.photonee.core.protocol.Message;
import org.photonee.core.protocol.OperationRequest;
import org.photonee.core.protocol.OperationResponse;
import org.photonee.core.protocol.Parameters;
import org.photonee.core.protocol.PhotonDictionary;
import org.photonee.core.protocol.PhotonHashtable;

/**
 * A seeded generator of messages whose values a codec must carry unchanged. {@link #protocol16} covers every
 * Protocol16 type; {@link #json} only the values JSON maps back to themselves (see JsonProtocol's mapping);
 * {@link #protocol18} the Protocol16 set with ints and longs spread over every shortcut range and no empty debug
 * messages (Protocol18 sends those as null, as the C# writer does).
 */
public final class RandomValues {
    private final Random random;
    private final boolean jsonOnly;
    private final boolean protocol18;

    private RandomValues(long seed, boolean jsonOnly) {
        this(seed, jsonOnly, false);
    }

    private RandomValues(long seed, boolean jsonOnly, boolean protocol18) {
        this.random = new Random(seed);
        this.jsonOnly = jsonOnly;
        this.protocol18 = protocol18;
    }

    public static RandomValues protocol18(long seed) {
        return new RandomValues(seed, false, true);
    }

    public static RandomValues protocol16(long seed) {
        return new RandomValues(seed, false);
    }

    public static RandomValues json(long seed) {
        return new RandomValues(seed, true);
    }

    public Message message() {
        Parameters p = parameters(3);
        boolean internal = random.nextInt(5) == 0;
        return switch (random.nextInt(3)) {
            case 0 -> new OperationRequest(random.nextInt(256), p, internal);
            case 1 -> new OperationResponse(random.nextInt(256), (short) random.nextInt(), random.nextBoolean()
                    ? null : debugMessage(), p, internal);
            default -> new EventData(random.nextInt(256), p);
        };
    }

    private Parameters parameters(int depthLeft) {
        int n = random.nextInt(6);
        Parameters p = new Parameters(n);
        for (int i = 0; i < n; i++) {
            p.put(random.nextInt(256), value(depthLeft));
        }
        return p;
    }

    public Object value(int depthLeft) {
        int kinds = jsonOnly ? 9 : 28;
        int kind = random.nextInt(depthLeft > 0 ? kinds : kinds - 3);
        return jsonOnly ? jsonValue(kind, depthLeft) : protocol16Value(kind, depthLeft);
    }

    private Object jsonValue(int kind, int depthLeft) {
        return switch (kind) {
            case 0 -> null;
            case 1 -> random.nextBoolean();
            case 2 -> random.nextInt();
            case 3 -> random.nextBoolean() ? Long.MAX_VALUE - random.nextInt(1000) : (long) Integer.MIN_VALUE - 1
                    - random.nextInt(1_000_000);
            case 4 -> random.nextDouble() * 1e6 - 5e5;
            case 5 -> string();
            case 6 -> Double.longBitsToDouble(random.nextLong() & 0x7FEFFFFFFFFFFFFFL);
            case 7 -> objectArray(depthLeft);
            default -> hashtable(depthLeft);
        };
    }

    private Object protocol16Value(int kind, int depthLeft) {
        return switch (kind) {
            case 0 -> null;
            case 1 -> (byte) random.nextInt();
            case 2 -> random.nextBoolean();
            case 3 -> (short) random.nextInt();
            case 4 -> protocol18 ? (int) spreadLong() : random.nextInt();
            case 5 -> protocol18 ? spreadLong() : random.nextLong();
            case 6 -> Float.intBitsToFloat(random.nextInt());
            case 7 -> Double.longBitsToDouble(random.nextLong());
            case 8 -> string();
            case 9 -> bytes(random.nextInt(70));
            case 10 -> random.ints(random.nextInt(5)).toArray();
            case 11 -> new String[] {string(), string()};
            case 12 -> new short[] {(short) random.nextInt(), (short) random.nextInt()};
            case 13 -> random.longs(random.nextInt(4)).toArray();
            case 14 -> new float[] {random.nextFloat()};
            case 15 -> random.doubles(random.nextInt(4)).toArray();
            case 16 -> new boolean[] {random.nextBoolean(), random.nextBoolean()};
            case 17 -> new byte[][] {bytes(2), bytes(0)};
            case 18 -> new CustomTypeValue((byte) random.nextInt(), bytes(random.nextInt(10)));
            case 19 -> new CustomTypeValue[] {new CustomTypeValue((byte) 7, bytes(3)),
                    new CustomTypeValue((byte) 7, bytes(1))};
            case 20 -> new int[][] {{random.nextInt()}};
            case 21 -> dictionary(depthLeft);
            case 22 -> new Object[][] {{random.nextInt(), null}};
            case 23 -> new String[][] {{string()}};
            case 24 -> new PhotonHashtable[] {PhotonHashtable.of("a", random.nextInt())};
            // the last three nest and are left out when no depth is left
            case 25 -> objectArray(depthLeft);
            case 26 -> hashtable(depthLeft);
            default -> switch (random.nextInt(3)) {
                case 0 -> new EventData(random.nextInt(256), parameters(depthLeft - 1));
                case 1 -> new OperationRequest(random.nextInt(256), parameters(depthLeft - 1));
                default -> new OperationResponse(random.nextInt(256), (short) random.nextInt(), debugMessage(),
                        parameters(depthLeft - 1));
            };
        };
    }

    /** A debug message; Protocol18 turns an empty one into null, so it gets a non-empty one instead. */
    private String debugMessage() {
        String s = string();
        return protocol18 && s.isEmpty() ? "d" : s;
    }

    /** Zero, one- and two-byte magnitudes either side, or anything: every Protocol18 integer code. */
    private long spreadLong() {
        return switch (random.nextInt(5)) {
            case 0 -> 0;
            case 1 -> random.nextInt(511) - 255;
            case 2 -> random.nextInt(131_071) - 65_535;
            case 3 -> random.nextInt();
            default -> random.nextLong();
        };
    }

    private Object[] objectArray(int depthLeft) {
        Object[] a = new Object[random.nextInt(4)];
        for (int i = 0; i < a.length; i++) {
            a[i] = value(depthLeft - 1);
        }
        return a;
    }

    private PhotonHashtable hashtable(int depthLeft) {
        int n = random.nextInt(4);
        PhotonHashtable t = new PhotonHashtable(n);
        for (int i = 0; i < n; i++) {
            t.put(key(), value(depthLeft - 1));
        }
        return t;
    }

    private Object key() {
        return switch (random.nextInt(jsonOnly ? 2 : 4)) {
            case 0 -> (byte) random.nextInt();
            case 1 -> "k" + string();
            case 2 -> random.nextInt();
            default -> (short) random.nextInt();
        };
    }

    private PhotonDictionary dictionary(int depthLeft) {
        PhotonDictionary d = switch (random.nextInt(3)) {
            case 0 -> new PhotonDictionary(TypeCode.STRING, TypeCode.INT);
            case 1 -> new PhotonDictionary(TypeCode.BYTE, PhotonDictionary.ANY_TYPE);
            default -> new PhotonDictionary(PhotonDictionary.ANY_TYPE, PhotonDictionary.ANY_TYPE);
        };
        for (int i = random.nextInt(3); i > 0; i--) {
            if (d.keyType() == TypeCode.STRING) {
                d.put(string(), random.nextInt());
            } else if (d.keyType() == TypeCode.BYTE) {
                d.put((byte) random.nextInt(), value(depthLeft - 1));
            } else {
                d.put(key(), value(depthLeft - 1));
            }
        }
        return d;
    }

    /** Strings mixing ASCII, 2- and 3-byte chars, surrogate pairs, quotes and control chars; JSON adds lone surrogates. */
    private String string() {
        StringBuilder sb = new StringBuilder();
        for (int i = random.nextInt(8); i > 0; i--) {
            switch (random.nextInt(jsonOnly ? 7 : 6)) {
                case 0, 1 -> sb.append((char) ('a' + random.nextInt(26)));
                case 2 -> sb.append("é€");
                case 3 -> sb.appendCodePoint(0x1F600 + random.nextInt(50));
                case 4 -> sb.append("\"\\/");
                case 5 -> sb.append((char) random.nextInt(0x20));
                default -> sb.append((char) (0xD800 + random.nextInt(0x800)));
            }
        }
        return sb.toString();
    }

    private byte[] bytes(int n) {
        byte[] b = new byte[n];
        random.nextBytes(b);
        return b;
    }
}
