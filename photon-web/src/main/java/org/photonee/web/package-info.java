/** Adapters in (interfaces): WebSocket endpoints, REST resources and the dashboard. */
package org.photonee.web;
