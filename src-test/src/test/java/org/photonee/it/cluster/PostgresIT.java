package org.photonee.it.cluster;

import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.photonee.client.AuthValues;
import org.photonee.client.LoadBalancingClient;
import org.photonee.client.RoomOptions;
import org.photonee.it.support.LocalPostgres;
import org.photonee.core.peer.Transport;
import org.photonee.it.support.PhotonProcess;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The persistence layer on a real PostgreSQL (Debian's package, started on 127.0.0.1 by the test): the schema is
 * created by the JPA provider, the master's write-behind tables fill, and a persistent room is saved.
 */
@Timeout(value = 6, unit = TimeUnit.MINUTES)
class PostgresIT {
    private static final int PG_PORT = 15432;
    private static final int PORT = 18480;
    private static final int NETTY_PORT = 18097;

    @Test
    void tablesAreCreatedAndWrittenOnPostgres() throws Exception {
        Optional<Path> pgBin = LocalPostgres.installation();
        Assumptions.assumeTrue(pgBin.isPresent(), "PostgreSQL is not installed (apt-get install postgresql)");
        try (LocalPostgres pg = LocalPostgres.start(pgBin.get(), PG_PORT);
             PhotonProcess server = PhotonProcess.start(PORT, NETTY_PORT, "pg-secret", "--db-url", pg.jdbcUrl(),
                     "--db-user", LocalPostgres.USER, "--db-password", "trust-auth-ignores-it")) {
            server.awaitReady(Duration.ofSeconds(240));
            assertTrue(server.get("api/health").contains("\"database\":\"UP\""));

            LoadBalancingClient client = new LoadBalancingClient("pg-app", "1.0");
            try {
                client.setAuthValues(AuthValues.user("ada"));
                client.connectToRegionMaster(server.webSocket("ns", Transport.NETTY), "eu").toCompletableFuture()
                        .get(15, TimeUnit.SECONDS);
                client.createRoom("ledger", RoomOptions.defaults().withPlayerTtl(-1)
                        .withCustomProperties(Map.of("gold", 12))).toCompletableFuture().get(15, TimeUnit.SECONDS);
            } finally {
                client.close();
            }
            long deadline = System.nanoTime() + 20_000_000_000L;
            String rooms = "";
            String servers = "";
            while (System.nanoTime() < deadline) {
                rooms = pg.query("select count(*) from photon_room_state where game_id = 'ledger'");
                servers = pg.query("select count(*) from photon_game_server");
                if ("1".equals(rooms) && !"0".equals(servers)) {
                    break;
                }
                Thread.sleep(250);
            }
            assertEquals("1", rooms, "the persistent room is saved in PostgreSQL");
            assertEquals("1", servers, "the master's write-behind registry is in PostgreSQL");
            assertEquals("1", pg.query("select count(*) from photon_node_start"));
        }
    }
}
