package org.photonee.core.master;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.photonee.core.codes.OperationCode;
import org.photonee.core.codes.ParameterCode;
import org.photonee.core.testing.TestPeer;

class MasterObserverTest extends MasterTestBase {
    @Test
    void observerHearsServersAndGames() {
        List<String> log = new ArrayList<>();
        start();
        app.master().setObserver(new MasterObserver() {
            @Override
            public void gameServerRegistered(GameServerContext server) {
                log.add("registered " + server.serverId());
            }

            @Override
            public void gameServerRemoved(String serverId) {
                log.add("removed " + serverId);
            }

            @Override
            public void gameUpdated(GameApplication application, GameState game) {
                log.add("game " + game.gameId() + (game.isConfirmed() ? " confirmed" : " assigned"));
            }

            @Override
            public void gameRemoved(GameApplication application, String gameId) {
                log.add("gone " + gameId);
            }
        });
        TestPeer gs = gameServer("gs1");
        client("alice").expectOk(OperationCode.CREATE_GAME, ParameterCode.GAME_ID, "g");
        report(gs, new Report("g").build());
        gs.drop();
        fiber.advance(20_000);
        assertEquals(List.of("registered gs1", "game g assigned", "game g confirmed", "gone g", "removed gs1"), log);
    }
}
