package org.photonee.netty;

/** What {@code GET /photon/api/health} on the Netty port answers: 200 when ready, else 503, with the status JSON. */
@FunctionalInterface
public interface HealthCheck {
    Status status();

    record Status(boolean ready, String json) {
    }
}
