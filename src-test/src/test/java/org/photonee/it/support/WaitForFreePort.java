package org.photonee.it.support;

import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;

/**
 * Waits until the Payara Micro test ports (HTTP and Netty) are free before Arquillian starts the next instance. The previous test
 * class's instance may still be shutting down; Payara Micro would otherwise bind the next port, and the addresses
 * the roles hand out ({@code photon.publicUrl}, fixed to the configured port) would point at nothing. Register it
 * before {@code ArquillianExtension}.
 */
public final class WaitForFreePort implements BeforeAllCallback {
    @Override
    public void beforeAll(ExtensionContext context) throws Exception {
        for (String property : new String[]{"micro.port", "micro.netty.port"}) {
            String value = System.getProperty(property);
            if (value != null) {
                await(Integer.parseInt(value), java.time.Duration.ofSeconds(60));
            }
        }
    }

    /** Waits until nothing listens on the loopback port any more. */
    public static void await(int port, java.time.Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (!isFree(port)) {
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("port " + port + " still in use after " + timeout.toSeconds() + " s");
            }
            Thread.sleep(200);
        }
    }

    private static boolean isFree(int port) {
        try (ServerSocket s = new ServerSocket(port, 1, InetAddress.getLoopbackAddress())) {
            s.setReuseAddress(true);
            return true;
        } catch (IOException inUse) {
            return false;
        }
    }
}
