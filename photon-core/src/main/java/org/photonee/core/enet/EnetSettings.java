package org.photonee.core.enet;

/**
 * Bounds and timing of one session. Defaults follow the official client where the spec gives its values (§1.9):
 * send window 50, resend limit 7, initial resend timeout at most 400 ms, disconnect timeout 10 s, ping 1 s.
 *
 * @param maxMtu             the largest datagram this side sends; a client's MTU above it is lowered to it
 * @param maxChannels        channels a peer may open (its connect asks for a count, usually 2)
 * @param maxMessageSize     the largest message after reassembly
 * @param receiveWindow      how far beyond the next expected reliable number a command may be and still be kept
 * @param maxBufferedBytes   bytes a session keeps for out-of-order reliable, held unreliable and fragments
 * @param maxHeldUnreliable  unreliable commands kept per channel while the reliable they follow is missing
 * @param maxQueuedBytes     bytes queued for sending (not yet acked) before sends report the buffer full
 * @param sendWindow         reliable commands in flight per channel
 * @param resendLimit        sends of one reliable command before the peer counts as gone
 * @param disconnectTimeoutMillis nothing received, or a command unacked, this long: the peer is gone
 * @param pingIntervalMillis a client pings when idle this long (servers only answer pings)
 */
public record EnetSettings(int maxMtu, int maxChannels, int maxMessageSize, int receiveWindow, int maxBufferedBytes,
                           int maxHeldUnreliable, long maxQueuedBytes, int sendWindow, int resendLimit,
                           int disconnectTimeoutMillis, int pingIntervalMillis) {
    public static final int MIN_MTU = 576;
    public static final int DEFAULT_MTU = 1200;
    public static final int INITIAL_RESEND_MAX_MS = 400;
    public static final int MIN_RESEND_MS = 20;
    public static final int MAX_COMMANDS_PER_DATAGRAM = 255;

    public static final EnetSettings DEFAULTS = new EnetSettings(1200, 16, 512 * 1024, 1024, 2 * 1024 * 1024, 64,
            4L * 1024 * 1024, 50, 7, 10_000, 1000);

    public EnetSettings {
        if (maxMtu < MIN_MTU || maxMtu > 65_000) {
            throw new IllegalArgumentException("maxMtu must be " + MIN_MTU + "..65000, got " + maxMtu);
        }
        if (maxChannels < 1 || maxChannels > 254) {
            throw new IllegalArgumentException("maxChannels must be 1..254, got " + maxChannels);
        }
        if (maxBufferedBytes < 2 * maxMessageSize) {
            throw new IllegalArgumentException("maxBufferedBytes must hold two messages of maxMessageSize");
        }
    }

    public EnetSettings withMaxMessageSize(int value) {
        return new EnetSettings(maxMtu, maxChannels, value, receiveWindow, Math.max(maxBufferedBytes, 2 * value),
                maxHeldUnreliable, maxQueuedBytes, sendWindow, resendLimit, disconnectTimeoutMillis,
                pingIntervalMillis);
    }

    public EnetSettings withMaxQueuedBytes(long value) {
        return new EnetSettings(maxMtu, maxChannels, maxMessageSize, receiveWindow, maxBufferedBytes,
                maxHeldUnreliable, value, sendWindow, resendLimit, disconnectTimeoutMillis, pingIntervalMillis);
    }

    public EnetSettings withDisconnectTimeout(int millis) {
        return new EnetSettings(maxMtu, maxChannels, maxMessageSize, receiveWindow, maxBufferedBytes,
                maxHeldUnreliable, maxQueuedBytes, sendWindow, resendLimit, millis, pingIntervalMillis);
    }
}
