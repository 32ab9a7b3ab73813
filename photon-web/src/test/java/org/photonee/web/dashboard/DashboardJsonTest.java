package org.photonee.web.dashboard;

import jakarta.json.JsonObject;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.photonee.core.codes.ServerState;
import org.photonee.core.master.ClusterSnapshot;
import org.photonee.core.ops.OperatorView;
import org.photonee.core.ops.TimeSeries;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class DashboardJsonTest {
    private static final DashboardJson.NodeInfo NODE = new DashboardJson.NodeInfo("gs-1", "ns,master,game", "1.0",
            "ws://127.0.0.1/photon", 1000, 3, ServerState.OUT_OF_ROTATION);
    private static final OperatorView.Traffic TRAFFIC = new OperatorView.Traffic(10.04, 20, 300, 400.26, 12.5);

    @Test
    void onlyThisNodesGameServerAndRoomsAreMarkedLocalAndCarryTraffic() {
        ClusterSnapshot cluster = new ClusterSnapshot(List.of(
                new ClusterSnapshot.Server("gs-1", "ws://a/game", "OUT_OF_ROTATION", 2, 3, 1, true, false, false, 500),
                new ClusterSnapshot.Server("gs-2", "ws://b/game", "NORMAL", 5, 9, 2, true, true, false, -1)),
                List.of(new ClusterSnapshot.App("app", "1.0", 1, 3, 12,
                        List.of(new ClusterSnapshot.Lobby("", 0, 3, 1)))),
                List.of(new ClusterSnapshot.RoomRow("app", "1.0", "r2", "", "gs-2", 8, 1, 10, true, true),
                        new ClusterSnapshot.RoomRow("app", "1.0", "r1", "", "gs-1", 3, 0, 0, true, true)),
                1, 13, 3);
        JsonObject o = DashboardJson.overview(NODE, TRAFFIC, cluster, 42);
        assertEquals("OutOfRotation", o.getJsonObject("node").getString("serverState"));
        assertEquals(30.0, o.getJsonObject("node").getJsonObject("traffic").getJsonNumber("messagesPerSecond")
                .doubleValue(), "operations in + messages out");
        var servers = o.getJsonArray("servers");
        assertTrue(servers.getJsonObject(0).getBoolean("local"));
        assertEquals("OutOfRotation", servers.getJsonObject(0).getString("state"));
        assertEquals(400.3, servers.getJsonObject(0).getJsonObject("traffic").getJsonNumber("bytesOutPerSecond")
                .doubleValue());
        assertFalse(servers.getJsonObject(1).getBoolean("local"));
        assertEquals("Normal", servers.getJsonObject(1).getString("state"));
        assertFalse(servers.getJsonObject(1).containsKey("traffic"), "the master's reports carry no traffic");
        var rooms = o.getJsonArray("busiestRooms");
        assertFalse(rooms.getJsonObject(0).getBoolean("local"));
        assertTrue(rooms.getJsonObject(1).getBoolean("local"));
        assertEquals(13, o.getJsonObject("master").getInt("ccu"));
        assertEquals(3, o.getJsonArray("applications").getJsonObject(0).getJsonArray("lobbies").getJsonObject(0)
                .getInt("games"));
    }

    @Test
    void withoutAMasterTheOverviewHasOnlyTheNode() {
        JsonObject o = DashboardJson.overview(NODE, TRAFFIC, null, 42);
        assertTrue(o.isNull("master"));
        assertFalse(o.containsKey("servers"));
    }

    @Test
    void historyIsColumnsInSecondsAsUPlotWantsThem() {
        TimeSeries series = new TimeSeries(4, OperatorView.SERIES);
        series.add(10_000, 1, 2, 3.33);
        series.add(20_000, 4, 5, 6);
        JsonObject h = DashboardJson.history(series);
        assertEquals(List.of(10, 20), h.getJsonArray("times").getValuesAs(jakarta.json.JsonNumber.class).stream()
                .map(jakarta.json.JsonNumber::intValue).toList());
        assertEquals(3.3, h.getJsonObject("series").getJsonArray("messagesPerSecond").getJsonNumber(0).doubleValue());
        assertEquals(4.0, h.getJsonObject("series").getJsonArray("ccu").getJsonNumber(1).doubleValue());
    }
}
