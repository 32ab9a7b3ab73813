package org.photonee.it.support;

import java.io.File;
import org.photonee.core.peer.Transport;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/**
 * One Photon instance started exactly as an operator starts it: {@code ./photon run --port N --roles ...} in its
 * own run directory. Stopped with SIGTERM (clean) or killed with SIGKILL (a crash, for fault tests).
 */
public final class PhotonProcess implements AutoCloseable {
    private static final HttpClient HTTP = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(2)).build();

    private final int port;
    private final int nettyPort;
    private final Process launcher;
    private final Path log;
    private final Path runDir;

    private PhotonProcess(int port, int nettyPort, Process launcher, Path log, Path runDir) {
        this.port = port;
        this.nettyPort = nettyPort;
        this.launcher = launcher;
        this.log = log;
        this.runDir = runDir;
    }

    /**
     * Starts {@code ./photon run} from the repository root ({@code photon.root} system property).
     *
     * @param nettyPort the Netty listener's port ({@code --netty-port}; 0 = off)
     * @param extra further launcher options, e.g. "--roles", "game", "--master-url", "ws://..."
     */
    public static PhotonProcess start(int port, int nettyPort, String tokenSecret, String... extra) throws Exception {
        return start(true, port, nettyPort, tokenSecret, extra);
    }

    /** Starts again on the same run directory (same H2 database), as after a server restart. */
    public static PhotonProcess restart(int port, int nettyPort, String tokenSecret, String... extra)
            throws Exception {
        return start(false, port, nettyPort, tokenSecret, extra);
    }

    private static PhotonProcess start(boolean fresh, int port, int nettyPort, String tokenSecret, String... extra)
            throws Exception {
        File root = new File(System.getProperty("photon.root", ".."));
        Path runDir = root.toPath().resolve("src-test/target/cluster/run-" + port).toAbsolutePath();
        if (fresh) {
            deleteRecursively(runDir.toFile());
        }
        runDir.toFile().mkdirs();
        List<String> command = new ArrayList<>(List.of(new File(root, "photon").getAbsolutePath(), "run",
                "--port", String.valueOf(port), "--netty-port", String.valueOf(nettyPort),
                "--run-dir", runDir.toString()));
        command.addAll(List.of(extra));
        Path log = runDir.resolve("launcher.log");
        ProcessBuilder pb = new ProcessBuilder(command).directory(root).redirectErrorStream(true)
                .redirectOutput(log.toFile());
        pb.environment().put("PHOTON_TOKENSECRET", tokenSecret);
        return new PhotonProcess(port, nettyPort, pb.start(), log, runDir);
    }

    public int port() {
        return port;
    }

    /** The instance's run directory (logs, pid file). */
    public Path runDir() {
        return runDir;
    }

    /** Whether the launcher still runs (it exits when the server stops). */
    public boolean isAlive() {
        return launcher.isAlive();
    }

    /** A role's endpoint on the container's listener. */
    public URI webSocket(String role) {
        return webSocket(role, Transport.CONTAINER);
    }

    /** A role's endpoint on one transport's listener ({@code --port} or {@code --netty-port}). */
    public URI webSocket(String role, Transport transport) {
        int p = transport == Transport.NETTY ? nettyPort : port;
        return URI.create("ws://127.0.0.1:" + p + "/photon/" + role);
    }

    /** Waits until the health resource answers 200 (for a game server: registered with its master). */
    public void awaitReady(Duration timeout) throws Exception {
        long deadline = System.nanoTime() + timeout.toNanos();
        URI health = URI.create("http://127.0.0.1:" + port + "/photon/api/health");
        while (System.nanoTime() < deadline) {
            if (!launcher.isAlive()) {
                throw new IllegalStateException("instance on port " + port + " exited; see " + log);
            }
            try {
                HttpResponse<Void> r = HTTP.send(HttpRequest.newBuilder(health).timeout(Duration.ofSeconds(2))
                        .build(), HttpResponse.BodyHandlers.discarding());
                if (r.statusCode() == 200) {
                    return;
                }
            } catch (java.io.IOException notYet) {
                // not listening yet
            }
            Thread.sleep(250);
        }
        throw new IllegalStateException("instance on port " + port + " not ready in " + timeout + "; see " + log);
    }

    /** GET of a path under {@code /photon/}; the body. */
    public String get(String path) throws Exception {
        return HTTP.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/photon/" + path))
                .timeout(Duration.ofSeconds(10)).build(), HttpResponse.BodyHandlers.ofString()).body();
    }

    /** A crash: SIGKILL to the server JVM, no goodbye to anyone. */
    public void kill() throws InterruptedException {
        Optional<ProcessHandle> java = launcher.descendants().filter(p -> p.info().command()
                .map(c -> c.endsWith("java")).orElse(false)).findFirst();
        java.ifPresent(ProcessHandle::destroyForcibly);
        launcher.destroyForcibly();
        launcher.waitFor(10, TimeUnit.SECONDS);
    }

    /** A clean stop (SIGTERM to the launcher, which stops the server). */
    @Override
    public void close() throws Exception {
        if (launcher.isAlive()) {
            launcher.destroy();
            if (!launcher.waitFor(30, TimeUnit.SECONDS)) {
                kill();
            }
        }
        launcher.descendants().forEach(ProcessHandle::destroyForcibly);
    }

    static void deleteRecursively(File f) {
        File[] children = f.listFiles();
        if (children != null) {
            for (File c : children) {
                deleteRecursively(c);
            }
        }
        f.delete();
    }
}
