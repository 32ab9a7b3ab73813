package org.photonee.web;

import jakarta.ejb.EJB;
import jakarta.enterprise.context.RequestScoped;
import jakarta.json.Json;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.photonee.core.node.PhotonRoles;
import org.photonee.ejb.PhotonNode;

/**
 * {@code /photon/api/admin/drain}: update a game server without kicking players. {@code POST} takes it out of
 * rotation (no new rooms; joins into its running rooms still go through) and {@code GET} shows what is left: peers,
 * rooms, persistent rooms. Once the players are gone (or the operator's patience is), {@code POST .../save} saves
 * every persistent room and answers when the saves are durable; then the server may be stopped. {@code ./photon
 * drain} runs these steps and stops the server.
 */
@Path("admin/drain")
@RequestScoped
public class DrainResource {
    /** How long {@code POST .../save} waits by default for the database. */
    private static final long DEFAULT_SAVE_TIMEOUT_MILLIS = 20_000;

    @EJB
    private PhotonNode node;

    @POST
    @Produces(MediaType.APPLICATION_JSON)
    public Response start() {
        PhotonRoles roles = node.roles();
        return status(roles == null ? null : roles.drain());
    }

    @GET
    @Produces(MediaType.APPLICATION_JSON)
    public Response progress() {
        PhotonRoles roles = node.roles();
        return status(roles == null ? null : roles.drainStatus());
    }

    @POST
    @Path("save")
    @Produces(MediaType.APPLICATION_JSON)
    public Response save(@QueryParam("timeoutMs") Long timeoutMillis) {
        PhotonRoles roles = node.roles();
        if (roles == null || roles.drainStatus() == null) {
            return notAGameServer();
        }
        long timeout = timeoutMillis == null || timeoutMillis <= 0 ? DEFAULT_SAVE_TIMEOUT_MILLIS : timeoutMillis;
        boolean saved = roles.saveRoomsNow(timeout);
        String body = Json.createObjectBuilder().add("saved", saved).build().toString();
        return Response.status(saved ? Response.Status.OK : Response.Status.SERVICE_UNAVAILABLE).entity(body).build();
    }

    private static Response status(PhotonRoles.DrainStatus status) {
        if (status == null) {
            return notAGameServer();
        }
        return Response.ok(Json.createObjectBuilder().add("serverState", status.serverState().name())
                .add("peers", status.peers()).add("rooms", status.rooms())
                .add("persistentRooms", status.persistentRooms()).build().toString()).build();
    }

    private static Response notAGameServer() {
        return Response.status(Response.Status.NOT_FOUND).type(MediaType.APPLICATION_JSON).entity(
                Json.createObjectBuilder().add("error", "this instance runs no game server").build().toString())
                .build();
    }
}
