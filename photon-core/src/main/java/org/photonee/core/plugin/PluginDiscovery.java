package org.photonee.core.plugin;

import java.util.ArrayList;
import java.util.List;
import java.util.ServiceConfigurationError;
import java.util.ServiceLoader;

/** Finds plugin factories packaged as jars with a {@code META-INF/services} entry. */
public final class PluginDiscovery {
    private PluginDiscovery() {
    }

    /**
     * Every {@link RoomPluginFactory} the class loader's service entries name.
     *
     * @throws IllegalStateException naming the entry when one cannot be loaded, so a broken plugin jar refuses the
     *                               start instead of silently missing
     */
    public static List<RoomPluginFactory> serviceLoader(ClassLoader loader) {
        List<RoomPluginFactory> out = new ArrayList<>();
        try {
            for (RoomPluginFactory f : ServiceLoader.load(RoomPluginFactory.class, loader)) {
                out.add(f);
            }
        } catch (ServiceConfigurationError e) {
            throw new IllegalStateException("a room plugin could not be loaded: " + e.getMessage(), e);
        }
        return out;
    }
}
