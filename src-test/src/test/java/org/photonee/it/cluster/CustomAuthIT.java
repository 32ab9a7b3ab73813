package org.photonee.it.cluster;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.photonee.client.AuthValues;
import org.photonee.client.LoadBalancingClient;
import org.photonee.client.PhotonException;
import org.photonee.client.Room;
import org.photonee.client.RoomOptions;
import org.photonee.core.auth.AesGcmTokenCodec;
import org.photonee.core.auth.AuthToken;
import org.photonee.core.codes.OperationCode;
import org.photonee.core.codes.ParameterCode;
import org.photonee.core.codes.ReturnCode;
import org.photonee.core.peer.Transport;
import org.photonee.core.protocol.OperationResponse;
import org.photonee.core.protocol.PhotonHashtable;
import org.photonee.it.support.MessageClient;
import org.photonee.it.support.PhotonProcess;
import org.photonee.it.support.RawSocket;
import org.photonee.it.support.TestAuthService;

import java.time.Duration;
import java.util.Map;
import java.util.concurrent.CompletionException;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Photon's custom authentication against a real HTTP service on 127.0.0.1, with the server started as an operator
 * starts it ({@code ./photon run -Dphoton.auth.…}). Three providers: {@code shop} (type 0, GET/POST, a configured
 * API key, RejectIfUnavailable), {@code lenient} (type 7, RejectIfUnavailable=false) and {@code forward} (type 6,
 * ForwardAsJSON).
 */
@Timeout(value = 6, unit = TimeUnit.MINUTES)
class CustomAuthIT {
    private static final int PORT = 18580;
    private static final int NETTY_PORT = 19580;
    private static final String SECRET = "custom-auth-secret";
    private static TestAuthService service;
    private static PhotonProcess server;

    @BeforeAll
    static void start() throws Exception {
        service = TestAuthService.start();
        String url = service.url();
        server = PhotonProcess.start(PORT, NETTY_PORT, SECRET,
                "-Dphoton.auth.enabled=true",
                "-Dphoton.auth.providers=shop,lenient,forward",
                "-Dphoton.auth.shop.type=0", "-Dphoton.auth.shop.url=" + url,
                "-Dphoton.auth.shop.param.apiKey=server-key", "-Dphoton.auth.shop.httpRequestTimeoutMs=1500",
                "-Dphoton.auth.lenient.type=7", "-Dphoton.auth.lenient.url=" + url,
                "-Dphoton.auth.lenient.rejectIfUnavailable=false", "-Dphoton.auth.lenient.httpRequestTimeoutMs=1500",
                "-Dphoton.auth.forward.type=6", "-Dphoton.auth.forward.url=" + url,
                "-Dphoton.auth.forward.forwardAsJson=true", "-Dphoton.auth.forward.param.apiKey=server-key",
                "-Dphoton.auth.failureDisconnectMinMs=300", "-Dphoton.auth.failureDisconnectMaxMs=600");
        server.awaitReady(Duration.ofSeconds(240));
    }

    @AfterAll
    static void stop() throws Exception {
        if (server != null) {
            server.close();
        }
        if (service != null) {
            service.close();
        }
    }

    private static MessageClient ns() throws Exception {
        return MessageClient.binary(server.webSocket("ns"));
    }

    private static OperationResponse authenticate(MessageClient c, int type, String params, Object data)
            throws Exception {
        Object[] p = data == null
                ? new Object[]{ParameterCode.APPLICATION_ID, "app", ParameterCode.APP_VERSION, "1.0",
                        ParameterCode.USER_ID, "client-id", ParameterCode.CLIENT_AUTHENTICATION_TYPE, (byte) type,
                        ParameterCode.CLIENT_AUTHENTICATION_PARAMS, params}
                : new Object[]{ParameterCode.APPLICATION_ID, "app", ParameterCode.APP_VERSION, "1.0",
                        ParameterCode.USER_ID, "client-id", ParameterCode.CLIENT_AUTHENTICATION_TYPE, (byte) type,
                        ParameterCode.CLIENT_AUTHENTICATION_PARAMS, params,
                        ParameterCode.CLIENT_AUTHENTICATION_DATA, data};
        return c.call(OperationCode.AUTHENTICATE, p);
    }

