/**
 * Counters an operator reads (Photon's counter set, LOADBALANCING.md §4): traffic, peers, disconnects by cause,
 * join latency. Kept as plain adders in the core, always on and cheap on the hot path; the container publishes them
 * (Prometheus text, JMX) without the core knowing how.
 */
package org.photonee.core.stats;
