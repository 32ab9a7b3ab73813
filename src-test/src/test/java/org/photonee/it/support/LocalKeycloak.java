package org.photonee.it.support;

import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;

/**
 * A real Keycloak (the {@code keycloak-quarkus-dist} zip from Maven Central, unpacked by the build) in dev mode on
 * 127.0.0.1:18180, with the realms of {@code src/test/resources/keycloak} imported into a fresh data directory.
 * Runs on the machine's JDK 25 when there is one (Keycloak's recommended runtime), else on the test's own Java.
 * Dev mode keeps its caches local and, with health and metrics off, opens no management port.
 */
public final class LocalKeycloak implements AutoCloseable {
    public static final int PORT = 18180;
    public static final String BASE = "http://127.0.0.1:" + PORT;
    private static final Duration START_TIMEOUT = Duration.ofSeconds(240);
    private static final HttpClient HTTP = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5)).build();

    private final Process process;
    private final Path home;

    private LocalKeycloak(Process process, Path home) {
        this.process = process;
        this.home = home;
    }

    /** The unpacked distribution, when the build provided it. */
    public static Optional<Path> distribution() {
        String dir = System.getProperty("keycloak.home");
        return dir != null && Files.isExecutable(Path.of(dir, "bin", "kc.sh")) ? Optional.of(Path.of(dir))
                : Optional.empty();
    }

    /** Starts Keycloak on a copy of the distribution and waits until the photon realm answers. */
    public static LocalKeycloak start(Path distribution) throws Exception {
        WaitForFreePort.await(PORT, Duration.ofSeconds(30));
        Path home = distribution.resolveSibling("keycloak-run");
        PhotonProcess.deleteRecursively(home.toFile());
        copyTree(distribution, home);
        Path imports = Files.createDirectories(home.resolve("data/import"));
        for (String realm : List.of("photon-realm.json", "other-realm.json")) {
            try (InputStream in = LocalKeycloak.class.getResourceAsStream("/keycloak/" + realm)) {
                Files.copy(in, imports.resolve(realm), StandardCopyOption.REPLACE_EXISTING);
            }
        }
        List<String> command = new ArrayList<>(List.of(home.resolve("bin/kc.sh").toString(), "start-dev",
                "--http-host=127.0.0.1", "--http-port=" + PORT, "--import-realm", "--health-enabled=false",
                "--metrics-enabled=false"));
        ProcessBuilder pb = new ProcessBuilder(command).directory(home.toFile()).redirectErrorStream(true)
                .redirectOutput(home.resolve("keycloak.log").toFile());
        pb.environment().put("JAVA_HOME", javaHome());
        pb.environment().put("KC_BOOTSTRAP_ADMIN_USERNAME", "admin");
        pb.environment().put("KC_BOOTSTRAP_ADMIN_PASSWORD", "admin");
        pb.environment().put("JAVA_OPTS_APPEND", "-Djava.net.preferIPv4Stack=true");
        LocalKeycloak kc = new LocalKeycloak(pb.start(), home);
        kc.awaitReady();
        return kc;
    }

    private static String javaHome() {
        File temurin25 = new File("/usr/lib/jvm/temurin-25-jdk-amd64");
        if (new File(temurin25, "bin/java").canExecute()) {
            return temurin25.getPath();
        }
        File[] jvms = new File("/usr/lib/jvm").listFiles((d, n) -> n.contains("25"));
        if (jvms != null) {
            for (File j : jvms) {
                if (new File(j, "bin/java").canExecute()) {
                    return j.getPath();
                }
            }
        }
        return System.getProperty("java.home");
    }

    private void awaitReady() throws Exception {
        long deadline = System.nanoTime() + START_TIMEOUT.toNanos();
        URI probe = URI.create(BASE + "/realms/photon/.well-known/openid-configuration");
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                throw new IllegalStateException("Keycloak exited with " + process.exitValue() + ": " + logTail());
            }
            try {
                if (HTTP.send(HttpRequest.newBuilder(probe).timeout(Duration.ofSeconds(5)).build(),
                        HttpResponse.BodyHandlers.discarding()).statusCode() == 200) {
                    return;
                }
            } catch (IOException e) {
                // not listening yet
            }
            Thread.sleep(1000);
        }
        close();
        throw new IllegalStateException("Keycloak was not ready within " + START_TIMEOUT.toSeconds() + " s: "
                + logTail());
    }

    public String logTail() {
        try {
            List<String> lines = Files.readAllLines(home.resolve("keycloak.log"));
            return String.join("\n", lines.subList(Math.max(0, lines.size() - 30), lines.size()));
        } catch (IOException e) {
            return "(no log)";
        }
    }

    public static String issuer(String realm) {
        return BASE + "/realms/" + realm;
    }

    /** A user's access token from the password grant, through {@code base} (which decides the token's iss). */
    public String accessToken(String base, String realm, String clientId, String user, String password)
            throws Exception {
        Map<String, String> form = Map.of("grant_type", "password", "client_id", clientId, "username", user,
                "password", password, "scope", "openid");
        HttpResponse<String> r = HTTP.send(HttpRequest.newBuilder(
                        URI.create(base + "/realms/" + realm + "/protocol/openid-connect/token"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(formBody(form))).timeout(Duration.ofSeconds(30)).build(),
                HttpResponse.BodyHandlers.ofString());
        if (r.statusCode() != 200) {
            throw new IllegalStateException("token request for " + user + " failed: " + r.statusCode() + " "
                    + r.body());
        }
        return jsonString(r.body(), "access_token");
    }

    public String accessToken(String clientId, String user, String password) throws Exception {
        return accessToken(BASE, "photon", clientId, user, password);
    }

    /**
     * Rotates the realm's signing key: a new RSA key provider with a higher priority, so new tokens carry a new
     * key id (the old key stays published).
     */
    public void rotateKeys(String realm) throws Exception {
        String admin = accessToken(BASE, "master", "admin-cli", "admin", "admin");
        String component = "{\"name\":\"rotated-" + System.nanoTime() + "\",\"providerId\":\"rsa-generated\","
                + "\"providerType\":\"org.keycloak.keys.KeyProvider\",\"parentId\":\"" + realm + "\","
                + "\"config\":{\"priority\":[\"" + (1000 + System.currentTimeMillis() % 100000) + "\"],"
                + "\"enabled\":[\"true\"],\"active\":[\"true\"],\"keySize\":[\"2048\"],\"algorithm\":[\"RS256\"]}}";
        HttpResponse<String> r = HTTP.send(HttpRequest.newBuilder(
                        URI.create(BASE + "/admin/realms/" + realm + "/components"))
                .header("Authorization", "Bearer " + admin).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(component)).timeout(Duration.ofSeconds(30)).build(),
                HttpResponse.BodyHandlers.ofString());
        if (r.statusCode() != 201) {
            throw new IllegalStateException("adding a key provider failed: " + r.statusCode() + " " + r.body());
        }
    }

    private static String formBody(Map<String, String> form) {
        return form.entrySet().stream().map(e -> URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8) + "="
                + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8)).collect(Collectors.joining("&"));
    }

    static String jsonString(String json, String key) {
        try (jakarta.json.JsonReader reader = jakarta.json.Json.createReader(new java.io.StringReader(json))) {
            return reader.readObject().getString(key);
        }
    }

    @Override
    public void close() throws Exception {
        process.destroy();
        if (!process.waitFor(30, TimeUnit.SECONDS)) {
            process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
        }
    }

    private static void copyTree(Path from, Path to) throws IOException {
        try (var paths = Files.walk(from)) {
            for (Path p : (Iterable<Path>) paths::iterator) {
                Path target = to.resolve(from.relativize(p).toString());
                if (Files.isDirectory(p)) {
                    Files.createDirectories(target);
                } else {
                    Files.copy(p, target, StandardCopyOption.COPY_ATTRIBUTES);
                }
            }
        }
    }
}
