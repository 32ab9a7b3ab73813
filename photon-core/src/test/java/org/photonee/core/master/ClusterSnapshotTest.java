package org.photonee.core.master;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;
import org.photonee.core.codes.ServerState;
import org.photonee.core.s2s.S2SMessages;
import org.photonee.core.s2s.ServerLoadUpdate;
import org.photonee.core.testing.TestPeer;

class ClusterSnapshotTest extends MasterTestBase {
    @Test
    void showsServersAppsLobbiesAndTheBusiestRoomsFirst() throws Exception {
        start();
        TestPeer gs = gameServer("gs1");
        gs.sendEvent(S2SMessages.updateServer(new ServerLoadUpdate(3, 7, ServerState.OUT_OF_ROTATION, 2, 10)));
        report(gs, new Report("quiet").active("a").build());
        report(gs, new Report("busy").lobby("ranked", 0).active("b", "c").inactive("d").build());
        client("lurker");
        fiber.advance(1500);

        CompletableFuture<ClusterSnapshot> taken = ClusterSnapshot.take(app.master());
        assertFalse(taken.isDone(), "taken on the master fiber, not the caller's thread");
        fiber.runPending();
        ClusterSnapshot c = taken.get();

        ClusterSnapshot.Server s = c.servers().get(0);
        assertEquals("gs1", s.serverId());
        assertEquals("OUT_OF_ROTATION", s.state());
        assertEquals(3, s.loadLevel());
        assertEquals(7, s.peers());
        assertEquals(2, s.rooms());
        assertTrue(s.connected());
        assertFalse(s.inRotation());
        assertEquals(1500, s.lastReportAgeMillis());
        assertEquals(1, c.masterPeers());
        assertEquals(8, c.ccu(), "master clients plus the game servers' peers");
        assertEquals(2, c.rooms());
        assertEquals("busy", c.busiestRooms().get(0).gameId());
        assertEquals(2, c.busiestRooms().get(0).activePlayers());
        assertEquals(1, c.busiestRooms().get(0).inactivePlayers());
        assertEquals("quiet", c.busiestRooms().get(1).gameId());
        ClusterSnapshot.App a = c.applications().get(0);
        assertEquals(APP, a.appId());
        assertEquals(2, a.games());
        assertEquals(1, a.peersOnMaster());
        assertEquals(2, a.lobbies().size(), "default and ranked: " + a.lobbies());
        assertEquals("ranked", a.lobbies().get(1).name());
        assertEquals(1, a.lobbies().get(1).games());
    }

    @Test
    void busiestRoomsAreCapped() throws Exception {
        start();
        TestPeer gs = gameServer("gs1");
        for (int i = 0; i < ClusterSnapshot.BUSIEST_ROOMS + 5; i++) {
            report(gs, new Report("r" + i).active("u" + i).build());
        }
        fiber.runPending();
        CompletableFuture<ClusterSnapshot> taken = ClusterSnapshot.take(app.master());
        fiber.runPending();
        assertEquals(ClusterSnapshot.BUSIEST_ROOMS, taken.get().busiestRooms().size());
        assertEquals(ClusterSnapshot.BUSIEST_ROOMS + 5, taken.get().rooms());
        assertEquals(-1, taken.get().servers().get(0).lastReportAgeMillis(), "no load report yet");
    }
}
