package org.photonee.it.cluster;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.photonee.client.AuthValues;
import org.photonee.client.LoadBalancingClient;
import org.photonee.client.Room;
import org.photonee.client.RoomOptions;
import org.photonee.core.auth.AesGcmTokenCodec;
import org.photonee.core.auth.AuthToken;
import org.photonee.core.codes.OperationCode;
import org.photonee.core.codes.ParameterCode;
import org.photonee.core.codes.ReturnCode;
import org.photonee.core.peer.Transport;
import org.photonee.core.protocol.OperationResponse;
import org.photonee.it.support.JsSdk;
import org.photonee.it.support.LocalKeycloak;
import org.photonee.it.support.MessageClient;
import org.photonee.it.support.PhotonProcess;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Enterprise SSO against a real Keycloak on 127.0.0.1: players log in with their identity provider's access token
 * (password grant) on ClientAuthenticationType 0 (the official clients) and 9 (Jwt), through the Java client and the
 * official JavaScript SDK; every bad token is refused naming the failed check; a rotated realm key is picked up;
 * the admin API wants an operator's token.
 */
@Timeout(value = 10, unit = TimeUnit.MINUTES)
class OidcSsoIT {
    private static final int PORT = 18680;
    private static final int NETTY_PORT = 19680;
    private static final String SECRET = "oidc-secret";
    private static final String ISSUER = LocalKeycloak.issuer("photon");
    private static final HttpClient HTTP = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
    private static LocalKeycloak keycloak;
    private static PhotonProcess server;

    @BeforeAll
    static void start() throws Exception {
        Optional<Path> dist = LocalKeycloak.distribution();
        Assumptions.assumeTrue(dist.isPresent(), "Keycloak distribution not unpacked (keycloak.home): SSO tests skipped");
        try {
            keycloak = LocalKeycloak.start(dist.get());
        } catch (IllegalStateException e) {
            Assumptions.abort("Keycloak could not start here, SSO tests skipped: " + e.getMessage());
        }
        String[] provider = {"issuer=" + ISSUER, "audience=photon-api", "cookieClaims=groups,email",
                "clockSkewSeconds=1", "jwksRefreshMinIntervalMs=1000"};
        List<String> args = new java.util.ArrayList<>(List.of("-Dphoton.auth.enabled=true",
                "-Dphoton.auth.providers=sso,jwt", "-Dphoton.auth.sso.type=0", "-Dphoton.auth.jwt.type=9",
                "-Dphoton.admin.issuer=" + ISSUER, "-Dphoton.admin.audience=photon-api",
                "-Dphoton.admin.clientId=photon-dashboard", "-Dphoton.admin.clientSecret=dashboard-secret",
                "-Dphoton.auth.failureDisconnectMinMs=5000", "-Dphoton.auth.failureDisconnectMaxMs=5000"));
        for (String name : List.of("sso", "jwt")) {
            for (String kv : provider) {
                args.add("-Dphoton.auth." + name + "." + kv);
            }
        }
        server = PhotonProcess.start(PORT, NETTY_PORT, SECRET, args.toArray(String[]::new));
        server.awaitReady(Duration.ofSeconds(240));
    }

    @AfterAll
    static void stop() throws Exception {
        if (server != null) {
            server.close();
        }
        if (keycloak != null) {
            keycloak.close();
        }
    }

    private static String playerToken() throws Exception {
        return keycloak.accessToken("photon-game", "player1", "player1-pass");
    }

    private static String claim(String jwt, String name) {
        String payload = new String(Base64.getUrlDecoder().decode(jwt.split("\\.")[1]), StandardCharsets.UTF_8);
        try (jakarta.json.JsonReader r = jakarta.json.Json.createReader(new java.io.StringReader(payload))) {
            return r.readObject().getString(name);
        }
    }

