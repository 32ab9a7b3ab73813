package org.photonee.it.ear;

import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.ShrinkWrap;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.photonee.core.codes.OperationCode;
import org.photonee.core.codes.ParameterCode;
import org.photonee.core.codes.ReturnCode;
import org.photonee.it.support.HealthAssertions;
import org.photonee.it.support.MessageClient;
import org.photonee.it.support.ServerProbe;

import java.io.File;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Configuration and logging through each server's own management tools, observed on a live client flow: a key set
 * with {@code asadmin set-config-property} (Payara Server) or a {@code jboss-cli} system property (WildFly) lowers
 * {@code photon.maxOperationsPerSecond} and the next burst is answered OperationLimitReached; a logger raised with
 * {@code asadmin set-log-levels} or the logging subsystem makes the session log appear in server.log. Both changes
 * are undone at the end, so the other EAR tests see the defaults.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class EarConsoleIT {
    @Deployment(testable = false)
    static EnterpriseArchive ear() {
        return ShrinkWrap.createFromZipFile(EnterpriseArchive.class, ServerProbe.artifact("photon.ear"));
    }

    @ArquillianResource
    private URL base;

    private static boolean payara() {
        return "payara-server".equals(System.getProperty("arquillian.launch"));
    }

    /** One management command on the server under test, the way an operator types it. */
    private static String manage(String... command) throws Exception {
        List<String> full = new ArrayList<>();
        if (payara()) {
            full.add(new File(System.getProperty("payara.home"), "bin/asadmin").getPath());
            full.addAll(List.of("--host", "127.0.0.1", "--port", "4848", "--interactive=false"));
            full.addAll(List.of(command));
        } else {
            full.add(new File(System.getProperty("wildfly.home"), "bin/jboss-cli.sh").getPath());
            full.addAll(List.of("--connect", "--controller=127.0.0.1:10090", "--command=" + String.join(" ", command)));
        }
        Process p = new ProcessBuilder(full).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(p.waitFor(120, TimeUnit.SECONDS), "management command hung: " + full);
        assertEquals(0, p.exitValue(), full + " failed: " + out);
        return out;
    }

    private static void setKey(String key, String value) throws Exception {
        if (payara()) {
            manage("set-config-property", "--propertyName=" + key, "--propertyValue=" + value, "--source=domain");
        } else {
            manage("/system-property=" + key + ":add(value=" + value + ")");
        }
    }

    private static void removeKey(String key) throws Exception {
        if (payara()) {
            manage("delete-config-property", "--propertyName=" + key, "--source=domain");
        } else {
            manage("/system-property=" + key + ":remove");
        }
    }

    private static void setLogger(String logger, boolean debug) throws Exception {
        if (payara()) {
            manage("set-log-levels", logger + "=" + (debug ? "FINE" : "INFO"));
        } else if (debug) {
            manage("/subsystem=logging/logger=" + logger + ":add(level=DEBUG)");
        } else {
            manage("/subsystem=logging/logger=" + logger + ":remove");
        }
    }

    private static Path serverLog() {
        return payara()
                ? Path.of(System.getProperty("payara.home"), "glassfish/domains/domain1/logs/server.log")
                : Path.of(System.getProperty("wildfly.home"), "standalone/log/server.log");
    }

    private void awaitEffectiveRate(ServerProbe probe, int expected) throws Exception {
        long deadline = System.nanoTime() + 90_000_000_000L;
        String body = "";
        while (System.nanoTime() < deadline) {
            body = probe.get("api/admin/config").body();
            if (body.contains("\"photon.maxOperationsPerSecond\":" + expected + ",")) {
                return;
            }
            Thread.sleep(500);
        }
        throw new AssertionError("photon.maxOperationsPerSecond did not become " + expected + ": " + body);
    }

    @Test
    void aKeySetWithTheServersToolLimitsALiveClient() throws Exception {
        ServerProbe probe = new ServerProbe(base);
        HealthAssertions.awaitReady(probe);
        setKey("photon.maxOperationsPerSecond", "5");
        try {
            awaitEffectiveRate(probe, 5);
            String config = probe.get("api/admin/config?key=photon.maxOperationsPerSecond").body();
            assertTrue(config.contains("\"value\":\"5\""), config);
            int limited = 0;
            try (MessageClient c = MessageClient.binary(probe.webSocket("ns"))) {
                for (int i = 0; i < 12; i++) {
                    short code = c.call(OperationCode.GET_REGIONS, ParameterCode.APPLICATION_ID, "app").returnCode();
                    if (code == ReturnCode.OPERATION_LIMIT_REACHED) {
                        limited++;
                    }
                }
            }
            assertTrue(limited > 0, "a burst of 12 operations over a limit of 5 per second is limited");
        } finally {
            removeKey("photon.maxOperationsPerSecond");
            awaitEffectiveRate(probe, 500);
        }
    }

    @Test
    void aLoggerRaisedWithTheServersToolWritesTheSessionLog() throws Exception {
        ServerProbe probe = new ServerProbe(base);
        HealthAssertions.awaitReady(probe);
        String marker = "console-user-" + System.nanoTime();
        setLogger("org.photonee.sessions", true);
        try {
            long deadline = System.nanoTime() + 30_000_000_000L;
            boolean seen = false;
            while (!seen && System.nanoTime() < deadline) {
                try (MessageClient c = MessageClient.binary(probe.webSocket("ns"))) {
                    assertEquals(0, c.call(OperationCode.AUTHENTICATE, ParameterCode.APPLICATION_ID, "app",
                            ParameterCode.USER_ID, marker).returnCode());
                }
                Thread.sleep(1000);
                seen = Files.readString(serverLog(), StandardCharsets.ISO_8859_1)
                        .contains("authenticate peer=") && Files.readString(serverLog(), StandardCharsets.ISO_8859_1)
                        .contains("user=" + marker);
            }
            assertTrue(seen, "the session log line for " + marker + " is in " + serverLog());
        } finally {
            setLogger("org.photonee.sessions", false);
        }
    }
}
