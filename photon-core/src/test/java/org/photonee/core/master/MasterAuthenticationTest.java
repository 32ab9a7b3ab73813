package org.photonee.core.master;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;
import org.photonee.core.auth.AuthToken;
import org.photonee.core.auth.AuthenticationResult;
import org.photonee.core.auth.TokenException;
import org.photonee.core.codes.OperationCode;
import org.photonee.core.codes.ParameterCode;
import org.photonee.core.codes.ReturnCode;
import org.photonee.core.protocol.OperationResponse;
import org.photonee.core.testing.TestPeer;

class MasterAuthenticationTest extends MasterTestBase {
    @Test
    void onlyAuthenticateBeforeAuthentication() {
        start();
        TestPeer c = connect(json);
        c.expectError(ReturnCode.OPERATION_DENIED, OperationCode.JOIN_LOBBY);
        c.expectError(ReturnCode.OPERATION_DENIED, OperationCode.CREATE_GAME);
        c.expectOk(OperationCode.AUTHENTICATE, ParameterCode.TOKEN, tokenFor("alice"));
        c.expectOk(OperationCode.JOIN_LOBBY);
    }

    @Test
    void tokenIsRenewedAndSecondAuthenticateDenied() throws TokenException {
        start();
        TestPeer c = connect(json);
        String original = tokenFor("alice");
        clock.addAndGet(60_000);
        OperationResponse r = c.expectOk(OperationCode.AUTHENTICATE, ParameterCode.TOKEN, original);
        String fresh = (String) r.parameters().get(ParameterCode.TOKEN);
        assertNotEquals(original, fresh);
        AuthToken renewed = tokens.decode(fresh);
        assertEquals("alice", renewed.userId());
        assertEquals("alice", r.parameters().get(ParameterCode.USER_ID));
        assertEquals(tokens.decode(original).sessionId(), renewed.sessionId());
        assertTrue(renewed.expiresAtMillis() > tokens.decode(original).expiresAtMillis());
        c.expectError(ReturnCode.OPERATION_DENIED, OperationCode.AUTHENTICATE, ParameterCode.TOKEN, fresh);
    }

    @Test
    void badAndExpiredTokensAreRefusedAndThePeerMayRetry() {
        start();
        TestPeer c = connect(json);
        c.expectError(ReturnCode.INVALID_AUTHENTICATION, OperationCode.AUTHENTICATE, ParameterCode.TOKEN, "forged");
        String token = tokenFor("alice");
        clock.addAndGet(1800_000);
        c.expectError(ReturnCode.AUTHENTICATION_TOKEN_EXPIRED, OperationCode.AUTHENTICATE, ParameterCode.TOKEN, token);
        c.expectError(ReturnCode.OPERATION_DENIED, OperationCode.JOIN_LOBBY);
        c.expectOk(OperationCode.AUTHENTICATE, ParameterCode.TOKEN, tokenFor("alice"));
    }

    @Test
    void directConnectAuthenticatesWithAppIdAndUserId() throws TokenException {
        start();
        TestPeer c = connect(json);
        OperationResponse r = c.expectOk(OperationCode.AUTHENTICATE, ParameterCode.APPLICATION_ID, APP,
                ParameterCode.APP_VERSION, VERSION, ParameterCode.USER_ID, "bob");
        AuthToken token = tokens.decode((String) r.parameters().get(ParameterCode.TOKEN));
        assertEquals("bob", token.userId());
        assertEquals(APP, token.appId());
        assertNull(token.grantedGameId());
        TestPeer anonymous = connect(json);
        OperationResponse r2 = anonymous.expectOk(OperationCode.AUTHENTICATE, ParameterCode.APPLICATION_ID, APP);
        assertTrue(((String) r2.parameters().get(ParameterCode.USER_ID)).length() >= 32, "GUID user id");
        connect(json).expectError(ReturnCode.INVALID_AUTHENTICATION, OperationCode.AUTHENTICATE,
                ParameterCode.USER_ID, "bob");
    }

    @Test
    void everythingIsDeniedWhileAuthenticating() {
        CompletableFuture<AuthenticationResult> pending = new CompletableFuture<>();
        start(MasterSettings.DEFAULTS, request -> pending);
        TestPeer c = connect(json);
        c.send(OperationCode.AUTHENTICATE, ParameterCode.APPLICATION_ID, APP, ParameterCode.USER_ID, "carol");
        assertTrue(c.newMessages().isEmpty());
        c.expectError(ReturnCode.OPERATION_DENIED, OperationCode.JOIN_LOBBY);
        OperationResponse again = c.expectError(ReturnCode.OPERATION_DENIED, OperationCode.AUTHENTICATE,
                ParameterCode.APPLICATION_ID, APP);
        assertEquals("Already authenticating", again.debugMessage());
        pending.complete(AuthenticationResult.ok("carol"));
        fiber.runPending();
        OperationResponse done = (OperationResponse) c.newMessages().get(0);
        assertEquals(ReturnCode.OK, done.returnCode());
        assertEquals("carol", done.parameters().get(ParameterCode.USER_ID));
        c.expectOk(OperationCode.JOIN_LOBBY);
    }

    @Test
    void failedCustomAuthenticationReturnsItsCodeAndResetsTheState() {
        start(MasterSettings.DEFAULTS, request -> CompletableFuture.completedFuture(
                AuthenticationResult.failed(ReturnCode.CUSTOM_AUTHENTICATION_FAILED, "nope")));
        TestPeer c = connect(json);
        OperationResponse r = c.expectError(ReturnCode.CUSTOM_AUTHENTICATION_FAILED, OperationCode.AUTHENTICATE,
                ParameterCode.APPLICATION_ID, APP);
        assertEquals("nope", r.debugMessage());
        c.expectError(ReturnCode.CUSTOM_AUTHENTICATION_FAILED, OperationCode.AUTHENTICATE,
                ParameterCode.APPLICATION_ID, APP);
    }

    @Test
    void unauthenticatedPeersAreDisconnectedAfterTheInterval() {
        start(new MasterSettingsBuilder().disconnectIfNoAuthMillis(5_000).build(), new org.photonee.core.auth
                .AnonymousAuthenticator());
        TestPeer idle = connect(json);
        TestPeer authed = client("alice");
        fiber.advance(5_001);
        assertTrue(idle.isClosed());
        assertTrue(!authed.isClosed());
    }

    @Test
    void unknownOperationAfterAuthenticationIsInvalid() {
        start();
        TestPeer c = client("alice");
        c.expectError(ReturnCode.OPERATION_INVALID, 42);
    }

    @Test
    void directConnectTakesOnlyStringOrByteArrayAuthData() {
        start();
        TestPeer c = connect(json);
        org.photonee.core.protocol.PhotonHashtable dict = new org.photonee.core.protocol.PhotonHashtable();
        dict.put("user", "alice");
        OperationResponse r = c.expectError(ReturnCode.OPERATION_INVALID, OperationCode.AUTHENTICATE,
                ParameterCode.APPLICATION_ID, "app", ParameterCode.CLIENT_AUTHENTICATION_DATA, dict);
        assertTrue(r.debugMessage().startsWith("InvalidTypeForAuthData"), r.debugMessage());
        c.expectOk(OperationCode.AUTHENTICATE, ParameterCode.APPLICATION_ID, "app",
                ParameterCode.CLIENT_AUTHENTICATION_DATA, "text data");
    }
}
