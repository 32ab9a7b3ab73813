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
 * Debian's {@code /usr/bin/chromium}, headless, driven by npm {@code playwright-core} (installed into target/ at test
 * time like {@link JsSdk}; never {@code playwright install}: the browser is the system's). Our scripts live in
 * {@code src/test/js}; each prints one JSON object per line.
 */
public final class HeadlessChromium {
    public static final String PLAYWRIGHT_VERSION = "1.65.2";
    public static final Path CHROMIUM = Path.of("/usr/bin/chromium");

    private final Path dir;

    private HeadlessChromium(Path dir) {
        this.dir = dir;
    }

    /**
     * Installs playwright-core (once per build directory).
     *
     * @return empty, with the reason, when Chromium, Node.js or npm is missing or the install fails
     */
    public static synchronized Optional<HeadlessChromium> install(StringBuilder whyNot) throws Exception {
        if (!Files.isExecutable(CHROMIUM)) {
            whyNot.append(CHROMIUM).append(" is missing (Debian package chromium)");
            return Optional.empty();
        }
        File root = new File(System.getProperty("photon.root", ".."));
        Path dir = root.toPath().resolve("src-test/target/playwright").toAbsolutePath();
        if (Files.isDirectory(dir.resolve("node_modules/playwright-core"))) {
            return Optional.of(new HeadlessChromium(dir));
        }
        Files.createDirectories(dir);
        Process p;
        try {
            p = new ProcessBuilder("npm", "install", "--no-audit", "--no-fund", "--no-save", "--prefix",
                    dir.toString(), "playwright-core@" + PLAYWRIGHT_VERSION).redirectErrorStream(true)
                    .redirectOutput(dir.resolve("npm-install.log").toFile()).start();
        } catch (java.io.IOException noNpm) {
            whyNot.append("npm is missing (Debian packages nodejs npm)");
            return Optional.empty();
        }
        if (!p.waitFor(180, TimeUnit.SECONDS) || p.exitValue() != 0) {
            p.destroyForcibly();
            whyNot.append("npm install playwright-core failed, see ").append(dir.resolve("npm-install.log"));
            return Optional.empty();
        }
        return Optional.of(new HeadlessChromium(dir));
    }

    /** Runs one of our scripts (bounded by {@code timeoutSeconds}) and returns its output lines. */
    public List<String> run(int timeoutSeconds, String script, String... args) throws Exception {
        File root = new File(System.getProperty("photon.root", ".."));
        List<String> command = new ArrayList<>(List.of("node",
                root.toPath().resolve("src-test/src/test/js").resolve(script).toAbsolutePath().toString()));
        command.addAll(List.of(args));
        Path out = Files.createTempFile(dir, "run-", ".log");
        ProcessBuilder pb = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(out.toFile());
        pb.environment().put("NODE_PATH", dir.resolve("node_modules").toString());
        pb.environment().put("CHROMIUM", CHROMIUM.toString());
        pb.environment().put("PROFILE_DIR", Files.createTempDirectory(dir, "profile-").toString());
        Process p = pb.start();
        if (!p.waitFor(timeoutSeconds, TimeUnit.SECONDS)) {
            p.destroyForcibly();
        }
        return Files.readAllLines(out, StandardCharsets.UTF_8);
    }
}
