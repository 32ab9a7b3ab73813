package org.photonee.core.plugin;

/**
 * Creates the plugin of each room that asks for {@link #name()} (Photon's {@code IPluginFactory}). Found by
 * {@link java.util.ServiceLoader} (a {@code META-INF/services/org.photonee.core.plugin.RoomPluginFactory} entry in
 * the plugin's jar) or as a CDI bean; called on the new room's fiber, must not block.
 */
public interface RoomPluginFactory {
    /** The name rooms ask for; unique per server. */
    String name();

    /**
     * A plugin for one new room. Throwing refuses the room's creation with {@code PluginReportedError}.
     *
     * @param settings this plugin's {@code photon.plugins.<name>.<key>} values
     */
    RoomPlugin create(PluginHost host, PluginSettings settings);

    /**
     * Whether a join for a room that is not in memory (and not saved by the server) should create the room and let
     * {@link RoomPlugin#onCreateGame} load it ({@link CreateGameCall#isJoin()}), as webhooks with IsPersistent do.
     */
    default boolean loadsUnknownRooms() {
        return false;
    }
}
