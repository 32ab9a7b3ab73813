package org.photonee.it.support;

import java.io.File;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/**
 * The official Photon JavaScript SDK (npm {@code photon-realtime}, proprietary: installed into target/ at test
 * time, never committed), driven by our scripts in {@code src/test/js} on the machine's Node.js.
 */
public final class JsSdk {
    public static final String VERSION = "4.4.0";

    private final Path dir;

    private JsSdk(Path dir) {
        this.dir = dir;
    }

    /** Installs the SDK (once per build directory); empty when Node.js or npm is missing or the install fails. */
    public static synchronized Optional<JsSdk> install() throws Exception {
        File root = new File(System.getProperty("photon.root", ".."));
        Path dir = root.toPath().resolve("src-test/target/jssdk").toAbsolutePath();
        if (Files.isDirectory(dir.resolve("node_modules/photon-realtime"))) {
            return Optional.of(new JsSdk(dir));
        }
        Files.createDirectories(dir);
        Process p;
        try {
            p = new ProcessBuilder("npm", "install", "--no-audit", "--no-fund", "--no-save", "--prefix",
                    dir.toString(), "photon-realtime@" + VERSION).redirectErrorStream(true)
                    .redirectOutput(dir.resolve("npm-install.log").toFile()).start();
        } catch (java.io.IOException noNpm) {
            return Optional.empty();
        }
        if (!p.waitFor(180, TimeUnit.SECONDS) || p.exitValue() != 0) {
            p.destroyForcibly();
            return Optional.empty();
        }
        return Optional.of(new JsSdk(dir));
    }

    /** Runs one of our scripts and returns its output lines (one JSON object each). */
    public List<String> run(String script, String... args) throws Exception {
        File root = new File(System.getProperty("photon.root", ".."));
        List<String> command = new ArrayList<>(List.of("node",
                root.toPath().resolve("src-test/src/test/js").resolve(script).toString()));
        command.addAll(List.of(args));
        Path out = Files.createTempFile(dir, "run-", ".log");
        ProcessBuilder pb = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(out.toFile());
        pb.environment().put("PHOTON_SDK_DIR", dir.toString());
        Process p = pb.start();
        if (!p.waitFor(60, TimeUnit.SECONDS)) {
            p.destroyForcibly();
        }
        return Files.readAllLines(out, StandardCharsets.UTF_8);
    }
}
