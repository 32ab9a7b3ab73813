package org.photonee.core.codec;

import static org.junit.jupiter.api.Assertions.fail;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.photonee.core.codec.json.JsonFraming;
import org.photonee.core.codec.json.JsonProtocol;
import org.photonee.core.codec.protocol16.GpBinaryV16Protocol;
import org.photonee.core.codec.protocol18.GpBinaryV18Protocol;
import org.photonee.core.protocol.ProtocolException;
import org.photonee.core.protocol.ProtocolLimits;
import org.photonee.core.protocol.WireFrame;
import org.photonee.core.protocol.WireProtocol;

/**
 * Mutates valid messages (bit flips, byte insert/delete, splices, tampered length fields) and feeds them to each
 * decoder: the only acceptable outcomes are a message or a {@link ProtocolException}. Runs
 * {@code -Dfuzz.iterations} inputs per decoder (default 100000); {@code ./mvnw -pl photon-core test -Pfuzz} runs ten
 * million. A failure names the seed and the input, so it can be replayed.
 */
@Tag("fuzz")
class DecoderFuzzTest {
    private static final int ITERATIONS = Integer.getInteger("fuzz.iterations", 100_000);
    private static final long SEED = Long.getLong("fuzz.seed", 20_240_601L);
    /** Small limits too, so that limit checks are reached by short inputs. */
    private static final ProtocolLimits[] LIMITS = {ProtocolLimits.DEFAULTS, new ProtocolLimits(300, 3, 20, 8)};
    private static final int[] INTERESTING_16 = {0, 1, 0x7F, 0x80, 0xFF, 0x7FFF, 0x8000, 0xFFFF};
    private static final int[] INTERESTING_32 = {0, 1, -1, Integer.MAX_VALUE, Integer.MIN_VALUE, 0x10000, 512_000};
    /** LEB128 edge cases: 0, 127, 128, 16383, 65536, 2^31 - 1, 2^32 - 1, too long, over 32 bits, unterminated. */
    private static final byte[][] INTERESTING_VARINTS = {{0}, {0x7F}, {(byte) 0x80, 1}, {(byte) 0xFF, 0x7F},
            {(byte) 0x80, (byte) 0x80, 4}, {(byte) 0xFF, (byte) 0xFF, (byte) 0xFF, (byte) 0xFF, 7},
            {(byte) 0xFF, (byte) 0xFF, (byte) 0xFF, (byte) 0xFF, 0x0F},
            {(byte) 0xFF, (byte) 0xFF, (byte) 0xFF, (byte) 0xFF, (byte) 0xFF, 1},
            {(byte) 0xFF, (byte) 0xFF, (byte) 0xFF, (byte) 0xFF, 0x1F}, {(byte) 0x80}};

    @Test
    void protocol16DecoderOnlyReturnsOrThrowsProtocolException() {
        GpBinaryV16Protocol protocol = new GpBinaryV16Protocol();
        RandomValues values = RandomValues.protocol16(SEED);
        List<byte[]> seeds = new ArrayList<>();
        for (int i = 0; i < 200; i++) {
            seeds.add(protocol.encode(values.message()).binary().array());
        }
        Random random = new Random(SEED);
        long started = System.nanoTime();
        for (int i = 0; i < ITERATIONS; i++) {
            byte[] input = mutate(random, seeds);
            decodeSafely(protocol, WireFrame.binary(input), LIMITS[i & 1], i, () -> Hex.of(input));
        }
        report("GpBinaryV16", started);
    }

    @Test
    void protocol18DecoderOnlyReturnsOrThrowsProtocolException() {
        GpBinaryV18Protocol protocol = new GpBinaryV18Protocol();
        RandomValues values = RandomValues.protocol18(SEED);
        List<byte[]> seeds = new ArrayList<>();
        for (int i = 0; i < 200; i++) {
            seeds.add(protocol.encode(values.message()).binary().array());
        }
        Random random = new Random(SEED);
        long started = System.nanoTime();
        for (int i = 0; i < ITERATIONS; i++) {
            byte[] input = mutateVarints(random, seeds);
            decodeSafely(protocol, WireFrame.binary(input), LIMITS[i & 1], i, () -> Hex.of(input));
        }
        report("GpBinaryV18", started);
    }

    @Test
    void jsonDecoderOnlyReturnsOrThrowsProtocolException() {
        JsonProtocol protocol = new JsonProtocol();
        RandomValues values = RandomValues.json(SEED);
        List<byte[]> seeds = new ArrayList<>();
        for (int i = 0; i < 200; i++) {
            String json = protocol.encode(values.message()).text();
            seeds.add(json.substring(json.indexOf("~j~") + 3).getBytes(StandardCharsets.UTF_8));
        }
        Random random = new Random(SEED);
        long started = System.nanoTime();
        for (int i = 0; i < ITERATIONS; i++) {
            String json = new String(mutateJson(random, seeds), StandardCharsets.UTF_8);
            // mostly re-framed with the right length so the JSON parser is reached; sometimes left as is
            String text = switch (i % 4) {
                case 0 -> json;
                case 1 -> "~m~" + random.nextInt(1000) + "~m~~j~" + json;
                default -> JsonFraming.frame("~j~" + json);
            };
            decodeSafely(protocol, WireFrame.text(text), LIMITS[i & 1], i, () -> text);
        }
        report("Json", started);
    }

