/**
 * A game server's load level: samples of CPU, bandwidth and peer count turned into a level 0..9 with hysteresis,
 * which the server reports to its master for load balancing (LOADBALANCING.md §2.3).
 */
package org.photonee.core.workload;