    private static AuthToken token(OperationResponse r) throws Exception {
        return new AesGcmTokenCodec(SECRET).decode((String) r.parameters().get(ParameterCode.TOKEN));
    }

    @Test
    void resultCodeOneLogsInWithTheServicesUserNicknameAndCookieInTheToken() throws Exception {
        try (MessageClient c = ns()) {
            OperationResponse r = authenticate(c, 0, "user=ok-alice&apiKey=forged-by-client", null);
            assertEquals(0, r.returnCode(), r.debugMessage());
            assertEquals("svc-alice", r.parameters().get(ParameterCode.USER_ID));
            assertEquals("Nick alice", r.parameters().get(ParameterCode.NICKNAME));
            assertEquals(Map.of("tier", "gold", "user", "alice"), token(r).authCookie());
        }
        TestAuthService.Seen seen = service.last();
        assertEquals("GET", seen.method());
        assertEquals("/auth?apiKey=server-key&user=ok-alice", seen.pathAndQuery(),
                "the configured key is sent and the client's forged one is not");
    }

    @Test
    void resultCodeZeroAnswersDataAndTheClientMayAuthenticateAgain() throws Exception {
        try (MessageClient c = ns()) {
            OperationResponse step = authenticate(c, 0, "user=step", null);
            assertEquals(0, step.returnCode());
            assertNull(step.parameters().get(ParameterCode.TOKEN));
            Map<?, ?> data = (Map<?, ?>) step.parameters().get(ParameterCode.DATA);
            assertEquals(2L, data.get("step"));
            OperationResponse done = authenticate(c, 0, "user=ok-bob", null);
            assertEquals("svc-bob", done.parameters().get(ParameterCode.USER_ID));
        }
    }

    @Test
    void otherResultCodesAreRefusedWithTheMessageAndTheClientIsDisconnected() throws Exception {
        Map<String, String> expected = Map.of("denied", "Invalid credentials", "invalid", "Invalid parameters.",
                "version", "Version not allowed.");
        for (Map.Entry<String, String> e : expected.entrySet()) {
            try (MessageClient c = ns()) {
                OperationResponse r = authenticate(c, 0, "user=" + e.getKey(), null);
                assertEquals(ReturnCode.CUSTOM_AUTHENTICATION_FAILED, r.returnCode());
                assertEquals(e.getValue(), r.debugMessage());
                RawSocket.Close close = c.socket().awaitClose();
                assertTrue(close.code() == 1000, "disconnected after the delay: " + close);
            }
        }
    }

    @Test
    void stringAndDictionaryDataArePosted() throws Exception {
        try (MessageClient c = ns()) {
            assertEquals("svc-carol", authenticate(c, 0, "x=1", "ok-carol").parameters().get(ParameterCode.USER_ID));
        }
        TestAuthService.Seen text = service.last();
        assertEquals("POST", text.method());
        assertEquals("ok-carol", text.body());
        assertEquals("/auth?apiKey=server-key&x=1", text.pathAndQuery());
        PhotonHashtable dict = new PhotonHashtable();
        dict.put("user", "ok-dave");
        dict.put("level", 3);
        try (MessageClient c = ns()) {
            assertEquals("svc-dave", authenticate(c, 0, "user=ignored&y=2", dict).parameters()
                    .get(ParameterCode.USER_ID));
        }
        TestAuthService.Seen json = service.last();
        assertEquals("application/json", json.contentType());
        assertEquals("{\"user\":\"ok-dave\",\"level\":3}", json.body());
        assertEquals("/auth?apiKey=server-key&y=2", json.pathAndQuery(), "body keys leave the query string");
    }

