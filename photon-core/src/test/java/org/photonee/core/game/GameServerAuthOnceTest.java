package org.photonee.core.game;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.photonee.core.auth.AuthOnce;
import org.photonee.core.auth.AuthToken;
import org.photonee.core.auth.TokenException;
import org.photonee.core.codes.OperationCode;
import org.photonee.core.codes.ParameterCode;
import org.photonee.core.codes.ReturnCode;
import org.photonee.core.peer.PeerEnvironment;
import org.photonee.core.protocol.OperationResponse;
import org.photonee.core.room.InMemoryRoomStateStore;
import org.photonee.core.room.ManualFibers;
import org.photonee.core.s2s.GameStateListener;
import org.photonee.core.testing.MessageProtocol;

/** A game server client whose init carries the master's token (UDP AuthOnce) is authenticated at connect. */
class GameServerAuthOnceTest {
    private static final long HOUR = 3_600_000;
    private final ManualFibers fibers = new ManualFibers();
    private final FakeTokenCodec codec = new FakeTokenCodec();
    private final MessageProtocol protocol = new MessageProtocol("Test");
    private final AtomicLong wallClock = new AtomicLong(1_000_000_000L);
    private final byte[] secret = AuthOnce.newSecret();
    private final GameServerApplication app = new GameServerApplication(new PeerEnvironment(fibers), codec,
            GameStateListener.NONE, new InMemoryRoomStateStore(), GameServerSettings.DEFAULTS, wallClock::get);

    {
        app.start();
    }

    @AfterEach
    void stop() {
        app.stop();
    }

    private String token(long lifetime) {
        long now = wallClock.get();
        return codec.encode(new AuthToken("alice", "app", "1.0", "s", now, now + lifetime, now + 24 * HOUR, "room1",
                Map.of(), secret));
    }

    @Test
    void aValidTokenAuthenticatesAtConnectRenewsItAndSetsUpEncryption() throws TokenException {
        TestClient c = new TestClient(app, protocol, fibers, "c1", token(HOUR));
        OperationResponse r = c.lastResponse(OperationCode.AUTH_ONCE);
        assertEquals(ReturnCode.OK, r.returnCode());
        AuthToken renewed = codec.decode((String) r.parameters().get(ParameterCode.TOKEN));
        assertTrue(renewed.expiresAtMillis() >= wallClock.get() + HOUR / 2);
        assertArrayEquals(secret, renewed.encryptionSecret());
        assertTrue(c.peer.isEncryptionEstablished());
        assertNotNull(c.call(OperationCode.CREATE_GAME, ParameterCode.GAME_ID, "room1"));
        assertEquals(ReturnCode.OK, c.lastResponse(OperationCode.CREATE_GAME).returnCode());
    }

    @Test
    void forgedAndExpiredTokensGetTheAuthOnceErrorAndAreDisconnected() {
        TestClient forged = new TestClient(app, protocol, fibers, "c2", "forged");
        assertEquals(ReturnCode.INVALID_AUTHENTICATION, forged.lastResponse(OperationCode.AUTH_ONCE).returnCode());
        assertNotNull(forged.connection.closeCode());
        String expiring = token(1000);
        wallClock.addAndGet(2000);
        TestClient expired = new TestClient(app, protocol, fibers, "c3", expiring);
        assertEquals(ReturnCode.AUTHENTICATION_TOKEN_EXPIRED,
                expired.lastResponse(OperationCode.AUTH_ONCE).returnCode());
        assertNotNull(expired.connection.closeCode());
        assertFalse(expired.peer.isEncryptionEstablished());
    }
}
