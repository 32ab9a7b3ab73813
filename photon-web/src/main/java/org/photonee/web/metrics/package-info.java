/**
 * Metrics on every deployment form: Prometheus text at {@code /photon/api/metrics} from a Micrometer registry
 * bundled in the application (Payara and WildFly share no application metrics API: OPERATIONS.md §3), and the
 * same figures as a JMX MXBean ({@code org.photonee:type=Node}). Both read the core's counters at scrape time.
 */
package org.photonee.web.metrics;
