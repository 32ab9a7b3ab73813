package org.photonee.web;

import jakarta.ejb.EJB;
import jakarta.enterprise.context.RequestScoped;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.photonee.ejb.NodeStatus;
import org.photonee.ejb.PhotonNode;

/**
 * {@code GET /photon/api/health}: 200 with the node's status once it is ready (started, which needs the database;
 * a later database outage is reported as {@code "database":"DOWN"} but keeps it ready, since rooms and matchmaking
 * run from memory), 503 with the same body otherwise, so load balancers and orchestrators can use it as a readiness probe.
 */
@Path("health")
@RequestScoped
public class HealthResource {
    @EJB
    private PhotonNode node;

    @GET
    @Produces(MediaType.APPLICATION_JSON)
    public Response health() {
        NodeStatus status = node.status();
        return Response.status(status.ready() ? Response.Status.OK : Response.Status.SERVICE_UNAVAILABLE)
                .entity(StatusJson.of(status).toString())
                .type(MediaType.APPLICATION_JSON_TYPE)
                .build();
    }
}
