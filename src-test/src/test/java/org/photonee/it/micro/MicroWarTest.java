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

import java.net.URI;
import java.net.URL;
import org.photonee.core.peer.Transport;

/**
 * The Micro WAR, exactly as {@code ./photon run} deploys it, on a managed Payara Micro with the Netty listener on:
 * one instance per test class, all roles, tests as black-box clients over {@link #transport()}.
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

    /** The transport the tests talk to; the Netty*IT subclasses run the same tests over the Netty listener. */
    protected Transport transport() {
        return Transport.CONTAINER;
    }

    /** HTTP to the container; WebSockets to the transport under test. */
    protected ServerProbe probe() {
        return transport() == Transport.NETTY ? new ServerProbe(base, nettyBase()) : new ServerProbe(base);
    }

    /** The Netty listener the Micro instance runs ({@code photon.netty.port}, the build's it.micro.netty.port). */
    static URI nettyBase() {
        return URI.create("ws://127.0.0.1:" + Integer.getInteger("micro.netty.port") + "/photon/");
    }
}