    private static OperationResponse authenticate(int type, String params, Object data) throws Exception {
        try (MessageClient c = MessageClient.binary(server.webSocket("ns"))) {
            return data == null
                    ? c.call(OperationCode.AUTHENTICATE, ParameterCode.APPLICATION_ID, "app",
                            ParameterCode.CLIENT_AUTHENTICATION_TYPE, (byte) type,
                            ParameterCode.CLIENT_AUTHENTICATION_PARAMS, params)
                    : c.call(OperationCode.AUTHENTICATE, ParameterCode.APPLICATION_ID, "app",
                            ParameterCode.CLIENT_AUTHENTICATION_TYPE, (byte) type,
                            ParameterCode.CLIENT_AUTHENTICATION_DATA, data);
        }
    }

    private static String refusal(String token) throws Exception {
        OperationResponse r = authenticate(0, null, token);
        assertEquals(ReturnCode.CUSTOM_AUTHENTICATION_FAILED, r.returnCode(), r.debugMessage());
        return r.debugMessage();
    }

    @Test
    void aPlayerLogsInWithTheIdentityProvidersTokenAndPlays() throws Exception {
        String jwt = playerToken();
        for (Transport transport : Transport.values()) {
            try (LoadBalancingClient client = new LoadBalancingClient("app", "1.0")) {
                client.setAuthValues(AuthValues.ANONYMOUS.withCustomAuth(null, jwt));
                client.connectToRegionMaster(server.webSocket("ns", transport), "eu").toCompletableFuture()
                        .get(30, TimeUnit.SECONDS);
                assertEquals(claim(jwt, "sub"), client.userId(), "the user id is the token's sub");
                Room room = client.createRoom("sso-room-" + transport, RoomOptions.defaults()).toCompletableFuture()
                        .get(30, TimeUnit.SECONDS);
                assertEquals(1, room.localActorNr(), transport.toString());
            }
        }
    }

    @Test
    void typeNineWithTheTokenInTheParamsCarriesClaimsIntoTheAuthCookie() throws Exception {
        OperationResponse r = authenticate(9, "token=" + playerToken(), null);
        assertEquals(0, r.returnCode(), r.debugMessage());
        assertEquals("player1", r.parameters().get(ParameterCode.NICKNAME));
        AuthToken token = new AesGcmTokenCodec(SECRET).decode((String) r.parameters().get(ParameterCode.TOKEN));
        assertEquals(List.of("players"), Arrays.asList((Object[]) token.authCookie().get("groups")));
        assertEquals("player1@example.test", token.authCookie().get("email"));
        assertTrue(token.expiresAtMillis() - System.currentTimeMillis() > 1_000_000,
                "Photon's token keeps its own lifetime, not the 5-minute access token's");
    }

    @Test
    void everyBadTokenIsRefusedSayingWhichCheckFailed() throws Exception {
        String good = playerToken();
        String[] parts = good.split("\\.");
        String forgedPayload = Base64.getUrlEncoder().withoutPadding().encodeToString(
                new String(Base64.getUrlDecoder().decode(parts[1]), StandardCharsets.UTF_8)
                        .replace("player1", "player2").getBytes(StandardCharsets.UTF_8));
        assertEquals("Token refused: signature invalid", refusal(parts[0] + "." + forgedPayload + "." + parts[2]));
        String none = Base64.getUrlEncoder().withoutPadding().encodeToString(
                "{\"alg\":\"none\",\"typ\":\"JWT\"}".getBytes(StandardCharsets.UTF_8));
        assertEquals("Token refused: algorithm 'none' is not allowed (unsecured token)",
                refusal(none + "." + parts[1] + "."));
        assertTrue(refusal(keycloak.accessToken("other-app", "player1", "player1-pass"))
                .startsWith("Token refused: wrong audience"));
        assertTrue(refusal(keycloak.accessToken("http://localhost:" + LocalKeycloak.PORT, "photon", "photon-game",
                "player1", "player1-pass")).startsWith("Token refused: wrong issuer 'http://localhost:"));
        assertTrue(refusal(keycloak.accessToken(LocalKeycloak.BASE, "other", "photon-game", "player1",
                "player1-pass")).startsWith("Token refused: unknown signing key"));
        String shortLived = keycloak.accessToken("photon-short", "player1", "player1-pass");
        Thread.sleep(3_000);
        assertEquals("Token refused: expired", refusal(shortLived));
        assertFalse(serverLogsContain(parts[2]), "tokens are never logged");
    }

