package org.photonee.core.s2s;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.photonee.core.auth.AesGcmTokenCodec;
import org.photonee.core.auth.TokenIssuer;
import org.photonee.core.auth.TokenSettings;
import org.photonee.core.codes.ServerState;
import org.photonee.core.protocol.EventData;
import org.photonee.core.protocol.OperationRequest;
import org.photonee.core.protocol.Parameters;
import org.photonee.core.protocol.PhotonHashtable;

class S2SMessagesTest {
    private static GameStateReport report() {
        return new GameStateReport("room1", "app", "1.0", "lobbyA", 2, 3, 1, 8, true, false,
                PhotonHashtable.of("C0", 5, "map", "dust"), List.of("C0", "map"), true, false,
                List.of("u1", "u2", "u3"), List.of("u4"), List.of("u5"), List.of("bad"), 60_000, 10_000);
    }

    @Test
    void gameStateRoundTrips() {
        EventData event = S2SMessages.updateGameState(report());
        assertEquals(S2SEventCode.UPDATE_GAME_STATE, event.code());
        assertEquals(report(), S2SMessages.readGameState(event));
    }

    @Test
    void gameStateReadsJsonShapes() {
        // A Json link decodes string arrays as Object[] and numbers as longs/doubles.
        Parameters p = S2SMessages.updateGameState(report()).parameters();
        p.put(S2SParameterCode.ACTIVE_USERS, new Object[] {"u1", "u2", "u3"});
        p.put(S2SParameterCode.MAX_PLAYERS, 8L);
        p.put(S2SParameterCode.ACTOR_COUNT, 3.0);
        assertEquals(report(), S2SMessages.readGameState(new EventData(S2SEventCode.UPDATE_GAME_STATE, p)));
    }

    @Test
    void malformedGameStateNamesTheParameter() {
        Parameters p = S2SMessages.updateGameState(report()).parameters();
        p.put(S2SParameterCode.ACTIVE_USERS, new Object[] {"u1", 7});
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> S2SMessages.readGameState(new EventData(3, p)));
        assertTrue(e.getMessage().contains("ActiveUsers"), e.getMessage());
        Parameters noId = S2SMessages.updateGameState(report()).parameters();
        noId.remove(S2SParameterCode.GAME_ID);
        assertThrows(IllegalArgumentException.class, () -> S2SMessages.readGameState(new EventData(3, noId)));
    }

    @Test
    void registrationRoundTripsWithAddressesPerProtocol() {
        Map<String, String> addresses = new LinkedHashMap<>();
        addresses.put("Json", "ws://gs1:9091/photon/game");
        addresses.put("GpBinaryV16", "ws://gs1:9091/photon/game");
        GameServerRegistration reg = new GameServerRegistration("gs1", addresses, ServerState.OUT_OF_ROTATION, 3, 1,
                "cred");
        OperationRequest request = S2SMessages.registerGameServer(reg);
        assertEquals(S2SOperationCode.REGISTER_GAME_SERVER, request.code());
        GameServerRegistration read = S2SMessages.readRegistration(request);
        assertEquals(reg, read);
        assertEquals("ws://gs1:9091/photon/game", read.addressFor("Json"));
        assertEquals("ws://gs1:9091/photon/game", read.addressFor("Unknown"), "first address as fallback");
    }

    @Test
    void registrationWithoutAddressesIsRefused() {
        OperationRequest request = new OperationRequest(1, Parameters.of(S2SParameterCode.SERVER_ID, "gs1"));
        assertThrows(IllegalArgumentException.class, () -> S2SMessages.readRegistration(request));
        OperationRequest badState = new OperationRequest(1, Parameters.of(S2SParameterCode.SERVER_ID, "gs1",
                S2SParameterCode.PUBLIC_ADDRESSES, PhotonHashtable.of("Json", "ws://x"),
                S2SParameterCode.SERVER_STATE, 9));
        assertThrows(IllegalArgumentException.class, () -> S2SMessages.readRegistration(badState));
    }

    @Test
    void loadStatsAndRemovalRoundTrip() {
        ServerLoadUpdate update = new ServerLoadUpdate(4, 120, ServerState.NORMAL, 17, 10);
        assertEquals(update, S2SMessages.readServerUpdate(S2SMessages.updateServer(update)));
        AppStatsUpdate stats = new AppStatsUpdate(17, 120);
        assertEquals(stats, S2SMessages.readAppStats(S2SMessages.updateAppStats(stats)));
        GameRemoval removal = new GameRemoval("app", "1.0", "room1", GameRemoveReason.FAILED_TO_CREATE);
        EventData event = S2SMessages.removeGameState(removal);
        assertEquals(S2SEventCode.REMOVE_GAME_STATE, event.code());
        assertEquals(removal, S2SMessages.readGameRemoval(event));
        assertEquals(S2SEventCode.GAME_SERVER_LEAVE, S2SMessages.gameServerLeave().code());
    }

    @Test
    void credentialsAreBoundToTheServerIdAndKey() {
        TokenIssuer issuer = new TokenIssuer(new AesGcmTokenCodec("secret"), TokenSettings.DEFAULTS);
        String credential = S2SCredentials.create(issuer, "gs1");
        assertTrue(S2SCredentials.verify(issuer, credential, "gs1"));
        assertFalse(S2SCredentials.verify(issuer, credential, "gs2"));
        assertFalse(S2SCredentials.verify(issuer, null, "gs1"));
        TokenIssuer other = new TokenIssuer(new AesGcmTokenCodec("other"), TokenSettings.DEFAULTS);
        assertFalse(S2SCredentials.verify(other, credential, "gs1"));
        String clientToken = issuer.encode(issuer.issue("gameserver:gs1", "my-app", "1.0", Map.of()));
        assertFalse(S2SCredentials.verify(issuer, clientToken, "gs1"), "a client token is no credential");
    }
}