    private static void decodeSafely(WireProtocol protocol, WireFrame frame, ProtocolLimits limits, int iteration,
                                     java.util.function.Supplier<String> input) {
        try {
            protocol.decode(frame, limits);
        } catch (ProtocolException expected) {
            // the only acceptable failure
        } catch (Throwable t) {
            fail("seed " + SEED + ", iteration " + iteration + ": " + t + " for input " + input.get(), t);
        }
    }

    private static byte[] mutate(Random random, List<byte[]> seeds) {
        byte[] b = seeds.get(random.nextInt(seeds.size()));
        for (int n = 1 + random.nextInt(4); n > 0; n--) {
            b = mutateOnce(random, b, seeds);
        }
        return b;
    }

    /** Protocol18 extras: varint lengths and counts at their edges, on top of the byte-level mutations. */
    private static byte[] mutateVarints(Random random, List<byte[]> seeds) {
        byte[] b = seeds.get(random.nextInt(seeds.size()));
        for (int n = 1 + random.nextInt(4); n > 0; n--) {
            if (random.nextInt(3) == 0 && b.length > 0) {
                byte[] varint = INTERESTING_VARINTS[random.nextInt(INTERESTING_VARINTS.length)];
                int at = random.nextInt(b.length);
                int replaced = Math.min(b.length - at, random.nextInt(varint.length + 1));
                byte[] out = new byte[b.length - replaced + varint.length];
                System.arraycopy(b, 0, out, 0, at);
                System.arraycopy(varint, 0, out, at, varint.length);
                System.arraycopy(b, at + replaced, out, at + varint.length, b.length - at - replaced);
                b = out;
            } else {
                b = mutateOnce(random, b, seeds);
            }
        }
        return b;
    }

    /** JSON-aware extras: structural characters and tricky tokens, on top of the byte-level mutations. */
    private static byte[] mutateJson(Random random, List<byte[]> seeds) {
        String[] tokens = {"{", "}", "[", "]", ",", ":", "\"", "\\", "\\u", "\\ud800", "-", "0", "1e999", ".5", "e",
                "true", "null", "[[[[[[[[", "{\"a\":", "~m~", "~j~", "255", "\"255\"", " "};
        byte[] b = seeds.get(random.nextInt(seeds.size()));
        for (int n = 1 + random.nextInt(3); n > 0; n--) {
            if (random.nextBoolean()) {
                byte[] token = tokens[random.nextInt(tokens.length)].getBytes(StandardCharsets.UTF_8);
                int at = random.nextInt(b.length + 1);
                byte[] out = new byte[b.length + token.length];
                System.arraycopy(b, 0, out, 0, at);
                System.arraycopy(token, 0, out, at, token.length);
                System.arraycopy(b, at, out, at + token.length, b.length - at);
                b = out;
            } else {
                b = mutateOnce(random, b, seeds);
            }
        }
        return b;
    }

    private static byte[] mutateOnce(Random random, byte[] b, List<byte[]> seeds) {
        if (b.length == 0) {
            return new byte[] {(byte) random.nextInt()};
        }
        int at = random.nextInt(b.length);
        switch (random.nextInt(7)) {
            case 0 -> { // bit flip
                b = b.clone();
                b[at] ^= (byte) (1 << random.nextInt(8));
            }
            case 1 -> { // random byte
                b = b.clone();
                b[at] = (byte) random.nextInt();
            }
            case 2 -> { // insert bytes
                int n = 1 + random.nextInt(4);
                byte[] out = new byte[b.length + n];
                System.arraycopy(b, 0, out, 0, at);
                for (int i = 0; i < n; i++) {
                    out[at + i] = (byte) random.nextInt();
                }
                System.arraycopy(b, at, out, at + n, b.length - at);
                b = out;
            }
            case 3 -> { // delete a range
                int n = 1 + random.nextInt(Math.min(8, b.length - at));
                byte[] out = new byte[b.length - n];
                System.arraycopy(b, 0, out, 0, at);
                System.arraycopy(b, at + n, out, at, b.length - at - n);
                b = out;
            }
            case 4 -> { // splice: our head, another seed's tail
                byte[] other = seeds.get(random.nextInt(seeds.size()));
                int from = random.nextInt(other.length);
                byte[] out = Arrays.copyOf(b, at + other.length - from);
                System.arraycopy(other, from, out, at, other.length - from);
                b = out;
            }
            case 5 -> { // tamper a 16-bit length or count
                b = b.clone();
                if (at + 1 < b.length) {
                    int v = INTERESTING_16[random.nextInt(INTERESTING_16.length)];
                    b[at] = (byte) (v >> 8);
                    b[at + 1] = (byte) v;
                }
            }
            default -> { // tamper a 32-bit length or count
                b = b.clone();
                if (at + 3 < b.length) {
                    int v = INTERESTING_32[random.nextInt(INTERESTING_32.length)];
                    for (int i = 0; i < 4; i++) {
                        b[at + i] = (byte) (v >> (24 - 8 * i));
                    }
                }
            }
        }
        return b;
    }

    private static void report(String decoder, long startedNanos) {
        double seconds = (System.nanoTime() - startedNanos) / 1e9;
        System.out.printf("fuzz %s: %d inputs in %.1f s (%.0f inputs/s)%n", decoder, ITERATIONS, seconds,
                ITERATIONS / seconds);
    }
}