    @Test
    void aRotatedRealmKeyIsPickedUp() throws Exception {
        String before = playerToken();
        assertEquals(0, authenticate(0, null, before).returnCode());
        keycloak.rotateKeys("photon");
        String after = playerToken();
        assertFalse(header(before).equals(header(after)), "the new token is signed with the new key");
        Thread.sleep(1_100);
        OperationResponse r = authenticate(0, null, after);
        assertEquals(0, r.returnCode(), r.debugMessage());
    }

    @Test
    void theAdminApiWantsAnOperatorsToken() throws Exception {
        assertEquals(401, admin(null).statusCode());
        HttpResponse<String> player = admin(playerToken());
        assertEquals(403, player.statusCode());
        assertTrue(player.body().contains("photon-admin"), player.body());
        HttpResponse<String> operator = admin(keycloak.accessToken("photon-game", "operator1", "operator1-pass"));
        assertEquals(200, operator.statusCode(), operator.body());
        assertTrue(operator.body().contains("\"servers\""), operator.body());
        assertEquals(401, admin("not-a-token").statusCode());
    }

    @Test
    void theOfficialJavaScriptSdkLogsInWithCustomAuthentication() throws Exception {
        Optional<JsSdk> sdk = JsSdk.install();
        Assumptions.assumeTrue(sdk.isPresent(), "Node.js/npm or the photon-realtime package not available");
        String jwt = playerToken();
        List<String> out = sdk.get().run("photon-sdk-login.js", server.webSocket("ns").toString(), "app", "0",
                "token=" + jwt, "js-sso-room");
        String joined = out.stream().filter(l -> l.contains("\"joined\"")).findFirst().orElse(null);
        assertNotNull(joined, "the JS SDK did not join a room: " + out);
        assertTrue(joined.contains("\"userId\":\"" + claim(jwt, "sub") + "\""), joined);
    }

    @Test
    void anOperatorSignsInToTheDashboardInTheBrowserFlowAndAPlayerIsRefused() throws Exception {
        BrowserSession operator = new BrowserSession();
        String session = operator.signIn("http://127.0.0.1:" + PORT + "/photon/dashboard/session", "operator1",
                "operator1-pass");
        assertTrue(session.contains("\"caller\":\"operator1\""), session);
        String accessToken = session.replaceAll(".*\"accessToken\":\"([^\"]+)\".*", "$1");
        assertEquals(200, admin(accessToken).statusCode(), "the page's token opens the admin API");
        BrowserSession player = new BrowserSession();
        assertEquals(403, player.signInStatus("http://127.0.0.1:" + PORT + "/photon/dashboard/session", "player1",
                "player1-pass"));
    }

    /**
     * A browser without a browser: follows the authorization-code flow by hand (redirect to Keycloak, its login
     * form, the callback) with one cookie jar, as a person's browser would.
     */
    private static final class BrowserSession {
        private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
                .followRedirects(HttpClient.Redirect.NEVER).build();
        /**
         * One jar for both hosts (both are 127.0.0.1). Kept by hand: Keycloak marks its login cookies Secure even on
         * plain http in dev mode, and the JDK's cookie manager then never sends them back, while a browser treats
         * 127.0.0.1 as a secure context.
         */
        private final Map<String, String> cookies = new java.util.LinkedHashMap<>();
        private HttpResponse<String> last;
        /** The redirects followed after the login form, for failure messages. */
        private String trace;

        String signIn(String protectedUrl, String user, String password) throws Exception {
            assertEquals(200, signInStatus(protectedUrl, user, password), trace + ": " + last.body());
            return last.body();
        }

