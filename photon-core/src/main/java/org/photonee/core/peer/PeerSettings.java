package org.photonee.core.peer;

import org.photonee.core.protocol.ProtocolLimits;

/**
 * Per-peer limits, from configuration.
 *
 * @param limits                 decoding limits (max message size, depth, string and array lengths)
 * @param maxOperationsPerSecond operations a peer may send per second; excess ones are answered with
 *                               OperationLimitReached (32743); 0 disables the limit
 * @param operationLimitStrikes  consecutive seconds over the limit after which the peer is disconnected
 * @param inactivityTimeoutMillis a peer that sends nothing (not even a ping) for this long is disconnected;
 *                               0 disables the check
 * @param maxQueuedBytes         outgoing bytes queued per peer before sends fail with SendBufferFull
 */
public record PeerSettings(ProtocolLimits limits, int maxOperationsPerSecond, int operationLimitStrikes,
                           long inactivityTimeoutMillis, long maxQueuedBytes) {
    /** Photon's WebSocket inactivity timeout in the LoadBalancing configuration. */
    public static final long DEFAULT_INACTIVITY_TIMEOUT_MILLIS = 10_000;
    /** MaxQueuedDataPerPeer of the LoadBalancing configuration. */
    public static final long DEFAULT_MAX_QUEUED_BYTES = 512_000;
    public static final int DEFAULT_MAX_OPERATIONS_PER_SECOND = 500;
    public static final int DEFAULT_OPERATION_LIMIT_STRIKES = 3;

    public static final PeerSettings DEFAULTS = new PeerSettings(ProtocolLimits.DEFAULTS,
            DEFAULT_MAX_OPERATIONS_PER_SECOND, DEFAULT_OPERATION_LIMIT_STRIKES, DEFAULT_INACTIVITY_TIMEOUT_MILLIS,
            DEFAULT_MAX_QUEUED_BYTES);

    public PeerSettings {
        if (maxOperationsPerSecond < 0 || operationLimitStrikes < 1 || inactivityTimeoutMillis < 0
                || maxQueuedBytes <= 0) {
            throw new IllegalArgumentException("invalid peer settings");
        }
    }
}
