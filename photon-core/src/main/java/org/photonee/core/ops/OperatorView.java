package org.photonee.core.ops;

import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.function.DoubleSupplier;
import java.util.function.LongSupplier;
import org.photonee.core.fiber.Cancellable;
import org.photonee.core.fiber.Fiber;
import org.photonee.core.game.GameServerApplication;
import org.photonee.core.master.ClusterSnapshot;
import org.photonee.core.master.MasterServer;
import org.photonee.core.peer.ApplicationBase;
import org.photonee.core.room.Room;
import org.photonee.core.room.RoomHost;
import org.photonee.core.room.RoomSnapshot;
import org.photonee.core.stats.NodeStats;

/**
 * What the dashboard asks of a node. Samples CCU, rooms and message rates every {@link #SAMPLE_INTERVAL_MILLIS}
 * on its own fiber into an hour-long {@link TimeSeries}; answers cluster and room snapshots by posting onto the
 * master's or the room's fiber (callers wait with a timeout); carries out the operator's room actions.
 */
public final class OperatorView {
    /** One sample every 10 s ... */
    public static final long SAMPLE_INTERVAL_MILLIS = 10_000;
    /** ... for the last hour. */
    public static final int SAMPLES_KEPT = 360;
    public static final List<String> SERIES = List.of("ccu", "rooms", "messagesPerSecond");

    /** Where the node's roles are; null parts mean this node does not run that role. */
    public interface Roles {
        MasterServer master();

        GameServerApplication game();

        /** Client peers of every role on this node. */
        int localPeers();
    }

    /** This node's traffic right now, per second, from the last two samples. */
    public record Traffic(double operationsIn, double messagesOut, double bytesIn, double bytesOut, double cpuPercent) {
        public double messages() {
            return operationsIn + messagesOut;
        }
    }

    private final Roles roles;
    private final NodeStats stats;
    private final Fiber fiber;
    private final LongSupplier wallClock;
    private final DoubleSupplier cpu;
    private final TimeSeries history = new TimeSeries(SAMPLES_KEPT, SERIES);
    private final RateMeter operationsIn = new RateMeter();
    private final RateMeter messagesOut = new RateMeter();
    private final RateMeter bytesIn = new RateMeter();
    private final RateMeter bytesOut = new RateMeter();
    private volatile Traffic traffic = new Traffic(0, 0, 0, 0, 0);
    private Cancellable timer = Cancellable.NONE;

    public OperatorView(Roles roles, NodeStats stats, Fiber fiber, LongSupplier wallClock, DoubleSupplier cpu) {
        this.roles = roles;
        this.stats = stats;
        this.fiber = fiber;
        this.wallClock = wallClock;
        this.cpu = cpu;
    }

    public void start() {
        fiber.enqueue(() -> {
            timer.cancel();
            sample();
            timer = fiber.scheduleOnInterval(this::sample, SAMPLE_INTERVAL_MILLIS, SAMPLE_INTERVAL_MILLIS);
        });
    }

    public void stop() {
        fiber.enqueue(timer::cancel);
    }

    /** Takes one sample now (on the view's fiber); the cluster part completes on the master's fiber. */
    void sample() {
        long now = wallClock.getAsLong();
        Traffic t = new Traffic(operationsIn.perSecond(stats.operationsIn(), now),
                messagesOut.perSecond(stats.messagesOut(), now), bytesIn.perSecond(stats.bytesIn(), now),
                bytesOut.perSecond(stats.bytesOut(), now), cpu.getAsDouble());
        traffic = t;
        MasterServer master = roles.master();
        if (master == null) {
            GameServerApplication game = roles.game();
            history.add(now, roles.localPeers(), game == null ? 0 : game.rooms().roomCount(), t.messages());
            return;
        }
        ClusterSnapshot.take(master).thenAccept(c -> history.add(now, c.ccu(), c.rooms(), t.messages()));
    }

    public TimeSeries history() {
        return history;
    }

    public Traffic traffic() {
        return traffic;
    }

    /** The master's cluster view, or null (completed) when this node runs no master. */
    public CompletableFuture<ClusterSnapshot> cluster() {
        MasterServer master = roles.master();
        return master == null ? CompletableFuture.completedFuture(null) : ClusterSnapshot.take(master);
    }

    /** A room loaded on this node's game server; empty when there is none (or the room unloaded meanwhile). */
    public CompletableFuture<Optional<RoomSnapshot>> room(String appId, String gameId) {
        Optional<Room> room = host().flatMap(h -> h.find(appId, gameId));
        if (room.isEmpty()) {
            return CompletableFuture.completedFuture(Optional.empty());
        }
        return RoomSnapshot.take(room.get()).thenApply(Optional::ofNullable);
    }

    /** Closes a room of this node's game server; false when it has none of that name. */
    public CompletableFuture<Boolean> closeRoom(String appId, String gameId, String message) {
        return host().map(h -> h.close(appId, gameId, message)).orElse(CompletableFuture.completedFuture(false));
    }

    /** Removes an actor from a room of this node's game server; false when there is no such room or actor. */
    public CompletableFuture<Boolean> removeActor(String appId, String gameId, int actorNr, String message) {
        return host().map(h -> h.removeActor(appId, gameId, actorNr, message))
                .orElse(CompletableFuture.completedFuture(false));
    }

    private Optional<RoomHost> host() {
        GameServerApplication game = roles.game();
        return Optional.ofNullable(game == null ? null : game.rooms());
    }

    /** Client peers of one application (role), 0 when null. */
    public static int peersOf(ApplicationBase app) {
        return app == null ? 0 : app.peerCount();
    }
}
