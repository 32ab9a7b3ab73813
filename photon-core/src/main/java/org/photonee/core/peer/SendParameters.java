package org.photonee.core.peer;

/**
 * How a message is sent. On WebSocket every message is reliable and ordered on one stream; channel and reliability
 * are kept so that per-channel ordering semantics hold in the API and a future UDP transport can honour them.
 *
 * @param channelId  the channel, 0..255; ordering is guaranteed within a channel
 * @param unreliable request unreliable delivery (ignored on WebSocket: delivered reliably)
 * @param flush      send now instead of waiting for the next batch (RaiseEvent's Flush parameter)
 * @param encrypted  the payload must be encrypted; refused with {@link SendResult#ENCRYPTION_NOT_SUPPORTED} when
 *                   the connection has no encryption set up
 */
public record SendParameters(int channelId, boolean unreliable, boolean flush, boolean encrypted) {
    public static final SendParameters DEFAULT = new SendParameters(0, false, false, false);

    public SendParameters {
        if (channelId < 0 || channelId > 255) {
            throw new IllegalArgumentException("channel out of range 0..255: " + channelId);
        }
    }

    public SendParameters withChannel(int channel) {
        return new SendParameters(channel, unreliable, flush, encrypted);
    }

    public SendParameters withUnreliable(boolean value) {
        return new SendParameters(channelId, value, flush, encrypted);
    }

    public SendParameters withFlush(boolean value) {
        return new SendParameters(channelId, unreliable, value, encrypted);
    }

    public SendParameters withEncrypted(boolean value) {
        return new SendParameters(channelId, unreliable, flush, value);
    }
}
