package org.photonee.it.micro;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import java.io.StringReader;
import java.net.URI;

import java.net.http.HttpResponse;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Predicate;

import org.junit.jupiter.api.Test;

import org.photonee.core.codec.protocol16.GpBinaryV16Protocol;
import org.photonee.core.codes.GamePropertyKey;
import org.photonee.core.codes.OperationCode;
import org.photonee.core.codes.ParameterCode;
import org.photonee.core.protocol.Message;
import org.photonee.core.protocol.OperationRequest;
import org.photonee.core.protocol.OperationResponse;
import org.photonee.core.protocol.Parameters;
import org.photonee.core.protocol.PhotonHashtable;
import org.photonee.it.support.RawSocket;
import org.photonee.it.support.ServerProbe;

/**
 * The persistence tables on a real Payara Micro with its embedded H2, read through the operator API: the game server
 * role registers with the master over S2S and shows up in {@code /api/admin/servers}; a game created through the
 * master and then on the game server shows up in {@code /api/admin/games} (first unconfirmed, then with its players
 * and lobby properties) and its lobby in {@code /api/admin/lobbies}; when its last player drops and the empty-room
 * TTL runs out, the persistent room (PlayerTTL -1) is saved ({@code /api/admin/rooms}) and its game row goes.
 */
class PersistenceIT extends MicroWarTest {
    private static final GpBinaryV16Protocol BINARY = new GpBinaryV16Protocol();
    private static final long WAIT_MILLIS = 20_000;

    @Test
    void theGameServerRoleAppearsInTheServerTable() throws Exception {
        JsonObject server = awaitRow("admin/servers", "servers",
                s -> s.getBoolean("connected") && s.getJsonObject("addresses").getString("GpBinaryV16", "")
                        .endsWith("/photon/game"));
        assertEquals("NORMAL", server.getString("state"));
        assertTrue(server.getJsonNumber("lastReportAt").longValue() > 0, server.toString());
    }

    @Test
    void aPersistentGameIsListedThenSavedWhenItEmpties() throws Exception {
        org.photonee.it.support.HealthAssertions.awaitReady(new ServerProbe(base));
        String app = "persist-it";
        String game = "turn-" + UUID.randomUUID();
        PhotonHashtable props = PhotonHashtable.of(GamePropertyKey.PLAYER_TTL, -1,
                GamePropertyKey.EMPTY_ROOM_TTL, 1000, GamePropertyKey.MAX_PLAYERS, (byte) 2,
                GamePropertyKey.LOBBY_PROPERTIES, new String[]{"map"}, "map", "forest");

        String gameServer;
        String gameToken;
        try (RawSocket master = RawSocket.open(probe().webSocket("master"), "GpBinaryV16")) {
            ok(call(master, OperationCode.AUTHENTICATE, ParameterCode.APPLICATION_ID, app,
                    ParameterCode.APP_VERSION, "1.0", ParameterCode.USER_ID, "alice"));
            OperationResponse created = ok(call(master, OperationCode.CREATE_GAME, ParameterCode.GAME_ID, game,
                    ParameterCode.GAME_PROPERTIES, props));
            gameServer = (String) created.parameters().get(ParameterCode.ADDRESS);
            gameToken = (String) created.parameters().get(ParameterCode.TOKEN);
        }
        // The master reserved the name: the row exists before the game server confirms it.
        awaitRow("admin/games", "games", g -> g.getString("gameId").equals(game));

        try (RawSocket player = RawSocket.open(URI.create(gameServer), "GpBinaryV16")) {
            ok(call(player, OperationCode.AUTHENTICATE, ParameterCode.TOKEN, gameToken));
            ok(call(player, OperationCode.CREATE_GAME, ParameterCode.GAME_ID, game,
                    ParameterCode.GAME_PROPERTIES, props));
            JsonObject row = awaitRow("admin/games", "games", g -> g.getString("gameId").equals(game)
                    && g.getBoolean("confirmed") && g.getInt("activePlayers") == 1);
            assertEquals(app, row.getString("appId"));
            assertEquals("1.0", row.getString("appVersion"));
            assertEquals(2, row.getInt("maxPlayers"));
            assertTrue(row.getString("properties").contains("\"map\":\"forest\""), row.toString());
            awaitRow("admin/lobbies", "lobbies", l -> l.getString("appId").equals(app) && l.getString("name").isEmpty());
        } // the socket drops: alice turns inactive (PlayerTTL -1 keeps her), the room empties

        JsonObject saved = awaitRow("admin/rooms", "rooms", r -> r.getString("gameId").equals(game));
        assertEquals(app, saved.getString("appId"));
        assertEquals(1, saved.getInt("actors"));
        assertTrue(saved.getInt("bytes") > 0, saved.toString());
        awaitNoRow("admin/games", "games", g -> g.getString("gameId").equals(game));
    }

    // ---- helpers ----

    private static OperationResponse call(RawSocket socket, int code, Object... params) throws Exception {
        socket.send(BINARY, new OperationRequest(code, Parameters.of(params), false));
        while (true) {
            Message m = socket.next(BINARY);
            if (m instanceof OperationResponse r && r.code() == code) {
                return r;
            }
        }
    }

    private static OperationResponse ok(OperationResponse r) {
        assertEquals(0, r.returnCode(), () -> "operation " + r.code() + " failed: " + r.debugMessage());
        return r;
    }

    private JsonArray rows(String path, String field) throws Exception {
        HttpResponse<String> response = new ServerProbe(base).get("api/" + path);
        assertEquals(200, response.statusCode(), response.body());
        try (JsonReader reader = Json.createReader(new StringReader(response.body()))) {
            JsonObject body = reader.readObject();
            JsonArray rows = body.getJsonArray(field);
            assertEquals(rows.size(), body.getInt("count"));
            return rows;
        }
    }

    private Optional<JsonObject> find(String path, String field, Predicate<JsonObject> match) throws Exception {
        return rows(path, field).stream().map(JsonObject.class::cast).filter(match).findFirst();
    }

    /** The tables are written behind (about once a second), so every check polls. */
    private JsonObject awaitRow(String path, String field, Predicate<JsonObject> match) throws Exception {
        long deadline = System.currentTimeMillis() + WAIT_MILLIS;
        while (true) {
            Optional<JsonObject> row = find(path, field, match);
            if (row.isPresent()) {
                return row.get();
            }
            if (System.currentTimeMillis() > deadline) {
                fail("no matching row in " + path + " within " + WAIT_MILLIS + " ms: " + rows(path, field));
            }
            Thread.sleep(200);
        }
    }

    private void awaitNoRow(String path, String field, Predicate<JsonObject> match) throws Exception {
        long deadline = System.currentTimeMillis() + WAIT_MILLIS;
        while (find(path, field, match).isPresent()) {
            if (System.currentTimeMillis() > deadline) {
                fail("row still in " + path + " after " + WAIT_MILLIS + " ms: " + rows(path, field));
            }
            Thread.sleep(200);
        }
    }
}
