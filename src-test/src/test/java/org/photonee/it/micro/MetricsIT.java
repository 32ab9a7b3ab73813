package org.photonee.it.micro;

import org.junit.jupiter.api.Test;
import org.photonee.client.AuthValues;
import org.photonee.client.LoadBalancingClient;
import org.photonee.client.RoomOptions;
import org.photonee.it.support.HealthAssertions;
import org.photonee.it.support.ServerProbe;

import java.net.http.HttpResponse;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Prometheus text at /photon/api/metrics moves with a client flow. */
class MetricsIT extends MicroWarTest {
    private static double value(String text, String metricRegex) {
        Matcher m = Pattern.compile("(?m)^" + metricRegex + " ([0-9.eE+-]+)$").matcher(text);
        return m.find() ? Double.parseDouble(m.group(1)) : -1;
    }

    @Test
    void countersAndGaugesFollowAClientFlow() throws Exception {
        ServerProbe server = new ServerProbe(base);
        HealthAssertions.awaitReady(server);
        String before = server.get("api/metrics").body();
        double opsBefore = value(before, "photon_operations_in_total\\{[^}]*\\}");
        double joinsBefore = value(before, "photon_join_seconds_count\\{[^}]*\\}");
        try (LoadBalancingClient client = new LoadBalancingClient("metrics-app", "1.0")) {
            client.setAuthValues(AuthValues.user("metrics-user"));
            client.connectToRegionMaster(server.webSocket("ns"), "eu").toCompletableFuture().get(30, TimeUnit.SECONDS);
            client.createRoom("metrics-room", RoomOptions.defaults()).toCompletableFuture().get(30, TimeUnit.SECONDS);
            HttpResponse<String> during = server.get("api/metrics");
            assertEquals(200, during.statusCode());
            assertTrue(during.headers().firstValue("Content-Type").orElse("").startsWith("text/plain"));
            String text = during.body();
            assertTrue(value(text, "photon_operations_in_total\\{[^}]*\\}") >= opsBefore + 3, text);
            assertTrue(value(text, "photon_join_seconds_count\\{[^}]*\\}") >= joinsBefore + 1, "join histogram");
            assertTrue(value(text, "photon_peers\\{[^}]*role=\"game\"[^}]*\\}") >= 1, "a peer on the game server");
            assertTrue(value(text, "photon_transport_peers\\{[^}]*transport=\"container\"[^}]*\\}") >= 1,
                    "this client's game server peer, on the container transport");
            assertTrue(value(text, "photon_rooms\\{[^}]*\\}") >= 1, "a live room");
            assertTrue(text.contains("photon_games{") && text.contains("app=\"metrics-app\""), "games per lobby");
            assertTrue(value(text, "photon_bytes_out_total\\{[^}]*\\}") > 0);
            assertTrue(text.contains("jvm_memory_used_bytes"), "JVM meters");
        }
    }
}
