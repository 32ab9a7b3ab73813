package org.photonee.netty;

/** What {@code GET /photon/api/health} on the Netty port answers: the node's readiness and its status JSON. */
public interface HealthCheck {
    boolean ready();

    String json();
}
