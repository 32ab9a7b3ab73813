package org.photonee.it.micro;

import org.junit.jupiter.api.Test;

import org.photonee.core.codes.ReturnCode;
import org.photonee.it.support.HealthAssertions;
import org.photonee.it.support.MessageClient;
import org.photonee.it.support.ServerProbe;

import java.net.http.HttpResponse;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The Micro WAR, exactly as {@code ./photon run} deploys it, on a managed Payara Micro. */
class MicroDeploymentIT extends MicroWarTest {

    @Test
    void healthIsUpWithAllRolesAndTheDatabase() throws Exception {
        assertTrue(base.toString().contains("/photon"), base.toString());
        HealthAssertions.assertHealthy(new ServerProbe(base));
    }

    @Test
    void statusEndpointAnswersOverWebSocket() throws Exception {
        HealthAssertions.assertStatusOverWebSocket(new ServerProbe(base));
    }

    @Test
    void operatorTakesTheGameServerOutOfRotationAndBack() throws Exception {
        ServerProbe server = new ServerProbe(base);
        HealthAssertions.awaitReady(server);
        try {
            HttpResponse<String> out = server.put("api/admin/server-state", "OutOfRotation");
            assertEquals(200, out.statusCode(), out.body());
            assertTrue(out.body().contains("\"serverState\":\"OUT_OF_ROTATION\""), out.body());
            // The master hears of it at once: no game server in rotation means ServerFull for new rooms.
            try (MessageClient master = MessageClient.binary(server.webSocket("master/?app=a"))) {
                assertEquals(0, master.call(230, 224, "a", 220, "1", 225, "op-test").returnCode());
                long deadline = System.nanoTime() + 5_000_000_000L;
                short code;
                do {
                    code = master.call(227, 255, "r-" + System.nanoTime()).returnCode();
                } while (code == 0 && System.nanoTime() < deadline);
                assertEquals(ReturnCode.SERVER_FULL, code);
            }
            assertEquals(400, server.put("api/admin/server-state", "Sideways").statusCode());
        } finally {
            assertEquals(200, server.put("api/admin/server-state", "Normal").statusCode());
        }
        assertTrue(server.get("api/admin/server-state").body().contains("NORMAL"));
    }

    @Test
    void nettyListenerAnswersHealthOnItsOwnPort() throws Exception {
        HealthAssertions.awaitReady(new ServerProbe(base));
        java.net.URI health = java.net.URI.create("http" + nettyBase().toString().substring(2) + "api/health");
        HttpResponse<String> r = java.net.http.HttpClient.newHttpClient().send(
                java.net.http.HttpRequest.newBuilder(health).GET().build(), HttpResponse.BodyHandlers.ofString());
        assertEquals(200, r.statusCode(), r.body());
        assertTrue(r.body().contains("\"status\":\"UP\""), r.body());
    }

    @Test
    void listensOnLoopbackOnly() throws Exception {
        assertTrue(base.getHost().equals("127.0.0.1") || base.getHost().equals("localhost"), base.toString());
        assertLoopbackOnly(base.getPort());
        assertLoopbackOnly(nettyBase().getPort());
    }

    /** The port answers on loopback and on no other address of this machine. */
    private static void assertLoopbackOnly(int port) throws Exception {
        try (java.net.Socket s = new java.net.Socket()) {
            s.connect(new java.net.InetSocketAddress("127.0.0.1", port), 2000);
        }
        for (java.net.NetworkInterface nic : java.util.Collections.list(java.net.NetworkInterface.getNetworkInterfaces())) {
            for (java.net.InetAddress address : java.util.Collections.list(nic.getInetAddresses())) {
                if (address.isLoopbackAddress() || address.isLinkLocalAddress()) {
                    continue;
                }
                try (java.net.Socket s = new java.net.Socket()) {
                    s.connect(new java.net.InetSocketAddress(address, port), 1000);
                    org.junit.jupiter.api.Assertions.fail("port " + port + " answers on " + address);
                } catch (java.io.IOException refused) {
                    // expected: nothing listens there
                }
            }
        }
    }
}
