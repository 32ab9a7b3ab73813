package org.photonee.core.codec;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import org.photonee.core.codec.json.JsonProtocol;
import org.photonee.core.codec.protocol16.GpBinaryV16Protocol;
import org.photonee.core.codec.protocol18.GpBinaryV18Protocol;
import org.photonee.core.codes.OperationCode;
import org.photonee.core.codes.ParameterCode;
import org.photonee.core.codes.ReceiverGroup;
import org.photonee.core.protocol.EventData;
import org.photonee.core.protocol.Message;
import org.photonee.core.protocol.OperationRequest;
import org.photonee.core.protocol.Parameters;
import org.photonee.core.protocol.ProtocolLimits;
import org.photonee.core.protocol.WireFrame;
import org.photonee.core.protocol.WireProtocol;

/**
 * Codec throughput for the benchmark's message (BENCHMARKS.md): encode and decode per second of the RaiseEvent a
 * client sends (event code, ReceiverGroup.All, 64-byte byte[] payload) and of the event the server relays (actor
 * number + the payload), in Protocol16 and Json. Single-threaded; median of timed one-second rounds after a warm-up.
 * Not a unit test (no assertions); run it with
 * <pre>
 * java -cp photon-core/target/classes:photon-core/target/test-classes org.photonee.core.codec.CodecThroughput [rounds]
 * </pre>
 */
public final class CodecThroughput {
    private static volatile long sink;

    private CodecThroughput() {
    }

    public static void main(String[] args) throws Exception {
        int rounds = args.length > 0 ? Integer.parseInt(args[0]) : 5;
        byte[] payload = new byte[64];
        for (int i = 0; i < 16; i++) {
            payload[i] = (byte) (i * 31 + 7);
        }
        Parameters rp = new Parameters(3);
        rp.put(ParameterCode.CODE, (byte) 1);
        rp.put(ParameterCode.RECEIVER_GROUP, (byte) ReceiverGroup.ALL);
        rp.put(ParameterCode.DATA, payload);
        OperationRequest raise = new OperationRequest(OperationCode.RAISE_EVENT, rp);
        Parameters ep = new Parameters(2);
        ep.put(ParameterCode.ACTOR_NR, 3);
        ep.put(ParameterCode.DATA, payload);
        EventData event = new EventData(1, ep);

        System.out.printf(Locale.ROOT, "%-12s %-22s %6s %16s %16s%n", "protocol", "message", "bytes", "encode msg/s",
                "decode msg/s");
        for (WireProtocol p : List.of(new GpBinaryV18Protocol(), new GpBinaryV16Protocol(), new JsonProtocol())) {
            for (Message m : List.of(raise, event)) {
                WireFrame frame = p.encode(m);
                int size = frame.isText() ? frame.text().length() : frame.binary().remaining();
                double enc = median(rounds, () -> {
                    WireFrame f = p.encode(m);
                    sink += f.isText() ? f.text().length() : f.binary().remaining();
                });
                double dec = median(rounds, () -> {
                    try {
                        sink += System.identityHashCode(p.decode(frame, ProtocolLimits.DEFAULTS));
                    } catch (Exception e) {
                        throw new IllegalStateException(e);
                    }
                });
                System.out.printf(Locale.ROOT, "%-12s %-22s %6d %,16.0f %,16.0f%n", p.subprotocol(),
                        m instanceof OperationRequest ? "RaiseEvent request" : "event (relayed)", size, enc, dec);
            }
        }
    }

    /** Ops per second: 1 s warm-up, then the median of {@code rounds} one-second rounds. */
    static double median(int rounds, Runnable op) {
        time(op, 1_000_000_000L);
        List<Double> rates = new ArrayList<>();
        for (int r = 0; r < rounds; r++) {
            rates.add(time(op, 1_000_000_000L));
        }
        double[] a = rates.stream().mapToDouble(Double::doubleValue).toArray();
        Arrays.sort(a);
        return a[a.length / 2];
    }

    private static double time(Runnable op, long nanos) {
        long start = System.nanoTime();
        long end = start + nanos;
        long n = 0;
        long now;
        do {
            for (int i = 0; i < 1000; i++) {
                op.run();
            }
            n += 1000;
            now = System.nanoTime();
        } while (now < end);
        return n * 1e9 / (now - start);
    }
}
