package org.photonee.core.webhooks;

import org.photonee.core.plugin.PluginHost;
import org.photonee.core.plugin.PluginSettings;
import org.photonee.core.plugin.RoomPlugin;
import org.photonee.core.plugin.RoomPluginFactory;

/** Makes the {@link WebhooksPlugin} of each room; offered when {@code photon.webhooks.baseUrl} is set. */
public final class WebhooksPluginFactory implements RoomPluginFactory {
    private final WebhookSettings settings;
    private final String region;

    public WebhooksPluginFactory(WebhookSettings settings, String region) {
        if (!settings.enabled()) {
            throw new IllegalArgumentException("webhooks need photon.webhooks.baseUrl");
        }
        this.settings = settings;
        this.region = region == null ? "" : region;
    }

    @Override
    public String name() {
        return WebhooksPlugin.NAME;
    }

    @Override
    public RoomPlugin create(PluginHost host, PluginSettings pluginSettings) {
        return new WebhooksPlugin(host, settings, region);
    }

    /** With IsPersistent and AsyncJoin, a join for a room not in memory asks the service for its state. */
    @Override
    public boolean loadsUnknownRooms() {
        return settings.persistent() && settings.asyncJoin();
    }

    public WebhookSettings settings() {
        return settings;
    }
}
