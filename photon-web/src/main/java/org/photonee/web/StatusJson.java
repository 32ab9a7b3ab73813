package org.photonee.web;

import jakarta.json.Json;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import org.photonee.ejb.NodeStatus;

/** The JSON shape of a {@link NodeStatus}, shared by the health resource and the status endpoint. */
final class StatusJson {
    private StatusJson() {
    }

    static JsonObject of(NodeStatus s) {
        JsonArrayBuilder roles = Json.createArrayBuilder();
        for (String r : s.roles().split(",")) {
            roles.add(r);
        }
        var json = Json.createObjectBuilder()
                .add("status", s.ready() ? "UP" : "DOWN")
                .add("version", s.version())
                .add("node", s.nodeId())
                .add("roles", roles)
                .add("publicUrl", s.publicUrl())
                .add("uptimeMs", s.uptimeMillis())
                .add("database", s.databaseReachable() ? "UP" : "DOWN")
                .add("heartbeats", s.heartbeats());
        if (s.masterLink() != null) {
            json.add("masterLink", s.masterLink());
        }
        return json.build();
    }
}
