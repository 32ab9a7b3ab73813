package org.photonee.core.plugin;

import java.util.Map;

/**
 * What the room does once a {@link PluginCall} is decided. The room supplies one per call; a plugin's own unit test
 * may supply a recording one.
 */
public interface CallOutcome {
    /** The plugin continued the call: carry out the operation. */
    void succeeded();

    /**
     * The plugin failed the call (or forgot it, or threw): answer the client with {@code PluginReportedError}.
     *
     * @param errorData extra response parameters the plugin attached, never null
     */
    void failed(String message, Map<Integer, Object> errorData);

    /** The plugin cancelled the call: drop the operation without an answer. */
    default void canceled() {
    }
}
