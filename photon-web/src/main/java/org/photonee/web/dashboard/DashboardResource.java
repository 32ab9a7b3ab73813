package org.photonee.web.dashboard;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.json.Json;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.sse.Sse;
import jakarta.ws.rs.sse.SseEventSink;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.logging.Logger;
import org.photonee.core.codes.ServerState;
import org.photonee.core.ops.OperatorView;
import org.photonee.core.room.RoomSnapshot;
import org.photonee.web.AdminAuthorizationFilter;

/**
 * The dashboard's data and actions under {@code /photon/api/admin/dashboard}, behind the admin API's protection
 * ({@link AdminAuthorizationFilter}). Reads: {@code overview}, {@code history}, {@code room?appId=&gameId=} and
 * {@code events} (server-sent events). Actions are POSTs, each logged on {@code org.photonee.admin} with who did
 * it: {@code game-server/rotation?state=OutOfRotation|Normal} (this node's game server), {@code room/close} and
 * {@code room/remove-actor?actorNr=}. Rooms are acted on where they are loaded: this node's game server.
 */
@Path("admin/dashboard")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
public class DashboardResource {
    private static final Logger LOG = Logger.getLogger("org.photonee.admin");
    /** The message a closed room's or removed actor's clients get. */
    static final String OPERATOR_MESSAGE = "closed by an operator";
    /** Longest app or game id accepted in a query (the wire allows no longer ones either). */
    private static final int MAX_ID_CHARS = 256;

    @Inject
    private DashboardFeed feed;

    @Context
    private HttpServletRequest request;

    @GET
    @Path("overview")
    public Response overview() throws Exception {
        if (feed.view() == null) {
            return notStarted();
        }
        return Response.ok(feed.overview().toString()).build();
    }

    @GET
    @Path("history")
    public Response history() {
        if (feed.view() == null) {
            return notStarted();
        }
        return Response.ok(feed.history().toString()).build();
    }

    @GET
    @Path("room")
    public Response room(@QueryParam("appId") String appId, @QueryParam("gameId") String gameId) throws Exception {
        OperatorView view = feed.view();
        if (view == null) {
            return notStarted();
        }
        if (!validId(appId) || !validId(gameId)) {
            return error(400, "appId and gameId are required");
        }
        Optional<RoomSnapshot> room = await(view.room(appId, gameId));
        return room.map(r -> Response.ok(DashboardJson.room(r).toString()).build())
                .orElseGet(() -> error(404, "no room '" + gameId + "' of " + appId + " on this node"));
    }

    @POST
    @Path("room/close")
    public Response closeRoom(@QueryParam("appId") String appId, @QueryParam("gameId") String gameId)
            throws Exception {
        OperatorView view = feed.view();
        if (view == null) {
            return notStarted();
        }
        if (!validId(appId) || !validId(gameId)) {
            return error(400, "appId and gameId are required");
        }
        boolean closed = await(view.closeRoom(appId, gameId, OPERATOR_MESSAGE));
        LOG.info(() -> "dashboard: close room " + appId + "/" + gameId + " by " + caller() + ": "
                + (closed ? "closed" : "no such room"));
        return closed ? done("closed") : error(404, "no room '" + gameId + "' of " + appId + " on this node");
    }

    @POST
    @Path("room/remove-actor")
    public Response removeActor(@QueryParam("appId") String appId, @QueryParam("gameId") String gameId,
                                @QueryParam("actorNr") int actorNr) throws Exception {
        OperatorView view = feed.view();
        if (view == null) {
            return notStarted();
        }
        if (!validId(appId) || !validId(gameId) || actorNr <= 0) {
            return error(400, "appId, gameId and a positive actorNr are required");
        }
        boolean removed = await(view.removeActor(appId, gameId, actorNr, OPERATOR_MESSAGE));
        LOG.info(() -> "dashboard: remove actor " + actorNr + " from " + appId + "/" + gameId + " by " + caller()
                + ": " + (removed ? "removed" : "no such actor"));
        return removed ? done("removed") : error(404, "no actor " + actorNr + " in room '" + gameId + "'");
    }

    @POST
    @Path("game-server/rotation")
    public Response rotation(@QueryParam("state") String value) {
        ServerState state;
        try {
            state = ServerState.parse(value == null ? "" : value);
        } catch (IllegalArgumentException e) {
            return error(400, e.getMessage());
        }
        var roles = feed.roles();
        if (roles == null || !roles.setServerState(state)) {
            return error(404, "this node runs no game server");
        }
        String name = DashboardJson.photonName(state);
        LOG.info(() -> "dashboard: game server state " + name + " by " + caller());
        return done(name);
    }

    /** Server-sent events: {@code overview} every 2 s, {@code history} after each new sample. */
    @GET
    @Path("events")
    @Produces(MediaType.SERVER_SENT_EVENTS)
    public void events(@Context SseEventSink sink, @Context Sse sse) {
        if (feed.view() == null || !feed.subscribe(sink, sse)) {
            sink.close();
        }
    }

    private String caller() {
        Object who = request.getAttribute(AdminAuthorizationFilter.CALLER_ATTRIBUTE);
        return who == null ? "unknown" : who.toString();
    }

    private static boolean validId(String id) {
        return id != null && !id.isEmpty() && id.length() <= MAX_ID_CHARS;
    }

    private static <T> T await(CompletableFuture<T> answer) throws Exception {
        return answer.get(DashboardFeed.SNAPSHOT_WAIT_MILLIS, TimeUnit.MILLISECONDS);
    }

    private static Response done(String result) {
        return Response.ok(Json.createObjectBuilder().add("result", result).build().toString()).build();
    }

    private static Response notStarted() {
        return error(503, "the node is not started");
    }

    private static Response error(int status, String message) {
        return Response.status(status).type(MediaType.APPLICATION_JSON)
                .entity(Json.createObjectBuilder().add("error", message).build().toString()).build();
    }
}
