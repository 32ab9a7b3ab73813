package org.photonee.examples.referee;

import org.photonee.core.plugin.PluginHost;
import org.photonee.core.plugin.PluginSettings;
import org.photonee.core.plugin.RoomPlugin;
import org.photonee.core.plugin.RoomPluginFactory;

/**
 * Rooms created with Plugins ["TurnReferee"] get a {@link TurnReferee}. Setting:
 * {@code photon.plugins.TurnReferee.turnSeconds} (default 30). Found by the server through
 * {@code META-INF/services/org.photonee.core.plugin.RoomPluginFactory}.
 */
public final class TurnRefereeFactory implements RoomPluginFactory {
    public static final String NAME = "TurnReferee";
    static final long DEFAULT_TURN_SECONDS = 30;

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public RoomPlugin create(PluginHost host, PluginSettings settings) {
        long seconds = settings.getLong("turnSeconds", DEFAULT_TURN_SECONDS);
        if (seconds <= 0) {
            throw new IllegalArgumentException("photon.plugins.TurnReferee.turnSeconds must be positive");
        }
        return new TurnReferee(host, seconds * 1000);
    }
}
