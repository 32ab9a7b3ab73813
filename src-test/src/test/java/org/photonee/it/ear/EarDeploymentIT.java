package org.photonee.it.ear;

import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.ShrinkWrap;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.photonee.core.protocol.OperationResponse;
import org.photonee.it.support.HealthAssertions;
import org.photonee.it.support.JsonPlayer;
import org.photonee.it.support.MessageClient;
import org.photonee.it.support.ServerProbe;

import org.photonee.client.RaiseEventOptions;
import org.photonee.client.RoomOptions;
import org.photonee.core.codes.ParameterCode;
import org.photonee.it.support.TestPlayer;

import java.net.URI;
import java.net.URL;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The EAR, as an operator deploys it, on a managed WildFly 39 and a managed Payara Server 6 (one failsafe
 * execution each, see src-test/pom.xml). Fails if the EAR does not deploy or does not serve, or if a client flow
 * fails over the container endpoints or over the Netty listener.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class EarDeploymentIT {
    /** The product EAR with the example plugin jar in its lib/, the way a studio deploys its own plugin. */
    @Deployment(testable = false)
    static EnterpriseArchive ear() {
        EnterpriseArchive ear = ShrinkWrap.createFromZipFile(EnterpriseArchive.class,
                ServerProbe.artifact("photon.ear"));
        ear.addAsLibrary(ServerProbe.artifact("photon.example.plugin"), "example-turn-referee.jar");
        return ear;
    }

    @ArquillianResource
    private URL base;

    @Test
    void servesUnderContextRootPhoton() {
        assertTrue(base.getPath().startsWith("/photon"), base.toString());
    }

    @Test
    void healthIsUpWithAllRolesAndTheDatabase() throws Exception {
        HealthAssertions.assertHealthy(new ServerProbe(base));
    }

    @Test
    void theExamplePluginFromLibRefereesARoomChosenByName() throws Exception {
        ServerProbe server = new ServerProbe(base);
        HealthAssertions.awaitReady(server);
        try (MessageClient alice = JsonPlayer.enter(server, "1.0", "ear-alice", 227, "ear-chess",
                ",204,[\"TurnReferee\"]")) {
            assertEquals("TurnReferee", JsonPlayer.lastJoin().parameters().get(201));
            try (MessageClient bob = JsonPlayer.enter(server, "1.0", "ear-bob", 226, "ear-chess", "")) {
                OperationResponse refused = bob.call(253, 244, 1, 245, "e5");
                assertEquals(32752, refused.returnCode());
                assertEquals("Not your turn: it is actor 1's", refused.debugMessage());
                alice.send(253, 244, 1, 245, "e4");
                assertEquals("e4", bob.event(1).parameters().get(245));
            }
        }
    }

    /** The same WAR's dashboard in the EAR: the page, its bundled chart library, its data and its event stream. */
    @Test
    void dashboardPageDataAndEventsAreServed() throws Exception {
        ServerProbe server = new ServerProbe(base);
        var page = server.get("dashboard/");
        assertEquals(200, page.statusCode());
        assertTrue(page.body().contains("Photon EE dashboard"), page.body());
        assertEquals(200, server.get("dashboard/vendor/uPlot.esm.js").statusCode(), "uPlot bundled in the WAR");
        var overview = server.get("api/admin/dashboard/overview");
        assertEquals(200, overview.statusCode(), overview.body());
        assertTrue(overview.body().contains("\"servers\":[{"), "the EAR's own game server: " + overview.body());
        var client = java.net.http.HttpClient.newBuilder().version(java.net.http.HttpClient.Version.HTTP_1_1).build();
        var events = client.send(java.net.http.HttpRequest.newBuilder(server.base().resolve("api/admin/dashboard/events"))
                .header("Accept", "text/event-stream").timeout(java.time.Duration.ofSeconds(15)).build(),
                java.net.http.HttpResponse.BodyHandlers.ofLines());
        assertEquals(200, events.statusCode());
        try (var lines = events.body()) {
            assertTrue(lines.limit(50).anyMatch(l -> l.replace(" ", "").equals("event:overview")),
                    "server-sent overview");
        }
    }

    @Test
    void statusEndpointAnswersOverWebSocket() throws Exception {
        HealthAssertions.assertStatusOverWebSocket(new ServerProbe(base));
    }

    @Test
    void twoPlayersMeetInARoomOverTheContainerEndpoints() throws Exception {
        assertTwoPlayersMeet(new ServerProbe(base), "container");
    }

    /** The EAR starts the Netty listener on the configured loopback port ({@code photon.netty.port}). */
    @Test
    void twoPlayersMeetInARoomOverNetty() throws Exception {
        URI netty = URI.create("ws://127.0.0.1:" + Integer.getInteger("ear.netty.port") + "/photon/");
        assertTwoPlayersMeet(new ServerProbe(base, netty), "netty");
    }

    /** Name server → master → game server, create and join by name, an event each way, on one transport. */
    private static void assertTwoPlayersMeet(ServerProbe server, String tag) throws Exception {
        HealthAssertions.awaitReady(server);
        String room = "ear-" + tag;
        try (TestPlayer alice = TestPlayer.onMaster(server, tag, "alice");
             TestPlayer bob = TestPlayer.onMaster(server, tag, "bob")) {
            alice.await(alice.client().createRoom(room, RoomOptions.defaults()));
            bob.await(bob.client().joinRoom(room));
            alice.client().raiseEvent(1, "hello " + tag, RaiseEventOptions.DEFAULT);
            assertEquals("hello " + tag, bob.event(1).parameters().get(ParameterCode.DATA));
            bob.client().raiseEvent(2, "hi", RaiseEventOptions.DEFAULT);
            assertEquals("hi", alice.event(2).parameters().get(ParameterCode.DATA));
        }
    }
}
