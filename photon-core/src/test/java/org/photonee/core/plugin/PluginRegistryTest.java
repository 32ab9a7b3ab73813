package org.photonee.core.plugin;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.photonee.core.config.ConfigReader;
import org.photonee.core.http.HttpQueues;
import org.photonee.core.node.ServerExtensions;
import org.photonee.core.room.ManualFibers;
import org.photonee.core.webhooks.WebhooksPlugin;

class PluginRegistryTest {

    /** Listed in this test's META-INF/services, as a studio's jar would list its factory. */
    public static final class ListedFactory implements RoomPluginFactory {
        @Override
        public String name() {
            return "Listed";
        }

        @Override
        public RoomPlugin create(PluginHost host, PluginSettings settings) {
            return () -> "Listed";
        }
    }

    @Test
    void serviceLoaderFindsFactoriesListedInJars() {
        List<RoomPluginFactory> found = PluginDiscovery.serviceLoader(getClass().getClassLoader());
        assertTrue(found.stream().anyMatch(f -> f instanceof ListedFactory), found.toString());
    }

    @Test
    void settingsAreGroupedByPluginNameAndDefaultIsNotAPlugin() {
        Map<String, PluginSettings> s = PluginRegistry.settingsFrom(Map.of("chess.turnSeconds", "30",
                "chess.http.maxQueuedRequests", "10", "default", "chess", "go.komi", "6.5"));
        assertEquals(Map.of("turnSeconds", "30", "http.maxQueuedRequests", "10"), s.get("chess").values());
        assertEquals("6.5", s.get("go").get("komi").orElseThrow());
        assertEquals(2, s.size());
    }

    @Test
    void twoFactoriesWithOneNameOrAnUnknownDefaultRefuseTheStart() {
        IllegalArgumentException twice = assertThrows(IllegalArgumentException.class, () -> new PluginRegistry(
                List.of(new ListedFactory(), new ListedFactory()), null, Map.of(), null));
        assertTrue(twice.getMessage().contains("two plugin factories are named 'Listed'"));
        IllegalArgumentException unknown = assertThrows(IllegalArgumentException.class, () -> new PluginRegistry(
                List.of(), "chess", Map.of(), null));
        assertTrue(unknown.getMessage().contains("photon.plugins.default"));
    }

    @Test
    void webhooksBecomeTheDefaultWhenConfiguredAndBadKeysNameThemselves() {
        HttpQueues queues = new HttpQueues((call, timeout) -> null, new ManualFibers());
        ServerExtensions none = ServerExtensions.from(ConfigReader.of(Map.of()), queues, List.of(), "");
        assertSame(DefaultPlugin.FACTORY, none.plugins().defaultFactory());
        assertTrue(!none.webRpc().settings().enabled());
        ServerExtensions hooks = ServerExtensions.from(ConfigReader.of(Map.of(
                "photon.webhooks.baseUrl", "http://127.0.0.1:9/hooks",
                "photon.webrpc.baseUrl", "http://127.0.0.1:9/rpc")), queues, List.of(new ListedFactory()), "");
        assertEquals(WebhooksPlugin.NAME, hooks.plugins().defaultFactory().name());
        assertTrue(hooks.plugins().find("Listed").isPresent());
        assertTrue(hooks.webRpc().settings().enabled());
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> ServerExtensions.from(
                ConfigReader.of(Map.of("photon.webhooks.baseUrl", "http://127.0.0.1:9/h",
                        "photon.webhooks.hasErrorInfo", "maybe")), queues, List.of(), ""));
        assertTrue(e.getMessage().contains("photon.webhooks.hasErrorInfo"), e.getMessage());
    }
}
