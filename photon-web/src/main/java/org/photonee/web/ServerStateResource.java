package org.photonee.web;

import jakarta.ejb.EJB;
import jakarta.enterprise.context.RequestScoped;
import jakarta.json.Json;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.photonee.core.codes.ServerState;
import org.photonee.core.node.PhotonRoles;
import org.photonee.ejb.PhotonNode;

/**
 * {@code /photon/api/admin/server-state}: the game server's rotation state. {@code PUT} with a plain-text body
 * {@code Normal}, {@code OutOfRotation} or {@code Offline} takes the server out of (or back into) rotation for new
 * rooms without touching running ones. Protect {@code /photon/api/admin/*} with the server's own security in
 * production; the default run binds to loopback only.
 */
@Path("admin/server-state")
@RequestScoped
public class ServerStateResource {
    @EJB
    private PhotonNode node;

    @GET
    @Produces(MediaType.APPLICATION_JSON)
    public Response get() {
        PhotonRoles roles = node.roles();
        ServerState state = roles == null ? null : roles.serverState();
        if (state == null) {
            return notAGameServer();
        }
        return Response.ok(body(state)).build();
    }

    @PUT
    @Consumes(MediaType.TEXT_PLAIN)
    @Produces(MediaType.APPLICATION_JSON)
    public Response put(String value) {
        ServerState state;
        try {
            state = ServerState.parse(value);
        } catch (IllegalArgumentException e) {
            return Response.status(Response.Status.BAD_REQUEST).entity(Json.createObjectBuilder()
                    .add("error", e.getMessage()).build().toString()).build();
        }
        PhotonRoles roles = node.roles();
        if (roles == null || !roles.setServerState(state)) {
            return notAGameServer();
        }
        return Response.ok(body(state)).build();
    }

    private static String body(ServerState state) {
        return Json.createObjectBuilder().add("serverState", state.name()).add("code", state.code()).build()
                .toString();
    }

    private static Response notAGameServer() {
        return Response.status(Response.Status.NOT_FOUND).type(MediaType.APPLICATION_JSON).entity(
                Json.createObjectBuilder().add("error", "this instance runs no game server").build().toString())
                .build();
    }
}
