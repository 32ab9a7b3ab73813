package org.photonee.core.plugin;

/** The plugin of rooms that name none and of servers that configure none: continues every call. */
public final class DefaultPlugin implements RoomPlugin {
    /** Photon's reserved name. */
    public static final String NAME = "Default";

    public static final RoomPluginFactory FACTORY = new RoomPluginFactory() {
        @Override
        public String name() {
            return NAME;
        }

        @Override
        public RoomPlugin create(PluginHost host, PluginSettings settings) {
            return new DefaultPlugin();
        }
    };

    @Override
    public String name() {
        return NAME;
    }
}
