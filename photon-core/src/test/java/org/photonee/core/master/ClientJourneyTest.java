package org.photonee.core.master;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.photonee.core.auth.AnonymousAuthenticator;
import org.photonee.core.auth.AuthToken;
import org.photonee.core.auth.TokenException;
import org.photonee.core.codes.EventCode;
import org.photonee.core.codes.GamePropertyKey;
import org.photonee.core.codes.OperationCode;
import org.photonee.core.codes.ParameterCode;
import org.photonee.core.nameserver.NameServerApplication;
import org.photonee.core.nameserver.NameServerSettings;
import org.photonee.core.peer.PeerEnvironment;
import org.photonee.core.protocol.EventData;
import org.photonee.core.protocol.OperationResponse;
import org.photonee.core.protocol.PhotonHashtable;
import org.photonee.core.testing.ChildFibers;
import org.photonee.core.testing.TestPeer;

/** The JavaScript SDK's path from PROTOCOL.md §1, name server to game server address, as one story. */
class ClientJourneyTest extends MasterTestBase {
    @Test
    void nameServerThenMasterThenGameServerAddress() throws TokenException {
        start();
        NameServerApplication ns = new NameServerApplication(new PeerEnvironment(new ChildFibers(fiber)),
                NameServerSettings.singleRegion("ws://localhost:8080/photon/master"), tokens,
                new AnonymousAuthenticator());
        ns.start();
        TestPeer gs = gameServer("gs1");

        TestPeer nsPeer = new TestPeer(ns, fiber, "ns", "ns-1", json);
        OperationResponse nsAuth = nsPeer.expectOk(OperationCode.AUTHENTICATE, ParameterCode.APPLICATION_ID, APP,
                ParameterCode.APP_VERSION, VERSION, ParameterCode.REGION, "eu");
        assertEquals("ws://localhost:8080/photon/master", nsAuth.parameters().get(ParameterCode.ADDRESS));
        String nsToken = (String) nsAuth.parameters().get(ParameterCode.TOKEN);

        TestPeer master = connect(json);
        OperationResponse masterAuth = master.expectOk(OperationCode.AUTHENTICATE, ParameterCode.TOKEN, nsToken);
        String masterToken = (String) masterAuth.parameters().get(ParameterCode.TOKEN);
        master.send(OperationCode.JOIN_LOBBY);
        master.newMessages();
        List<EventData> lists = master.events(EventCode.GAME_LIST);
        assertEquals(1, lists.size());
        assertTrue(((PhotonHashtable) lists.get(0).parameters().get(ParameterCode.GAME_LIST)).isEmpty());

        OperationResponse create = master.expectOk(OperationCode.CREATE_GAME, ParameterCode.GAME_ID, "room1",
                ParameterCode.GAME_PROPERTIES, PhotonHashtable.of(GamePropertyKey.LOBBY_PROPERTIES,
                        new Object[] {"map"}, GamePropertyKey.MAX_PLAYERS, 4, "map", "de_dust"),
                ParameterCode.DELETE_CACHE_ON_LEAVE, true, ParameterCode.CHECK_USER_ON_JOIN, true);
        assertEquals(List.of(ParameterCode.ADDRESS, ParameterCode.GAME_ID, ParameterCode.TOKEN),
                List.of(create.parameters().codeAt(0), create.parameters().codeAt(1), create.parameters().codeAt(2)));
        assertEquals("ws://gs1/json", create.parameters().get(ParameterCode.ADDRESS));
        AuthToken gameToken = tokens.decode((String) create.parameters().get(ParameterCode.TOKEN));
        AuthToken nsIssued = tokens.decode(nsToken);
        assertEquals(nsIssued.userId(), gameToken.userId());
        assertEquals(nsIssued.sessionId(), tokens.decode(masterToken).sessionId());
        assertEquals("room1", gameToken.grantedGameId());

        // The game server confirms the room; lobby members see it in the next batch.
        report(gs, new Report("room1").props("map", "de_dust").active(gameToken.userId()).build());
        fiber.advance(1_000);
        EventData update = master.events(EventCode.GAME_LIST_UPDATE).get(0);
        assertEquals(PhotonHashtable.of("room1", PhotonHashtable.of("map", "de_dust",
                GamePropertyKey.MAX_PLAYERS, (byte) 4, GamePropertyKey.IS_OPEN, true,
                GamePropertyKey.PLAYER_COUNT, (byte) 1)), update.parameters().get(ParameterCode.GAME_LIST));
        ns.stop();
    }
}
