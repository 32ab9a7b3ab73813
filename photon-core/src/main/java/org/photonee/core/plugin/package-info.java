/**
 * Server-side game logic (LOADBALANCING.md §3.4): the room plugin SPI. A {@link org.photonee.core.plugin.RoomPluginFactory}
 * chosen by name creates one {@link org.photonee.core.plugin.RoomPlugin} per room; the room hands the plugin a
 * {@link org.photonee.core.plugin.PluginCall} for each thing that happens (create, join, leave, event, properties,
 * close, disconnect), and the plugin continues, fails, cancels or defers it exactly once. The plugin steers its room
 * through a {@link org.photonee.core.plugin.PluginHost}. Everything a plugin sees runs on its room's fiber, so plugin
 * code needs no locks, and nothing it does may block: timers and HTTP callbacks come back on the same fiber.
 *
 * <p>The package is the whole extension surface a studio codes against; the room package implements it.
 */
package org.photonee.core.plugin;
