package org.photonee.core.plugin.testing;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.photonee.core.codes.JoinMode;
import org.photonee.core.codes.OperationCode;
import org.photonee.core.fiber.ManualFiber;
import org.photonee.core.plugin.PluginRegistry;
import org.photonee.core.plugin.PluginSettings;
import org.photonee.core.plugin.RoomPluginFactory;
import org.photonee.core.protocol.Parameters;
import org.photonee.core.room.JoinRequest;
import org.photonee.core.room.Room;
import org.photonee.core.room.RoomException;
import org.photonee.core.room.RoomHost;
import org.photonee.core.room.RoomOptions;
import org.photonee.core.room.RoomSettings;

/**
 * One room of a real {@link RoomHost} running the plugin under test, on a {@link ManualFiber}: what a plugin
 * does in a test is exactly what it does in the server. HTTP is not available (requests end as Offline).
 */
public final class TestRoom {
    private final List<ManualFiber> fibers = new ArrayList<>();
    private final RoomHost host;
    private final String gameId;
    private int players;
    private TestPlayer creator;

    private TestRoom(RoomPluginFactory factory, Map<String, String> settings, String gameId) {
        this.gameId = gameId;
        PluginRegistry registry = new PluginRegistry(List.of(factory), factory.name(),
                Map.of(factory.name(), new PluginSettings(settings)), null);
        this.host = new RoomHost(name -> {
            ManualFiber f = new ManualFiber();
            fibers.add(f);
            return f;
        }, RoomSettings.DEFAULTS, null, null, registry);
    }

    /**
     * Creates the room with its first player.
     *
     * @param settings      the plugin's {@code photon.plugins.<name>.<key>} values
     * @param createOptions CreateGame parameters as code/value pairs (e.g. {@code ParameterCode.PLAYER_TTL, 0})
     */
    public static TestRoom create(RoomPluginFactory factory, Map<String, String> settings, String creator,
                                  Object... createOptions) {
        TestRoom room = new TestRoom(factory, settings, "test-room");
        room.creator = room.enter(OperationCode.CREATE_GAME, creator, createOptions);
        return room;
    }

    /** The player that created the room. */
    public TestPlayer creator() {
        return creator;
    }

    /** A player joins (its answer, success or refusal, is in {@link TestPlayer#lastResponse()}). */
    public TestPlayer join(String userId) {
        return enter(OperationCode.JOIN_GAME, userId);
    }

    private TestPlayer enter(int op, String userId, Object... options) {
        TestPlayer player = new TestPlayer(this, userId, "player" + (++players));
        Parameters p = Parameters.of(options);
        JoinRequest request = new JoinRequest(player, op, userId, "session-" + userId, null, JoinMode.JOIN_ONLY,
                false, List.of(), null, Map.of(), p);
        if (op == OperationCode.CREATE_GAME) {
            try {
                host.create("app", "1.0", gameId, RoomOptions.fromRequest(p, RoomSettings.DEFAULTS), request);
            } catch (RoomException e) {
                throw new IllegalArgumentException("invalid create options: " + e.getMessage(), e);
            }
        } else {
            host.join("app", "1.0", gameId, null, request);
        }
        run();
        return player;
    }

    /** Runs what is queued on the room. */
    public void run() {
        boolean ran = true;
        while (ran) {
            ran = false;
            for (ManualFiber f : List.copyOf(fibers)) {
                ran |= f.runPending() > 0;
            }
        }
    }

    /** Moves the room's clock forward; timers due meanwhile fire in order. */
    public void advance(long millis) {
        for (ManualFiber f : List.copyOf(fibers)) {
            f.advance(millis);
        }
        run();
    }

    /** The room, while it is loaded. */
    public Room room() {
        return host.find("app", gameId).orElseThrow(() -> new IllegalStateException("the room is gone"));
    }

    public boolean isLoaded() {
        return host.find("app", gameId).isPresent();
    }

    void onRoom(java.util.function.Consumer<Room> action) {
        Room r = room();
        r.fiber().enqueue(() -> action.accept(r));
        run();
    }
}
