package org.photonee.core.plugin;

/**
 * Codes of {@link RoomPlugin#reportError}: Photon's plugin error codes (LOADBALANCING.md §3.4). Codes 1000 and
 * above are the product's, 2000 and above a plugin's own.
 */
public final class PluginErrorCode {
    /** A hook returned without continuing, failing, cancelling or deferring its call. */
    public static final int MISSING_CALL_PROCESSING = 0;
    /** A hook threw. */
    public static final int UNHANDLED_EXCEPTION = 1;
    /** A timer or HTTP callback of the plugin threw. */
    public static final int ASYNC_CALLBACK_EXCEPTION = 2;
    /** Continued properties could not be set: the request was invalid. */
    public static final int SET_PROPERTIES_PRECONDITIONS_FAIL = 3;
    /** Continued properties were not set: the expected values (CAS) did not match. */
    public static final int SET_PROPERTIES_CAS_FAIL = 4;
    /** Setting properties failed for another reason. */
    public static final int SET_PROPERTIES_EXCEPTION = 5;

    private PluginErrorCode() {
    }
}
