package org.photonee.web;

import jakarta.ejb.EJB;
import jakarta.enterprise.context.RequestScoped;
import jakarta.json.Json;
import jakarta.json.JsonObjectBuilder;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.config.ConfigProvider;
import org.eclipse.microprofile.config.ConfigValue;
import org.photonee.core.peer.PeerSettings;
import org.photonee.ejb.PhotonNode;

/**
 * {@code GET /photon/api/admin/config}: the live limits in force on this node, and with {@code ?key=photon.x} what
 * the server's configuration says for that key and which source it came from (console, system property, file),
 * so an operator can see whether a change made in the admin console has arrived.
 */
@Path("admin/config")
@RequestScoped
public class ConfigResource {
    @EJB
    private PhotonNode node;

    @GET
    @Produces(MediaType.APPLICATION_JSON)
    public Response get(@QueryParam("key") String key) {
        JsonObjectBuilder body = Json.createObjectBuilder();
        PeerSettings s = node.peerSettings();
        if (s != null) {
            body.add("effective", Json.createObjectBuilder()
                    .add("photon.maxOperationsPerSecond", s.maxOperationsPerSecond())
                    .add("photon.operationLimitStrikes", s.operationLimitStrikes())
                    .add("photon.inactivityTimeoutMs", s.inactivityTimeoutMillis())
                    .add("photon.maxQueuedBytes", s.maxQueuedBytes())
                    .add("photon.maxMessageSize", s.limits().maxMessageSize()));
        }
        if (node.roles() != null && node.roles().serverState() != null) {
            body.add("serverState", node.roles().serverState().name());
        }
        if (key != null && !key.isBlank()) {
            if (!key.startsWith("photon.")) {
                return Response.status(400).entity(Json.createObjectBuilder()
                        .add("error", "only photon.* keys can be read here").build().toString()).build();
            }
            JsonObjectBuilder k = Json.createObjectBuilder().add("key", key);
            try {
                ConfigValue v = ConfigProvider.getConfig().getConfigValue(key);
                if (v.getValue() != null) {
                    k.add("value", v.getValue());
                    k.add("source", String.valueOf(v.getSourceName()));
                    k.add("ordinal", v.getSourceOrdinal());
                } else {
                    k.addNull("value");
                }
            } catch (RuntimeException | LinkageError e) {
                k.add("error", "MicroProfile Config is not available: " + e.getMessage());
            }
            body.add("config", k);
        }
        return Response.ok(body.build().toString()).build();
    }
}
