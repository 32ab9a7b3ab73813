package org.photonee.it.micro;

import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.ShrinkWrap;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.photonee.it.support.HealthAssertions;
import org.photonee.it.support.ServerProbe;

import java.net.URL;

import static org.junit.jupiter.api.Assertions.assertTrue;

/** The Micro WAR, exactly as {@code ./photon run} deploys it, on a managed Payara Micro. */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class MicroDeploymentIT {
    @Deployment(testable = false)
    static WebArchive microWar() {
        return ShrinkWrap.createFromZipFile(WebArchive.class, ServerProbe.artifact("photon.micro.war"));
    }

    @ArquillianResource
    private URL base;

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
    void listensOnLoopbackOnly() {
        assertTrue(base.getHost().equals("127.0.0.1") || base.getHost().equals("localhost"), base.toString());
    }
}
