package org.photonee.it.micro;

import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.ShrinkWrap;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.extension.ExtendWith;
import org.photonee.it.support.ServerProbe;
import org.photonee.it.support.WaitForFreePort;

import java.net.URL;

/**
 * The Micro WAR, exactly as {@code ./photon run} deploys it, on a managed Payara Micro: one instance per test
 * class, all roles, tests as black-box clients.
 */
@ExtendWith({WaitForFreePort.class, ArquillianExtension.class})
@RunAsClient
abstract class MicroWarTest {
    @Deployment(testable = false)
    static WebArchive microWar() {
        return ShrinkWrap.createFromZipFile(WebArchive.class, ServerProbe.artifact("photon.micro.war"));
    }

    /** The application's base URL, e.g. http://localhost:18080/photon/. */
    @ArquillianResource
    protected URL base;
}
