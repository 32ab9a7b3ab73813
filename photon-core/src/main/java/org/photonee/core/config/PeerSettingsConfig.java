package org.photonee.core.config;

import org.photonee.core.peer.PeerSettings;
import org.photonee.core.protocol.ProtocolLimits;

import java.util.function.Function;

/**
 * Reads the connection limits from {@code photon.*} keys; a key that is not set keeps the default, a value that is
 * not a valid number fails the start with a message naming the key.
 */
public final class PeerSettingsConfig {
    public static final String MAX_MESSAGE_SIZE = "photon.maxMessageSize";
    public static final String MAX_DEPTH = "photon.maxDepth";
    public static final String MAX_STRING_LENGTH = "photon.maxStringLength";
    public static final String MAX_COLLECTION_LENGTH = "photon.maxCollectionLength";
    public static final String MAX_OPERATIONS_PER_SECOND = "photon.maxOperationsPerSecond";
    public static final String OPERATION_LIMIT_STRIKES = "photon.operationLimitStrikes";
    public static final String INACTIVITY_TIMEOUT_MS = "photon.inactivityTimeoutMs";
    public static final String MAX_QUEUED_BYTES = "photon.maxQueuedBytes";

    private PeerSettingsConfig() {
    }

    public static PeerSettings from(Function<String, String> lookup) {
        ProtocolLimits limits = new ProtocolLimits(
                intValue(lookup, MAX_MESSAGE_SIZE, ProtocolLimits.DEFAULT_MAX_MESSAGE_SIZE, 1),
                intValue(lookup, MAX_DEPTH, ProtocolLimits.DEFAULT_MAX_DEPTH, 1),
                intValue(lookup, MAX_STRING_LENGTH, ProtocolLimits.DEFAULT_MAX_STRING_LENGTH, 1),
                intValue(lookup, MAX_COLLECTION_LENGTH, ProtocolLimits.DEFAULT_MAX_COLLECTION_LENGTH, 1));
        return new PeerSettings(limits,
                intValue(lookup, MAX_OPERATIONS_PER_SECOND, PeerSettings.DEFAULT_MAX_OPERATIONS_PER_SECOND, 0),
                intValue(lookup, OPERATION_LIMIT_STRIKES, PeerSettings.DEFAULT_OPERATION_LIMIT_STRIKES, 1),
                longValue(lookup, INACTIVITY_TIMEOUT_MS, PeerSettings.DEFAULT_INACTIVITY_TIMEOUT_MILLIS, 0),
                longValue(lookup, MAX_QUEUED_BYTES, PeerSettings.DEFAULT_MAX_QUEUED_BYTES, 1));
    }

    private static int intValue(Function<String, String> lookup, String key, int fallback, int min) {
        return ConfigReader.of(lookup).intValue(key, fallback, min);
    }

    private static long longValue(Function<String, String> lookup, String key, long fallback, long min) {
        return ConfigReader.of(lookup).longValue(key, fallback, min);
    }
}
