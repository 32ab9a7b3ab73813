package org.photonee.core.stats;

import org.photonee.core.codes.DisconnectReason;

import java.util.EnumMap;
import java.util.Map;
import java.util.concurrent.atomic.LongAdder;

/**
 * The node's traffic and session counters, shared by every peer of every role. Monotonic counts (rates are the
 * scraper's business); {@link LongAdder} so that many peer threads add without contention.
 */
public final class NodeStats {
    private final LongAdder operationsIn = new LongAdder();
    private final LongAdder bytesIn = new LongAdder();
    private final LongAdder messagesOut = new LongAdder();
    private final LongAdder bytesOut = new LongAdder();
    private final LongAdder responsesOut = new LongAdder();
    private final LongAdder eventsOut = new LongAdder();
    private final LongAdder connects = new LongAdder();
    private final Map<DisconnectReason, LongAdder> disconnects = new EnumMap<>(DisconnectReason.class);
    private volatile LatencySink joinLatency = LatencySink.NONE;

    public NodeStats() {
        for (DisconnectReason r : DisconnectReason.values()) {
            disconnects.put(r, new LongAdder());
        }
    }

    public void received(int bytes) {
        bytesIn.add(bytes);
    }

    public void operationReceived() {
        operationsIn.increment();
    }

    public void sent(int bytes) {
        messagesOut.increment();
        bytesOut.add(bytes);
    }

    public void responseSent() {
        responsesOut.increment();
    }

    public void eventSent() {
        eventsOut.increment();
    }

    public void connected() {
        connects.increment();
    }

    public void disconnected(DisconnectReason reason) {
        disconnects.get(reason).increment();
    }

    /** Where join durations (request received → joined) go; the container sets a histogram. */
    public void setJoinLatencySink(LatencySink sink) {
        joinLatency = sink == null ? LatencySink.NONE : sink;
    }

    public void joined(long nanos) {
        joinLatency.record(nanos);
    }

    public long operationsIn() {
        return operationsIn.sum();
    }

    public long bytesIn() {
        return bytesIn.sum();
    }

    public long messagesOut() {
        return messagesOut.sum();
    }

    public long bytesOut() {
        return bytesOut.sum();
    }

    public long responsesOut() {
        return responsesOut.sum();
    }

    public long eventsOut() {
        return eventsOut.sum();
    }

    public long connects() {
        return connects.sum();
    }

    public long disconnects(DisconnectReason reason) {
        return disconnects.get(reason).sum();
    }
}
