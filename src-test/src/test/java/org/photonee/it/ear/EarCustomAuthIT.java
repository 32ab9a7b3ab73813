package org.photonee.it.ear;

import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.ShrinkWrap;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.photonee.client.AuthValues;
import org.photonee.client.LoadBalancingClient;
import org.photonee.client.Room;
import org.photonee.client.RoomOptions;
import org.photonee.core.codes.OperationCode;
import org.photonee.core.codes.ParameterCode;
import org.photonee.core.codes.ReturnCode;
import org.photonee.core.protocol.OperationResponse;
import org.photonee.it.support.HealthAssertions;
import org.photonee.it.support.MessageClient;
import org.photonee.it.support.ServerProbe;
import org.photonee.it.support.TestAuthService;

import java.net.URL;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Custom authentication with the EAR on WildFly and on Payara Server: the servers are configured with the same
 * {@code photon.auth.*} keys as a Payara Micro run (as JVM system properties, see src-test/pom.xml and
 * arquillian.xml; allowAnonymous keeps the anonymous flows of the other EAR tests working) and ask a service this
 * test stands up on 127.0.0.1:18185.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class EarCustomAuthIT {
    static final int SERVICE_PORT = 18185;
    private static TestAuthService service;

    @Deployment(testable = false)
    static EnterpriseArchive ear() {
        return ShrinkWrap.createFromZipFile(EnterpriseArchive.class, ServerProbe.artifact("photon.ear"));
    }

    @ArquillianResource
    private URL base;

    @BeforeAll
    static void startService() throws Exception {
        service = TestAuthService.start(SERVICE_PORT);
    }

    @AfterAll
    static void stopService() {
        if (service != null) {
            service.close();
        }
    }

    @Test
    void aPlayerLogsInThroughTheServiceAndPlays() throws Exception {
        ServerProbe probe = new ServerProbe(base);
        HealthAssertions.awaitReady(probe);
        try (LoadBalancingClient client = new LoadBalancingClient("app", "1.0")) {
            client.setAuthValues(AuthValues.ANONYMOUS.withCustomAuth("user=ok-ear", null));
            client.connectToRegionMaster(probe.webSocket("ns"), "eu").toCompletableFuture().get(30, TimeUnit.SECONDS);
            assertEquals("svc-ear", client.userId());
            Room room = client.createRoom("ear-auth-room", RoomOptions.defaults()).toCompletableFuture()
                    .get(30, TimeUnit.SECONDS);
            assertEquals(1, room.localActorNr());
        }
        assertEquals("/auth?user=ok-ear", service.last().pathAndQuery());
    }

    @Test
    void aRefusedPlayerGetsTheServicesMessage() throws Exception {
        try (MessageClient c = MessageClient.binary(new ServerProbe(base).webSocket("ns"))) {
            OperationResponse r = c.call(OperationCode.AUTHENTICATE, ParameterCode.APPLICATION_ID, "app",
                    ParameterCode.CLIENT_AUTHENTICATION_PARAMS, "user=denied");
            assertEquals(ReturnCode.CUSTOM_AUTHENTICATION_FAILED, r.returnCode());
            assertEquals("Invalid credentials", r.debugMessage());
        }
    }

    @Test
    void theAdminApiAnswersLoopbackCallersWithoutAnIssuer() throws Exception {
        var r = new ServerProbe(base).get("api/admin/servers");
        assertEquals(200, r.statusCode(), r.body());
        assertTrue(r.body().contains("\"servers\""), r.body());
    }
}
