package org.photonee.it.fault;

import org.photonee.core.room.RoomState;
import org.photonee.it.support.LocalPostgres;
import org.photonee.it.support.PhotonProcess;
import org.photonee.persistence.RoomStateCodec;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;

/** What the fault tests share: bounded waits, the operator's admin calls, and reading what the database holds. */
final class Faults {
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

    private Faults() {
    }

    static <T> T await(CompletionStage<T> stage) throws Exception {
        try {
            return stage.toCompletableFuture().get(20, TimeUnit.SECONDS);
        } catch (ExecutionException e) {
            if (e.getCause() instanceof Exception cause) {
                throw cause;
            }
            throw e;
        }
    }

    static void eventually(BooleanSupplier condition, long timeoutMillis, String what) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(timeoutMillis);
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("not within " + timeoutMillis + " ms: " + what);
            }
            Thread.sleep(50);
        }
    }

    static long millisSince(long nanos) {
        return (System.nanoTime() - nanos) / 1_000_000;
    }

    /** The operator takes a game server in or out of rotation ({@code PUT /api/admin/server-state}). */
    static void serverState(PhotonProcess server, String state) throws Exception {
        HttpResponse<String> r = HTTP.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + server.port()
                        + "/photon/api/admin/server-state")).header("Content-Type", "text/plain")
                .PUT(HttpRequest.BodyPublishers.ofString(state)).timeout(Duration.ofSeconds(10)).build(),
                HttpResponse.BodyHandlers.ofString());
        if (r.statusCode() != 200) {
            throw new AssertionError("server-state " + state + " refused: " + r.statusCode() + " " + r.body());
        }
        // The master hears of it with the next load report, sent at once; leave it a moment to apply it.
        Thread.sleep(500);
    }

    /** The saved state of a room as the database holds it, decoded as the game server would. */
    static Optional<RoomState> savedRoom(LocalPostgres pg, String appId, String gameId) throws Exception {
        String base64 = pg.query("SELECT encode(state_data, 'base64') FROM photon_room_state WHERE app_id = '"
                + appId + "' AND game_id = '" + gameId + "'").replace("\n", "");
        if (base64.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(new RoomStateCodec().decode(Base64.getDecoder().decode(base64)));
    }

    static Object savedTurn(LocalPostgres pg, String appId, String gameId) throws Exception {
        return savedRoom(pg, appId, gameId).map(s -> s.options().customProperties().get("turn")).orElse(null);
    }

    static int count(LocalPostgres pg, String sql) throws Exception {
        return Integer.parseInt(pg.query(sql));
    }

    static long median(List<Long> values) {
        List<Long> sorted = values.stream().sorted().toList();
        return sorted.get(sorted.size() / 2);
    }
}
