package org.photonee.core.nameserver;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.photonee.core.auth.AesGcmTokenCodec;
import org.photonee.core.auth.AuthOnce;
import org.photonee.core.auth.AnonymousAuthenticator;
import org.photonee.core.auth.AuthToken;
import org.photonee.core.auth.TokenException;
import org.photonee.core.auth.TokenIssuer;
import org.photonee.core.auth.TokenSettings;
import org.photonee.core.codes.OperationCode;
import org.photonee.core.codes.ParameterCode;
import org.photonee.core.codes.ReturnCode;
import org.photonee.core.fiber.ManualFiber;
import org.photonee.core.peer.PeerEnvironment;
import org.photonee.core.protocol.OperationResponse;
import org.photonee.core.testing.ChildFibers;
import org.photonee.core.testing.MessageProtocol;
import org.photonee.core.testing.TestPeer;

class NameServerApplicationTest {
    private final ManualFiber fiber = new ManualFiber();
    private final AtomicLong clock = new AtomicLong(1_700_000_000_000L);
    private final TokenIssuer tokens = new TokenIssuer(new AesGcmTokenCodec("k", clock::get), TokenSettings.DEFAULTS,
            clock::get);
    private final MessageProtocol json = new MessageProtocol("Json");
    private NameServerApplication app;
    private int n;

    @BeforeEach
    void start() {
        Map<String, String> regions = new LinkedHashMap<>();
        regions.put("EU", "ws://eu-master/photon/master");
        regions.put("us", "ws://us-master/photon/master");
        app = new NameServerApplication(new PeerEnvironment(new ChildFibers(fiber)), new NameServerSettings(regions),
                tokens,
                new AnonymousAuthenticator());
        app.start();
    }

    @AfterEach
    void stop() {
        app.stop();
    }

    private TestPeer client() {
        return new TestPeer(app, fiber, "ns", "ns" + (++n), json);
    }

    @Test
    void authenticateAnswersTheRegionsMasterATokenAndTheUserId() throws TokenException {
        TestPeer c = client();
        OperationResponse r = c.expectOk(OperationCode.AUTHENTICATE, ParameterCode.APPLICATION_ID, "my-app",
                ParameterCode.APP_VERSION, "1.0", ParameterCode.REGION, "eu", ParameterCode.USER_ID, "alice");
        assertEquals("ws://eu-master/photon/master", r.parameters().get(ParameterCode.ADDRESS));
        assertEquals("alice", r.parameters().get(ParameterCode.USER_ID));
        AuthToken token = tokens.decode((String) r.parameters().get(ParameterCode.TOKEN));
        assertEquals("alice", token.userId());
        assertEquals("my-app", token.appId());
        assertEquals("1.0", token.appVersion());
        c.expectError(ReturnCode.OPERATION_DENIED, OperationCode.AUTHENTICATE, ParameterCode.APPLICATION_ID, "my-app");
        c.expectOk(OperationCode.GET_REGIONS);
    }

    @Test
    void unknownRegionMissingAppIdAndOtherOperations() {
        TestPeer c = client();
        c.expectError(ReturnCode.INVALID_REGION, OperationCode.AUTHENTICATE, ParameterCode.APPLICATION_ID, "a",
                ParameterCode.REGION, "mars");
        c.expectError(ReturnCode.INVALID_AUTHENTICATION, OperationCode.AUTHENTICATE, ParameterCode.REGION, "us");
        c.expectError(ReturnCode.OPERATION_INVALID, OperationCode.JOIN_LOBBY);
        OperationResponse r = c.expectOk(OperationCode.AUTHENTICATE, ParameterCode.APPLICATION_ID, "a");
        assertEquals("ws://eu-master/photon/master", r.parameters().get(ParameterCode.ADDRESS), "first region");
    }

    @Test
    void getRegionsListsCodesAndMasters() {
        OperationResponse r = client().expectOk(OperationCode.GET_REGIONS, ParameterCode.APPLICATION_ID, "a");
        assertArrayEquals(new String[] {"eu", "us"}, (String[]) r.parameters().get(ParameterCode.REGION));
        assertArrayEquals(new String[] {"ws://eu-master/photon/master", "ws://us-master/photon/master"},
                (String[]) r.parameters().get(ParameterCode.ADDRESS));
    }

    @Test
    void nameServerTokenIsAcceptedByAnyRoleWithTheSameKey() throws TokenException {
        OperationResponse r = client().expectOk(OperationCode.AUTHENTICATE, ParameterCode.APPLICATION_ID, "a",
                ParameterCode.REGION, "us");
        String token = (String) r.parameters().get(ParameterCode.TOKEN);
        assertEquals(36, new AesGcmTokenCodec("k", clock::get).decode(token).userId().length());
        assertEquals(NameServerSettings.singleRegion("ws://m").masterFor("EU"), "ws://m");
    }

