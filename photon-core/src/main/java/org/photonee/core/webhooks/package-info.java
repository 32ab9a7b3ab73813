/**
 * Webhooks (LOADBALANCING.md §3.2), the room plugin shipped with the product: room life (create, join, leave,
 * events and properties forwarded with WebFlags, close) is POSTed as JSON to the studio's service, and with
 * IsPersistent a room's state is saved there on close and loaded back on the next join. Configured by
 * {@code photon.webhooks.*} ({@link org.photonee.core.webhooks.WebhookSettings}).
 */
package org.photonee.core.webhooks;
