package org.photonee.it.support;

import java.net.http.HttpResponse;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The checks every deployment of Photon must pass, whatever the server. */
public final class HealthAssertions {
    private HealthAssertions() {
    }

    /** Waits (up to 30 s) until the node reports ready: roles started, game server registered with its master. */
    public static void awaitReady(ServerProbe server) throws Exception {
        long deadline = System.nanoTime() + 30_000_000_000L;
        HttpResponse<String> health = server.get("api/health");
        while (health.statusCode() != 200 && System.nanoTime() < deadline) {
            Thread.sleep(200);
            health = server.get("api/health");
        }
        assertEquals(200, health.statusCode(), health.body());
    }

    public static void assertHealthy(ServerProbe server) throws Exception {
        awaitReady(server);
        HttpResponse<String> health = server.get("api/health");
        assertEquals(200, health.statusCode(), health.body());
        assertTrue(health.headers().firstValue("Content-Type").orElse("").startsWith("application/json"));
        String body = health.body();
        assertTrue(body.contains("\"status\":\"UP\""), body);
        assertTrue(body.contains("\"database\":\"UP\""), body);
        assertTrue(body.contains("\"roles\":[\"ns\",\"master\",\"game\"]"), body);
        assertTrue(body.matches(".*\"uptimeMs\":\\d+.*"), body);
    }

    public static void assertStatusOverWebSocket(ServerProbe server) throws Exception {
        String status = server.firstTextMessage("status");
        assertTrue(status.contains("\"status\":\"UP\""), status);
        assertTrue(status.contains("\"version\":"), status);
    }
}