    @Test
    void forwardAsJsonMergesParamsIntoOneBodyWithTheConfiguredKeyWinning() throws Exception {
        PhotonHashtable dict = new PhotonHashtable();
        dict.put("user", "ok-erin");
        dict.put("apiKey", "forged");
        try (MessageClient c = ns()) {
            assertEquals("svc-erin", authenticate(c, 6, "pin=42", dict).parameters().get(ParameterCode.USER_ID));
        }
        TestAuthService.Seen seen = service.last();
        assertEquals("/auth", seen.pathAndQuery());
        assertEquals("{\"user\":\"ok-erin\",\"apiKey\":\"server-key\",\"pin\":\"42\"}", seen.body());
        try (MessageClient c = ns()) {
            OperationResponse r = authenticate(c, 6, "pin=42", "text");
            assertEquals(ReturnCode.CUSTOM_AUTHENTICATION_FAILED, r.returnCode());
            assertTrue(r.debugMessage().startsWith("JSON mode is on"), r.debugMessage());
        }
    }

    @Test
    void anUnavailableServiceRefusesOrLetsInByRejectIfUnavailable() throws Exception {
        for (String user : new String[]{"slow", "err500"}) {
            try (MessageClient c = ns()) {
                OperationResponse r = authenticate(c, 0, "user=" + user, null);
                assertEquals(ReturnCode.CUSTOM_AUTHENTICATION_FAILED, r.returnCode(), user);
                assertTrue(r.debugMessage().startsWith("Custom authentication service unavailable"),
                        r.debugMessage());
            }
            try (MessageClient c = ns()) {
                OperationResponse r = authenticate(c, 7, "user=" + user, null);
                assertEquals(0, r.returnCode(), user + ": " + r.debugMessage());
                assertEquals("client-id", r.parameters().get(ParameterCode.USER_ID), "let in as the client said");
            }
        }
    }

    @Test
    void anErrorStatusWithABodyIsParsedAndAnEmptyOrBrokenAnswerIsAlwaysRefused() throws Exception {
        try (MessageClient c = ns()) {
            assertEquals("from-error-body", authenticate(c, 0, "user=err500body", null).parameters()
                    .get(ParameterCode.USER_ID));
        }
        try (MessageClient c = ns()) {
            OperationResponse r = authenticate(c, 7, "user=empty", null);
            assertEquals(ReturnCode.CUSTOM_AUTHENTICATION_FAILED, r.returnCode(), "even with RejectIfUnavailable off");
            assertEquals("Custom authentication got empty response string.", r.debugMessage());
        }
        try (MessageClient c = ns()) {
            OperationResponse r = authenticate(c, 7, "user=garbage", null);
            assertTrue(r.debugMessage().startsWith("Custom authentication deserialization failed"), r.debugMessage());
        }
    }

    @Test
    void aTypeNobodyServesIsNotSupported() throws Exception {
        try (MessageClient c = ns()) {
            OperationResponse r = authenticate(c, 2, "token=x", null);
            assertEquals(ReturnCode.CUSTOM_AUTHENTICATION_FAILED, r.returnCode());
            assertEquals("Authentication type not supported", r.debugMessage());
        }
    }

    @Test
    void theJavaClientLogsInThroughTheServiceAndPlaysOnBothTransports() throws Exception {
        for (Transport transport : Transport.values()) {
            try (LoadBalancingClient client = new LoadBalancingClient("app", "1.0")) {
                client.setAuthValues(AuthValues.ANONYMOUS.withCustomAuth("user=ok-frank", null));
                client.connectToRegionMaster(server.webSocket("ns", transport), "eu").toCompletableFuture()
                        .get(30, TimeUnit.SECONDS);
                assertEquals("svc-frank", client.userId());
                Room room = client.createRoom("auth-room-" + transport, RoomOptions.defaults()).toCompletableFuture()
                        .get(30, TimeUnit.SECONDS);
                assertEquals(1, room.localActorNr(), transport.toString());
            }
        }
        try (LoadBalancingClient refused = new LoadBalancingClient("app", "1.0")) {
            refused.setAuthValues(AuthValues.ANONYMOUS.withCustomAuth("user=denied", null));
            CompletionException e = assertThrows(CompletionException.class, () -> refused.connectToRegionMaster(
                    server.webSocket("ns"), "eu").toCompletableFuture().join());
            PhotonException pe = (PhotonException) e.getCause();
            assertEquals(ReturnCode.CUSTOM_AUTHENTICATION_FAILED, pe.returnCode());
            assertFalse(pe.getMessage().isEmpty());
        }
    }
}
