package org.photonee.web.dashboard;

import jakarta.json.Json;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import java.util.List;
import java.util.Map;
import org.photonee.core.codes.ServerState;
import org.photonee.core.master.ClusterSnapshot;
import org.photonee.core.ops.OperatorView;
import org.photonee.core.ops.TimeSeries;
import org.photonee.core.room.RoomSnapshot;

/** The dashboard's JSON documents, built from photon-core's snapshots (no logic of its own beyond naming). */
public final class DashboardJson {
    private DashboardJson() {
    }

    /** What this node is, for the page's header and to tell which game server row is this node's own. */
    public record NodeInfo(String nodeId, String roles, String version, String publicUrl, long uptimeMillis,
                           int localPeers, ServerState serverState) {
    }

    /**
     * The overview: this node, its traffic, and (on a master) the cluster. Only this node's own game server has CPU
     * and message rates: the master's load reports carry load level, peers and rooms, not traffic.
     */
    public static JsonObject overview(NodeInfo node, OperatorView.Traffic traffic, ClusterSnapshot cluster,
                                      long nowMillis) {
        JsonObjectBuilder t = trafficJson(traffic);
        JsonObjectBuilder out = Json.createObjectBuilder().add("time", nowMillis)
                .add("node", Json.createObjectBuilder().add("nodeId", node.nodeId()).add("roles", text(node.roles()))
                        .add("version", text(node.version())).add("publicUrl", text(node.publicUrl()))
                        .add("uptimeMillis", node.uptimeMillis()).add("peers", node.localPeers())
                        .add("serverState", node.serverState() == null ? "" : photonName(node.serverState()))
                        .add("traffic", t));
        if (cluster == null) {
            return out.add("master", JsonObject.NULL).build();
        }
        out.add("master", Json.createObjectBuilder().add("peers", cluster.masterPeers()).add("ccu", cluster.ccu())
                .add("rooms", cluster.rooms()));
        JsonArrayBuilder servers = Json.createArrayBuilder();
        for (ClusterSnapshot.Server s : cluster.servers()) {
            boolean local = s.serverId().equals(node.nodeId());
            JsonObjectBuilder row = Json.createObjectBuilder().add("serverId", s.serverId())
                    .add("address", text(s.address()))
                    .add("state", photonName(ServerState.valueOf(s.state()))).add("loadLevel", s.loadLevel())
                    .add("peers", s.peers()).add("rooms", s.rooms()).add("connected", s.connected())
                    .add("inRotation", s.inRotation()).add("leaving", s.leaving())
                    .add("lastReportAgeMillis", s.lastReportAgeMillis()).add("local", local);
            if (local) {
                row.add("traffic", trafficJson(traffic));
            }
            servers.add(row);
        }
        JsonArrayBuilder apps = Json.createArrayBuilder();
        for (ClusterSnapshot.App a : cluster.applications()) {
            JsonArrayBuilder lobbies = Json.createArrayBuilder();
            for (ClusterSnapshot.Lobby l : a.lobbies()) {
                lobbies.add(Json.createObjectBuilder().add("name", text(l.name())).add("type", l.type())
                        .add("games", l.games()).add("members", l.members()));
            }
            apps.add(Json.createObjectBuilder().add("appId", a.appId()).add("appVersion", text(a.appVersion()))
                    .add("peersOnMaster", a.peersOnMaster()).add("games", a.games())
                    .add("playersInGames", a.playersInGames()).add("lobbies", lobbies));
        }
        JsonArrayBuilder rooms = Json.createArrayBuilder();
        for (ClusterSnapshot.RoomRow r : cluster.busiestRooms()) {
            rooms.add(Json.createObjectBuilder().add("appId", r.appId()).add("appVersion", text(r.appVersion()))
                    .add("gameId", r.gameId()).add("lobby", text(r.lobby())).add("serverId", r.serverId())
                    .add("local", r.serverId().equals(node.nodeId()))
                    .add("activePlayers", r.activePlayers()).add("inactivePlayers", r.inactivePlayers())
                    .add("maxPlayers", r.maxPlayers()).add("open", r.open()).add("visible", r.visible()));
        }
        return out.add("servers", servers).add("applications", apps).add("busiestRooms", rooms).build();
    }

