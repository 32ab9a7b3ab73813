package org.photonee.core.node;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.photonee.core.config.ConfigReader;
import org.photonee.core.http.HttpQueueSettings;
import org.photonee.core.http.HttpQueues;
import org.photonee.core.plugin.PluginHttp;
import org.photonee.core.plugin.PluginRegistry;
import org.photonee.core.plugin.RoomPluginFactory;
import org.photonee.core.webhooks.WebhookSettings;
import org.photonee.core.webhooks.WebhooksPlugin;
import org.photonee.core.webhooks.WebhooksPluginFactory;
import org.photonee.core.webrpc.WebRpc;
import org.photonee.core.webrpc.WebRpcSettings;

/**
 * What a studio adds to the server (LOADBALANCING.md §3.2–3.4): room plugins, webhooks among them when
 * {@code photon.webhooks.baseUrl} is set, and WebRPC. Read once at start; an invalid value refuses the start with
 * a message naming its key.
 *
 * @param plugins the room plugins offered, with their settings and HTTP queues
 * @param webRpc  where Rpc (219) calls go
 */
public record ServerExtensions(PluginRegistry plugins, WebRpc webRpc) {
    /** Nothing added: the Default plugin, WebRPC disabled. */
    public static ServerExtensions none() {
        return new ServerExtensions(PluginRegistry.defaults(), WebRpc.disabled());
    }

    /**
     * @param discovered plugin factories found in the deployment (ServiceLoader entries, CDI beans)
     * @param region     this cluster's region, for WebRPC bodies and {Region} tags
     */
    public static ServerExtensions from(ConfigReader config, HttpQueues http, Collection<RoomPluginFactory> discovered,
                                        String region) {
        WebRpcSettings rpc = WebRpcSettings.from(config);
        WebRpc webRpc = rpc.enabled()
                ? new WebRpc(rpc, http.queue("webrpc", rpc.queue())::submit, region) : WebRpc.disabled();
        List<RoomPluginFactory> factories = new ArrayList<>(discovered);
        // One HTTP queue per plugin, so one plugin's slow backend never holds up another's requests.
        Map<String, PluginHttp> queues = new HashMap<>();
        for (RoomPluginFactory f : factories) {
            queues.put(f.name(), http.queue("plugin-" + f.name(),
                    HttpQueueSettings.from(config, PluginRegistry.PREFIX + f.name() + ".http."))::submit);
        }
        WebhookSettings webhooks = WebhookSettings.from(config);
        String defaultName = config.string(PluginRegistry.DEFAULT_KEY);
        if (webhooks.enabled()) {
            factories.add(new WebhooksPluginFactory(webhooks, region));
            queues.put(WebhooksPlugin.NAME, http.queue("webhooks", webhooks.queue())::submit);
            // Webhooks tell the backend about every room, not only rooms whose client asks for them.
            if (defaultName == null || defaultName.isBlank()) {
                defaultName = WebhooksPlugin.NAME;
            }
        }
        PluginRegistry plugins = new PluginRegistry(factories, defaultName,
                PluginRegistry.settingsFrom(config.withPrefix(PluginRegistry.PREFIX)),
                name -> queues.getOrDefault(name, PluginHttp.NONE));
        return new ServerExtensions(plugins, webRpc);
    }
}
