package org.photonee.it.ear;

import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.ShrinkWrap;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.photonee.it.support.HealthAssertions;
import org.photonee.it.support.ServerProbe;

import java.net.URL;

import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The EAR, as an operator deploys it, on a managed WildFly 39 and a managed Payara Server 6 (one failsafe
 * execution each, see src-test/pom.xml). Fails if the EAR does not deploy or does not serve.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class EarDeploymentIT {
    @Deployment(testable = false)
    static EnterpriseArchive ear() {
        return ShrinkWrap.createFromZipFile(EnterpriseArchive.class, ServerProbe.artifact("photon.ear"));
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
    void statusEndpointAnswersOverWebSocket() throws Exception {
        HealthAssertions.assertStatusOverWebSocket(new ServerProbe(base));
    }
}