    @Test
    void authOnceOnASecureChannelIsAnsweredLikeAuthenticatePlusEncryptionData() throws TokenException {
        TestPeer c = new TestPeer(app, fiber, "ns", "wss" + (++n), json, true, null);
        OperationResponse r = c.expectOk(OperationCode.AUTH_ONCE, ParameterCode.APPLICATION_ID, "a",
                ParameterCode.REGION, "us/*", ParameterCode.EXPECTED_PROTOCOL, (byte) 0,
                ParameterCode.ENCRYPTION_MODE, (byte) 0);
        assertEquals("ws://us-master/photon/master", r.parameters().get(ParameterCode.ADDRESS));
        Map<?, ?> data = (Map<?, ?>) r.parameters().get(ParameterCode.ENCRYPTION_DATA);
        assertEquals((byte) 0, data.get(AuthOnce.ENCRYPTION_DATA_MODE));
        byte[] secret = (byte[]) data.get(AuthOnce.ENCRYPTION_DATA_SECRET);
        assertEquals(AuthOnce.SECRET_BYTES, secret.length);
        assertArrayEquals(secret, tokens.decode((String) r.parameters().get(ParameterCode.TOKEN)).encryptionSecret(),
                "the token carries the client's secret to master and game server");
        c.expectError(ReturnCode.OPERATION_DENIED, OperationCode.AUTH_ONCE, ParameterCode.APPLICATION_ID, "a");
    }

    @Test
    void authOnceOverAPlainChannelIsRefusedOnTheAuthOnceCode() {
        TestPeer c = client();
        OperationResponse r = c.expectError(ReturnCode.INVALID_AUTHENTICATION, OperationCode.AUTH_ONCE,
                ParameterCode.APPLICATION_ID, "a");
        assertEquals(OperationCode.AUTH_ONCE, r.code());
        assertEquals("AuthOnce can not be used over unsecure channel", r.debugMessage());
        // Authenticate stays possible on the same channel.
        c.expectOk(OperationCode.AUTHENTICATE, ParameterCode.APPLICATION_ID, "a");
    }

    @Test
    void datagramEncryptionModesAreRefusedAsNotSupported() {
        TestPeer c = new TestPeer(app, fiber, "ns", "wss" + (++n), json, true, null);
        for (byte mode : new byte[] {10, 11, 13}) {
            OperationResponse r = c.expectError(ReturnCode.INVALID_ENCRYPTION_PARAMETERS, OperationCode.AUTH_ONCE,
                    ParameterCode.APPLICATION_ID, "a", ParameterCode.ENCRYPTION_MODE, mode);
            assertTrue(r.debugMessage().contains("not supported"), r.debugMessage());
        }
        c.expectError(ReturnCode.INVALID_ENCRYPTION_PARAMETERS, OperationCode.AUTH_ONCE,
                ParameterCode.APPLICATION_ID, "a", ParameterCode.ENCRYPTION_MODE, (byte) 99);
        c.expectOk(OperationCode.AUTH_ONCE, ParameterCode.APPLICATION_ID, "a", ParameterCode.ENCRYPTION_MODE, (byte) 0);
    }

    private NameServerApplication withAuthenticator(org.photonee.core.auth.ClientAuthenticator authenticator) {
        NameServerApplication ns = new NameServerApplication(new PeerEnvironment(new ChildFibers(fiber)),
                NameServerSettings.singleRegion("ws://m/photon/master"), tokens, authenticator,
                new FailureDisconnect(500, 500));
        ns.start();
        return ns;
    }

    @Test
    void incompleteCustomAuthAnswersDataOnlyAndAllowsAnotherAuthenticate() throws TokenException {
        java.util.concurrent.atomic.AtomicInteger step = new java.util.concurrent.atomic.AtomicInteger();
        NameServerApplication ns = withAuthenticator(request -> java.util.concurrent.CompletableFuture.completedFuture(
                step.getAndIncrement() == 0
                        ? org.photonee.core.auth.AuthenticationResult.incomplete(Map.of("otp", "sent"))
                        : org.photonee.core.auth.AuthenticationResult.ok("alice", "Al", null,
                                Map.of("tier", "gold"), clock.get() + 60_000)));
        TestPeer c = new TestPeer(ns, fiber, "ns", "multi", json);
        OperationResponse first = c.expectOk(OperationCode.AUTHENTICATE, ParameterCode.APPLICATION_ID, "a");
        assertEquals(Map.of("otp", "sent"), first.parameters().get(ParameterCode.DATA));
        assertEquals(null, first.parameters().get(ParameterCode.TOKEN));
        OperationResponse second = c.expectOk(OperationCode.AUTHENTICATE, ParameterCode.APPLICATION_ID, "a");
        assertEquals("Al", second.parameters().get(ParameterCode.NICKNAME));
        AuthToken token = tokens.decode((String) second.parameters().get(ParameterCode.TOKEN));
        assertEquals(Map.of("tier", "gold"), token.authCookie());
        assertEquals(clock.get() + 60_000, token.finalExpiresAtMillis(), "ExpireAt ends the session");
        assertEquals(clock.get() + 60_000, token.expiresAtMillis());
        ns.stop();
    }

    @Test
    void aRefusedLoginIsDisconnectedAfterTheDelay() {
        NameServerApplication ns = withAuthenticator(request -> java.util.concurrent.CompletableFuture.completedFuture(
                org.photonee.core.auth.AuthenticationResult.failed(ReturnCode.CUSTOM_AUTHENTICATION_FAILED, "no")));
        TestPeer c = new TestPeer(ns, fiber, "ns", "refused", json);
        OperationResponse r = c.expectError(ReturnCode.CUSTOM_AUTHENTICATION_FAILED, OperationCode.AUTHENTICATE,
                ParameterCode.APPLICATION_ID, "a");
        assertEquals("no", r.debugMessage());
        fiber.advance(499);
        assertEquals(false, c.isClosed());
        fiber.advance(1);
        assertEquals(true, c.isClosed());
        ns.stop();
    }
}
