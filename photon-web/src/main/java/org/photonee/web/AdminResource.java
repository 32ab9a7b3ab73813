package org.photonee.web;

import jakarta.ejb.EJB;
import jakarta.enterprise.context.RequestScoped;
import jakarta.json.Json;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObjectBuilder;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.List;
import org.photonee.ejb.persistence.MasterTables;
import org.photonee.ejb.persistence.RoomStates;
import org.photonee.persistence.GameEntryEntity;
import org.photonee.persistence.GameServerEntity;
import org.photonee.persistence.LobbyEntity;

/**
 * Read-only operator views of the persistence tables under {@code /photon/api/admin}: the master's game servers,
 * games and lobbies (written behind the master's in-memory view, so up to a couple of seconds old) and the saved
 * persistent rooms. Each answer is a JSON object with a {@code count} and an array, e.g. {@code {"count":1,
 * "servers":[…]}}; times are epoch milliseconds.
 */
@Path("admin")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
public class AdminResource {
    @EJB
    private MasterTables masterTables;

    @EJB
    private RoomStates roomStates;

    /** {@code GET /photon/api/admin/servers}: registered game servers, their addresses, state and load. */
    @GET
    @Path("servers")
    public String servers() {
        List<GameServerEntity> rows = masterTables.servers();
        JsonArrayBuilder out = Json.createArrayBuilder();
        for (GameServerEntity s : rows) {
            JsonObjectBuilder addresses = Json.createObjectBuilder();
            for (String line : s.getAddresses().split("\n")) {
                int eq = line.indexOf('=');
                if (eq > 0) {
                    addresses.add(line.substring(0, eq), line.substring(eq + 1));
                }
            }
            out.add(Json.createObjectBuilder()
                    .add("serverId", s.getServerId())
                    .add("addresses", addresses)
                    .add("state", s.getState())
                    .add("connected", s.isConnected())
                    .add("loadLevel", s.getLoadLevel())
                    .add("peerCount", s.getPeerCount())
                    .add("gameCount", s.getGameCount())
                    .add("master", s.getMasterNode())
                    .add("registeredAt", s.getRegisteredAt())
                    .add("lastReportAt", s.getLastReportAt()));
        }
        return list("servers", rows.size(), out);
    }

    /** {@code GET /photon/api/admin/games}: the master's game list, with lobby-listed properties as JSON text. */
    @GET
    @Path("games")
    public String games() {
        List<GameEntryEntity> rows = masterTables.games();
        JsonArrayBuilder out = Json.createArrayBuilder();
        for (GameEntryEntity g : rows) {
            out.add(Json.createObjectBuilder()
                    .add("appId", g.getAppId())
                    .add("appVersion", g.getAppVersion())
                    .add("gameId", g.getGameId())
                    .add("lobbyName", g.getLobbyName())
                    .add("lobbyType", g.getLobbyType())
                    .add("serverId", g.getServerId())
                    .add("confirmed", g.isConfirmed())
                    .add("properties", g.getProperties())
                    .add("activePlayers", g.getActivePlayers())
                    .add("inactivePlayers", g.getInactivePlayers())
                    .add("maxPlayers", g.getMaxPlayers())
                    .add("open", g.isOpen())
                    .add("visible", g.isVisible())
                    .add("master", g.getMasterNode())
                    .add("createdAt", g.getCreatedAt())
                    .add("updatedAt", g.getUpdatedAt()));
        }
        return list("games", rows.size(), out);
    }

    /** {@code GET /photon/api/admin/lobbies}: lobbies games were listed in, with first and last use. */
    @GET
    @Path("lobbies")
    public String lobbies() {
        List<LobbyEntity> rows = masterTables.lobbies();
        JsonArrayBuilder out = Json.createArrayBuilder();
        for (LobbyEntity l : rows) {
            out.add(Json.createObjectBuilder()
                    .add("appId", l.getAppId())
                    .add("appVersion", l.getAppVersion())
                    .add("name", l.getName())
                    .add("type", l.getType())
                    .add("createdAt", l.getCreatedAt())
                    .add("lastUsedAt", l.getLastUsedAt()));
        }
        return list("lobbies", rows.size(), out);
    }

    /** {@code GET /photon/api/admin/rooms}: saved persistent rooms waiting for their players (no contents). */
    @GET
    @Path("rooms")
    public String rooms() {
        List<RoomStates.Summary> rows = roomStates.summaries();
        JsonArrayBuilder out = Json.createArrayBuilder();
        for (RoomStates.Summary r : rows) {
            out.add(Json.createObjectBuilder()
                    .add("appId", r.appId())
                    .add("appVersion", r.appVersion())
                    .add("gameId", r.gameId())
                    .add("actors", r.actorCount())
                    .add("bytes", r.bytes())
                    .add("format", r.formatVersion())
                    .add("savedAt", r.savedAt()));
        }
        return list("rooms", rows.size(), out);
    }

    private static String list(String name, int count, JsonArrayBuilder items) {
        return Json.createObjectBuilder().add("count", count).add(name, items).build().toString();
    }
}
