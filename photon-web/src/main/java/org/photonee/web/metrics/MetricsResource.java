package org.photonee.web.metrics;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;

/**
 * {@code GET /photon/api/metrics}: Prometheus text format 0.0.4. Not under {@code /api/admin}, so scrapers need no
 * token; it carries counts, never user data.
 */
@Path("metrics")
@RequestScoped
public class MetricsResource {
    @Inject
    private PhotonMetrics metrics;

    @GET
    @Produces("text/plain; version=0.0.4; charset=utf-8")
    public String scrape() {
        return metrics.scrape();
    }
}
