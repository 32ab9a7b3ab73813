package org.photonee.core.plugin;

/** Where a {@link PluginCall} is in its life; every call ends in exactly one of the processed states. */
public enum CallStatus {
    /** Handed to the plugin, not yet decided. */
    NEW,
    /** The plugin will decide later (from a timer or an HTTP callback). */
    DEFERRED,
    /** Waiting for an HTTP answer the plugin tied to this call; decided by its callback. */
    PAUSED,
    /** Continued: the room carries out the operation. */
    SUCCEEDED,
    /** Failed: the client gets {@code PluginReportedError} (32752) with the plugin's message. */
    FAILED,
    /** Cancelled: the operation is dropped silently. */
    CANCELED;

    /** Whether the call has reached its end. */
    public boolean isProcessed() {
        return this == SUCCEEDED || this == FAILED || this == CANCELED;
    }
}
