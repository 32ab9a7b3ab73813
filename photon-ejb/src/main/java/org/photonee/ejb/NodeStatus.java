package org.photonee.ejb;

/**
 * A snapshot of this instance for the health resource and the status endpoint.
 *
 * @param ready            the node has started and its database answers
 * @param roles            e.g. "ns,master,game"
 * @param version          product version
 * @param nodeId           instance name
 * @param publicUrl        base URL handed to clients
 * @param uptimeMillis     since the node started
 * @param databaseReachable a query on the default data source succeeded just now
 * @param heartbeats       ticks of a once-a-second task on the ManagedScheduledExecutorService, proving it runs
 * @param masterLink       game servers: "UP" once registered with the master, "DOWN" before; null without the
 *                         game role
 */
public record NodeStatus(boolean ready, String roles, String version, String nodeId, String publicUrl,
                         long uptimeMillis, boolean databaseReachable, long heartbeats, String masterLink) {
}
