package org.photonee.core.master;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.photonee.core.auth.AuthOnce;
import org.photonee.core.auth.AuthToken;
import org.photonee.core.auth.TokenException;
import org.photonee.core.codes.OperationCode;
import org.photonee.core.codes.ParameterCode;
import org.photonee.core.codes.ReturnCode;
import org.photonee.core.encryption.EncryptedFrames;
import org.photonee.core.encryption.PayloadCipher;
import org.photonee.core.peer.SendParameters;
import org.photonee.core.peer.SendResult;
import org.photonee.core.protocol.EventData;
import org.photonee.core.protocol.OperationResponse;
import org.photonee.core.protocol.ProtocolException;
import org.photonee.core.testing.TestPeer;

/** A master client whose init carries the token (UDP AuthOnce, AUTH.md §1.5) is authenticated at connect. */
class MasterAuthOnceTest extends MasterTestBase {
    private final byte[] secret = AuthOnce.newSecret();

    private String authOnceToken(String userId) {
        return tokens.encode(tokens.issue(userId, APP, VERSION, Map.of()).withEncryptionSecret(secret));
    }

    private TestPeer connectWithToken(String token) {
        return new TestPeer(app, fiber, "master", "t" + System.nanoTime(), json, false, token);
    }

    private static OperationResponse onlyResponse(TestPeer c) {
        List<OperationResponse> responses = c.newMessages().stream().filter(m -> m instanceof OperationResponse)
                .map(m -> (OperationResponse) m).toList();
        assertEquals(1, responses.size(), responses.toString());
        return responses.get(0);
    }

    @Test
    void aValidTokenAuthenticatesAtConnectWithARenewedTokenAndTheTokensKey() throws TokenException,
            ProtocolException {
        start();
        String original = authOnceToken("alice");
        clock.addAndGet(60_000);
        TestPeer c = connectWithToken(original);
        OperationResponse r = onlyResponse(c);
        assertEquals(OperationCode.AUTH_ONCE, r.code());
        assertEquals(ReturnCode.OK, r.returnCode());
        String renewed = (String) r.parameters().get(ParameterCode.TOKEN);
        assertNotEquals(original, renewed);
        AuthToken decoded = tokens.decode(renewed);
        assertEquals("alice", decoded.userId());
        assertArrayEquals(secret, decoded.encryptionSecret(), "the secret travels on to the game server");
        assertTrue(c.peer().isEncryptionEstablished(), "no Diffie-Hellman needed");
        c.expectOk(OperationCode.JOIN_LOBBY);

        assertEquals(SendResult.OK, c.peer().sendEvent(new EventData(1), SendParameters.DEFAULT.withEncrypted(true)));
        // Encrypted with the token's secret as the AES key: it decrypts with it (a wrong key fails the padding).
        EncryptedFrames.decrypt(c.connection().encrypted().get(0), new PayloadCipher(secret));
    }

    @Test
    void aTamperedTokenGetsTheAuthOnceErrorAndIsDisconnected() {
        start();
        String token = authOnceToken("alice");
        char last = token.charAt(token.length() - 5);
        String tampered = token.substring(0, token.length() - 5) + (last == 'A' ? 'B' : 'A')
                + token.substring(token.length() - 4);
        TestPeer c = connectWithToken(tampered);
        OperationResponse r = onlyResponse(c);
        assertEquals(OperationCode.AUTH_ONCE, r.code());
        assertEquals(ReturnCode.INVALID_AUTHENTICATION, r.returnCode());
        assertTrue(c.isClosed());
        assertFalse(c.peer().isEncryptionEstablished());
    }

    @Test
    void anExpiredTokenGetsTokenExpiredOnTheAuthOnceCode() {
        start();
        String token = authOnceToken("alice");
        clock.addAndGet(1800_000);
        TestPeer c = connectWithToken(token);
        OperationResponse r = onlyResponse(c);
        assertEquals(OperationCode.AUTH_ONCE, r.code());
        assertEquals(ReturnCode.AUTHENTICATION_TOKEN_EXPIRED, r.returnCode());
        assertTrue(c.isClosed());
    }
}