    private static JsonObjectBuilder trafficJson(OperatorView.Traffic t) {
        return Json.createObjectBuilder().add("cpuPercent", round(t.cpuPercent()))
                .add("operationsInPerSecond", round(t.operationsIn()))
                .add("messagesOutPerSecond", round(t.messagesOut()))
                .add("messagesPerSecond", round(t.messages())).add("bytesInPerSecond", round(t.bytesIn()))
                .add("bytesOutPerSecond", round(t.bytesOut()));
    }

    /** The hour-long series as columns (uPlot's data layout): times in seconds, then one array per series. */
    public static JsonObject history(TimeSeries series) {
        List<TimeSeries.Sample> samples = series.samples();
        JsonArrayBuilder times = Json.createArrayBuilder();
        for (TimeSeries.Sample s : samples) {
            times.add(s.atMillis() / 1000);
        }
        JsonObjectBuilder values = Json.createObjectBuilder();
        List<String> names = series.names();
        for (int i = 0; i < names.size(); i++) {
            JsonArrayBuilder column = Json.createArrayBuilder();
            for (TimeSeries.Sample s : samples) {
                column.add(round(s.values()[i]));
            }
            values.add(names.get(i), column);
        }
        return Json.createObjectBuilder().add("intervalMillis", OperatorView.SAMPLE_INTERVAL_MILLIS)
                .add("capacity", series.capacity()).add("times", times).add("series", values).build();
    }

    public static JsonObject room(RoomSnapshot r) {
        JsonArrayBuilder actors = Json.createArrayBuilder();
        for (RoomSnapshot.ActorSnapshot a : r.actors()) {
            actors.add(Json.createObjectBuilder().add("actorNr", a.actorNr())
                    .add("userId", a.userId() == null ? "" : a.userId())
                    .add("nickname", a.nickname() == null ? "" : a.nickname()).add("active", a.active())
                    .add("properties", map(a.properties())));
        }
        JsonArrayBuilder expected = Json.createArrayBuilder();
        r.expectedUsers().forEach(expected::add);
        return Json.createObjectBuilder().add("appId", r.appId()).add("appVersion", text(r.appVersion()))
                .add("gameId", r.gameId()).add("lobbyName", text(r.lobbyName())).add("lobbyType", r.lobbyType())
                .add("open", r.open()).add("visible", r.visible()).add("maxPlayers", r.maxPlayers())
                .add("playerTtl", r.playerTtl()).add("emptyRoomTtl", r.emptyRoomTtl())
                .add("masterClientId", r.masterClientId()).add("persistent", r.persistent())
                .add("activeActors", r.activeCount()).add("actors", actors).add("properties", map(r.properties()))
                .add("cachedEvents", r.cachedEvents()).add("cacheSlice", r.cacheSlice()).add("plugin", text(r.plugin()))
                .add("expectedUsers", expected).build();
    }

    private static JsonObjectBuilder map(Map<String, String> values) {
        JsonObjectBuilder out = Json.createObjectBuilder();
        values.forEach(out::add);
        return out;
    }

    /** A server state as Photon spells it (Normal, OutOfRotation, Offline), which the page and the API accept. */
    static String photonName(ServerState state) {
        return switch (state) {
            case NORMAL -> "Normal";
            case OUT_OF_ROTATION -> "OutOfRotation";
            case OFFLINE -> "Offline";
        };
    }

    private static String text(String s) {
        return s == null ? "" : s;
    }

    private static double round(double v) {
        return Double.isFinite(v) ? Math.round(v * 10) / 10.0 : 0;
    }
}
