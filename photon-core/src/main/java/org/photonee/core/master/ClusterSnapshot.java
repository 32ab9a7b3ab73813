package org.photonee.core.master;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.CompletableFuture;

/**
 * The master's view of its cluster for the dashboard, copied on the master fiber: every registered game server,
 * every application with its lobbies, and the busiest rooms. Player counts come from the game servers' reports.
 *
 * @param masterPeers clients connected to the master (in lobbies or matchmaking)
 * @param ccu         concurrent users: master clients plus the game servers' client peers
 */
public record ClusterSnapshot(List<Server> servers, List<App> applications, List<RoomRow> busiestRooms,
                              int masterPeers, int ccu, int rooms) {
    /** How many rooms the busiest-rooms list holds. */
    public static final int BUSIEST_ROOMS = 10;

    /** @param lastReportAgeMillis time since the last load report, -1 before the first */
    public record Server(String serverId, String address, String state, int loadLevel, int peers, int rooms,
                         boolean connected, boolean inRotation, boolean leaving, long lastReportAgeMillis) {
    }

    public record Lobby(String name, int type, int games, int members) {
    }

    public record App(String appId, String appVersion, int peersOnMaster, int games, int playersInGames,
                      List<Lobby> lobbies) {
    }

    public record RoomRow(String appId, String appVersion, String gameId, String lobby, String serverId,
                          int activePlayers, int inactivePlayers, int maxPlayers, boolean open, boolean visible) {
        int players() {
            return activePlayers + inactivePlayers;
        }
    }

    /** Copies the master's state; call on its fiber. */
    public static ClusterSnapshot of(MasterServer master) {
        long now = master.fiber().nowMillis();
        List<Server> servers = new ArrayList<>();
        int serverPeers = 0;
        for (GameServerContext s : master.registry().all()) {
            long last = s.lastReportMillis();
            servers.add(new Server(s.serverId(), s.registration().publicAddresses().values().iterator().next(),
                    s.state().name(), s.loadLevel(), s.peerCount(), s.gameCount(), s.isConnected(),
                    s.isInRotation(), s.isLeaving(), last < 0 ? -1 : now - last));
            serverPeers += s.peerCount();
        }
        List<App> apps = new ArrayList<>();
        List<RoomRow> rooms = new ArrayList<>();
        int masterPeers = 0;
        for (GameApplication app : master.applications()) {
            List<Lobby> lobbies = new ArrayList<>();
            for (AppLobby l : app.lobbies()) {
                lobbies.add(new Lobby(l.key().name(), l.key().type(), l.gameCount(), l.memberCount()));
            }
            lobbies.sort(Comparator.comparing(Lobby::name).thenComparingInt(Lobby::type));
            apps.add(new App(app.appId(), app.appVersion(), app.peerCount(), app.games().size(),
                    app.playersInGames(), List.copyOf(lobbies)));
            masterPeers += app.peerCount();
            for (GameState g : app.games()) {
                if (g.isConfirmed()) {
                    var r = g.report();
                    rooms.add(new RoomRow(app.appId(), app.appVersion(), g.gameId(), g.lobby().key().name(),
                            g.server().serverId(), r.activeCount(), r.inactiveCount(), r.maxPlayers(), r.isOpen(),
                            r.isVisible()));
                }
            }
        }
        apps.sort(Comparator.comparing(App::appId).thenComparing(App::appVersion));
        int roomCount = rooms.size();
        rooms.sort(Comparator.comparingInt(RoomRow::players).reversed().thenComparing(RoomRow::gameId));
        List<RoomRow> busiest = List.copyOf(rooms.subList(0, Math.min(BUSIEST_ROOMS, rooms.size())));
        return new ClusterSnapshot(List.copyOf(servers), List.copyOf(apps), busiest, masterPeers,
                masterPeers + serverPeers, roomCount);
    }

    /** Takes a snapshot on the master's fiber; the caller waits with a timeout, never the fiber. */
    public static CompletableFuture<ClusterSnapshot> take(MasterServer master) {
        CompletableFuture<ClusterSnapshot> result = new CompletableFuture<>();
        master.fiber().enqueue(() -> {
            try {
                result.complete(of(master));
            } catch (RuntimeException e) {
                result.completeExceptionally(e);
            }
        });
        return result;
    }
}
