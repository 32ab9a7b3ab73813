package org.photonee.it.fault;

import org.photonee.client.RoomOptions;

import java.net.URI;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * Rooms full of {@link Player}s that keep playing: every player raises a numbered event to its whole room at a fixed
 * rate until stopped. Rooms are filled concurrently (creator first, then the others join by name).
 */
final class RoomTraffic implements AutoCloseable {
    final Map<String, List<Player>> rooms = new LinkedHashMap<>();
    private final ScheduledExecutorService senders = Executors.newScheduledThreadPool(2);
    private static final java.util.concurrent.ExecutorService FILLERS = Executors.newCachedThreadPool(r -> {
        Thread t = new Thread(r, "room-filler");
        t.setDaemon(true);
        return t;
    });

    private RoomTraffic() {
    }

    static RoomTraffic fill(URI nameServer, String appId, String prefix, int roomCount, int size,
                            RoomOptions options) throws Exception {
        RoomTraffic traffic = new RoomTraffic();
        List<CompletableFuture<Void>> filled = new ArrayList<>();
        for (int r = 0; r < roomCount; r++) {
            String room = prefix + "-" + r;
            List<Player> players = new ArrayList<>();
            for (int u = 0; u < size; u++) {
                players.add(new Player(appId, room + "-u" + u));
            }
            traffic.rooms.put(room, players);
            filled.add(CompletableFuture.runAsync(() -> {
                try {
                    Player creator = players.get(0);
                    creator.connect(nameServer);
                    Faults.await(creator.client.createRoom(room, options));
                    for (Player p : players.subList(1, players.size())) {
                        p.connect(nameServer);
                        Faults.await(p.client.joinRoom(room));
                    }
                } catch (Exception e) {
                    throw new IllegalStateException("filling " + room + " failed", e);
                }
            }, FILLERS));
        }
        CompletableFuture.allOf(filled.toArray(new CompletableFuture[0])).get(180, TimeUnit.SECONDS);
        return traffic;
    }

    void startSending(int hz) {
        long period = 1000 / hz;
        senders.scheduleAtFixedRate(() -> players().forEach(Player::send), period, period, TimeUnit.MILLISECONDS);
    }

    void stopSending() throws InterruptedException {
        senders.shutdown();
        senders.awaitTermination(5, TimeUnit.SECONDS);
    }

    List<Player> players() {
        List<Player> all = new ArrayList<>();
        rooms.values().forEach(all::addAll);
        return all;
    }

    long received() {
        return players().stream().mapToLong(Player::received).sum();
    }

    long gaps() {
        return players().stream().mapToLong(Player::gaps).sum();
    }

    List<String> violations() {
        List<String> all = new ArrayList<>();
        players().forEach(p -> all.addAll(p.violations));
        return all;
    }

    /** Game servers hosting the rooms. */
    Set<String> gameServers() {
        Set<String> out = new HashSet<>();
        players().forEach(p -> out.add(p.gameServer()));
        return out;
    }

    /** Fails when two players of one room hold the same actor number. */
    void assertUniqueActorNumbers() {
        rooms.forEach((room, players) -> {
            Set<Integer> seen = new HashSet<>();
            for (Player p : players) {
                if (p.actorNr() != 0 && !seen.add(p.actorNr())) {
                    throw new AssertionError("actor number " + p.actorNr() + " twice in " + room);
                }
            }
        });
    }

    @Override
    public void close() {
        senders.shutdownNow();
        players().forEach(p -> p.client.close());
    }
}
