package org.photonee.it.support;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/**
 * A throwaway PostgreSQL server from the machine's Debian packages: a fresh cluster under target/, listening on
 * 127.0.0.1 only (no Unix socket outside that directory), trust authentication, stopped and deleted afterwards.
 * PostgreSQL refuses to run as root, so as root it runs as the {@code postgres} user the package creates.
 */
public final class LocalPostgres implements AutoCloseable {
    public static final String USER = "photon";

    private final Path binDir;
    private final Path dataDir;
    private final int port;
    private final boolean asPostgresUser;

    private LocalPostgres(Path binDir, Path dataDir, int port, boolean asPostgresUser) {
        this.binDir = binDir;
        this.dataDir = dataDir;
        this.port = port;
        this.asPostgresUser = asPostgresUser;
    }

    /** The newest installed PostgreSQL's bin directory, if any. */
    public static Optional<Path> installation() {
        File[] versions = new File("/usr/lib/postgresql").listFiles();
        if (versions == null) {
            return Optional.empty();
        }
        return Arrays.stream(versions).map(v -> v.toPath().resolve("bin"))
                .filter(b -> Files.isExecutable(b.resolve("initdb")) && Files.isExecutable(b.resolve("pg_ctl")))
                .max(Comparator.comparing(Path::toString));
    }

    /**
     * Starts a fresh cluster in a new directory under the system temp directory: the checkout may sit below a
     * directory the postgres user cannot enter (e.g. /root), and PostgreSQL must own its data directory.
     */
    public static LocalPostgres start(Path binDir, int port) throws Exception {
        boolean root = "root".equals(System.getProperty("user.name"));
        Path base = Files.createTempDirectory(Path.of(System.getProperty("java.io.tmpdir")), "photon-pg-");
        Path dataDir = base.resolve("data");
        LocalPostgres pg = new LocalPostgres(binDir, dataDir, port, root);
        if (root) {
            run(List.of("chmod", "755", base.toString()));
            run(List.of("mkdir", "-p", dataDir.toString()));
            run(List.of("chown", "postgres:postgres", dataDir.toString()));
        } else {
            Files.createDirectories(dataDir);
        }
        pg.runPg(List.of(binDir.resolve("initdb").toString(), "-D", dataDir.toString(), "-U", USER,
                "--auth=trust", "-E", "UTF8", "--no-locale"));
        pg.startServer();
        return pg;
    }

    private void startServer() throws Exception {
        runPg(List.of(binDir.resolve("pg_ctl").toString(), "-D", dataDir.toString(), "-w", "-t", "60",
                "-l", dataDir.resolve("server.log").toString(),
                "-o", "-h 127.0.0.1 -p " + port + " -k " + dataDir, "start"));
    }

    /** An outage: the server stops at once, cutting every connection; the data stays for {@link #resume()}. */
    public void pause() throws Exception {
        runPg(List.of(binDir.resolve("pg_ctl").toString(), "-D", dataDir.toString(), "-m", "immediate", "-w",
                "stop"));
    }

    /** The end of an outage: the same cluster starts again on the same port. */
    public void resume() throws Exception {
        startServer();
    }

    public String jdbcUrl() {
        return "jdbc:postgresql://127.0.0.1:" + port + "/postgres";
    }

    /** Runs one SQL statement with psql and returns its unaligned output. */
    public String query(String sql) throws Exception {
        return runPg(List.of(binDir.resolve("psql").toString(), "-h", "127.0.0.1", "-p", String.valueOf(port),
                "-U", USER, "-d", "postgres", "-At", "-c", sql)).trim();
    }

    @Override
    public void close() throws Exception {
        try {
            runPg(List.of(binDir.resolve("pg_ctl").toString(), "-D", dataDir.toString(), "-m", "fast", "-w",
                    "stop"));
        } finally {
            PhotonProcess.deleteRecursively(dataDir.getParent().toFile());
        }
    }

    private String runPg(List<String> command) throws Exception {
        List<String> full = new ArrayList<>();
        if (asPostgresUser) {
            full.addAll(List.of("runuser", "-u", "postgres", "--"));
        }
        full.addAll(command);
        return run(full);
    }

    private static String run(List<String> command) throws Exception {
        // Run from the temp directory: PostgreSQL's tools change into their working directory as the postgres user.
        Process p = new ProcessBuilder(command).directory(new File(System.getProperty("java.io.tmpdir")))
                .redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes());
        if (!p.waitFor(90, TimeUnit.SECONDS) || p.exitValue() != 0) {
            throw new IllegalStateException("failed: " + String.join(" ", command) + "\n" + out);
        }
        return out;
    }
}