        int signInStatus(String protectedUrl, String user, String password) throws Exception {
            HttpResponse<String> r = get(protectedUrl);
            assertEquals(302, r.statusCode(), "an anonymous visit is sent to the identity provider: " + r.body());
            String login = r.headers().firstValue("Location").orElseThrow();
            assertTrue(login.startsWith(ISSUER + "/protocol/openid-connect/auth"), login);
            HttpResponse<String> form = get(login);
            java.util.regex.Matcher action = java.util.regex.Pattern
                    .compile("<form[^>]*id=\"kc-form-login\"[^>]*action=\"([^\"]+)\"").matcher(form.body());
            if (!action.find()) {
                action = java.util.regex.Pattern.compile("action=\"([^\"]+)\"").matcher(form.body());
                assertTrue(action.find(), "Keycloak's login form: " + form.body());
            }
            String post = action.group(1).replace("&amp;", "&");
            r = send(HttpRequest.newBuilder(URI.create(post))
                    .header("Content-Type", "application/x-www-form-urlencoded")
                    .POST(HttpRequest.BodyPublishers.ofString("username=" + user + "&password=" + password
                            + "&credentialId=")));
            StringBuilder trail = new StringBuilder("POST " + r.statusCode());
            for (int hops = 0; hops < 6 && r.statusCode() / 100 == 3; hops++) {
                String next = r.headers().firstValue("Location").orElseThrow();
                r = get(next);
                trail.append(" -> ").append(next.replaceAll("code=[^&]+", "code=…")).append(' ').append(r.statusCode());
            }
            trace = trail.toString();
            last = r;
            return r.statusCode();
        }

        private HttpResponse<String> get(String url) throws Exception {
            URI uri = URI.create(url);
            if (!uri.isAbsolute()) {
                uri = URI.create("http://127.0.0.1:" + PORT).resolve(uri);
            }
            return send(HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(30)));
        }

        private HttpResponse<String> send(HttpRequest.Builder request) throws Exception {
            if (!cookies.isEmpty()) {
                request.header("Cookie", cookies.entrySet().stream().map(e -> e.getKey() + "=" + e.getValue())
                        .collect(java.util.stream.Collectors.joining("; ")));
            }
            HttpResponse<String> r = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
            for (String set : r.headers().allValues("Set-Cookie")) {
                String pair = set.split(";", 2)[0];
                int eq = pair.indexOf('=');
                if (eq > 0) {
                    String value = pair.substring(eq + 1);
                    if (value.isEmpty() || set.toLowerCase(java.util.Locale.ROOT).contains("max-age=0")) {
                        cookies.remove(pair.substring(0, eq));
                    } else {
                        cookies.put(pair.substring(0, eq), value);
                    }
                }
            }
            return r;
        }
    }

    private static String header(String jwt) {
        return jwt.substring(0, jwt.indexOf('.'));
    }

    private static HttpResponse<String> admin(String bearer) throws Exception {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + PORT
                + "/photon/api/admin/servers")).timeout(Duration.ofSeconds(30));
        if (bearer != null) {
            b.header("Authorization", "Bearer " + bearer);
        }
        return HTTP.send(b.build(), HttpResponse.BodyHandlers.ofString());
    }

    private static boolean serverLogsContain(String text) throws Exception {
        Path runDir = Path.of(System.getProperty("photon.root", "..")).resolve("src-test/target/cluster/run-" + PORT);
        try (Stream<Path> files = Files.walk(runDir)) {
            return files.filter(p -> p.toString().endsWith(".log") || p.getFileName().toString().startsWith("server"))
                    .filter(Files::isRegularFile).anyMatch(p -> {
                        try {
                            return Files.readString(p, StandardCharsets.ISO_8859_1).contains(text);
                        } catch (java.io.IOException e) {
                            return false;
                        }
                    });
        }
    }
}
