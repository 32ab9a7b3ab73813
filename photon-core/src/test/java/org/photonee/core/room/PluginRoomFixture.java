package org.photonee.core.room;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.function.Consumer;
import org.photonee.core.codes.JoinMode;
import org.photonee.core.codes.OperationCode;
import org.photonee.core.codes.ParameterCode;
import org.photonee.core.fiber.FiberFactory;
import org.photonee.core.fiber.ManualFiber;
import org.photonee.core.http.HttpCall;
import org.photonee.core.http.HttpOutcome;
import org.photonee.core.peer.SendParameters;
import org.photonee.core.plugin.PluginHttp;
import org.photonee.core.plugin.PluginRegistry;
import org.photonee.core.plugin.PluginSettings;
import org.photonee.core.protocol.Parameters;
import org.photonee.core.testing.MessageProtocol;
import org.photonee.core.testing.StubPeer;

/**
 * A RoomHost whose rooms ask for the {@link ScriptedPlugin}, on manual fibers kept by name, with an HTTP fake the
 * test answers by hand.
 */
final class PluginRoomFixture {
    final Map<String, ManualFiber> fibers = new LinkedHashMap<>();
    final List<ScriptedPlugin> plugins = new ArrayList<>();
    final List<HttpCall> httpCalls = new ArrayList<>();
    final List<CompletableFuture<HttpOutcome>> httpAnswers = new ArrayList<>();
    final RecordingListener listener = new RecordingListener();
    final InMemoryRoomStateStore store = new InMemoryRoomStateStore();
    final RoomHost host;
    private final MessageProtocol protocol = new MessageProtocol("Test");
    private int peers;

    PluginRoomFixture(Consumer<ScriptedPlugin> script) {
        this(script, false);
    }

    /** @param asDefault the scripted plugin is also what rooms get when they name none */
    PluginRoomFixture(Consumer<ScriptedPlugin> script, boolean asDefault) {
        this(script, asDefault, false);
    }

    /** The scripted plugin as default, loading rooms it does not hold (like persistent webhooks). */
    static PluginRoomFixture loading(Consumer<ScriptedPlugin> script) {
        return new PluginRoomFixture(script, true, true);
    }

    private PluginRoomFixture(Consumer<ScriptedPlugin> script, boolean asDefault, boolean loads) {
        FiberFactory factory = name -> fibers.computeIfAbsent(name, n -> new ManualFiber());
        PluginHttp http = call -> {
            httpCalls.add(call);
            CompletableFuture<HttpOutcome> answer = new CompletableFuture<>();
            httpAnswers.add(answer);
            return answer;
        };
        PluginRegistry registry = new PluginRegistry(List.of(ScriptedPlugin.factory(plugins, script, loads)),
                asDefault ? ScriptedPlugin.NAME : null,
                Map.of(ScriptedPlugin.NAME, new PluginSettings(Map.of("turnSeconds", "30"))), name -> http);
        host = new RoomHost(factory, RoomSettings.DEFAULTS, listener, store, registry);
    }

    ScriptedPlugin plugin() {
        return plugins.get(plugins.size() - 1);
    }

    ManualFiber fiber(String gameId) {
        return fibers.get("room-" + gameId);
    }

    void runAll() {
        boolean ran = true;
        while (ran) {
            ran = false;
            for (ManualFiber f : List.copyOf(fibers.values())) {
                ran |= f.runPending() > 0;
            }
        }
    }

    void advance(long millis) {
        for (ManualFiber f : List.copyOf(fibers.values())) {
            f.advance(millis);
        }
        runAll();
    }

    TestMember member() {
        return new TestMember(new StubPeer("p" + (++peers), protocol));
    }

    /** CreateGame of room {@code gameId} naming the scripted plugin (or, with plugin null, none). */
    TestMember create(String gameId, String userId, String plugin, Object... options) {
        TestMember m = member();
        Parameters p = Parameters.of(options);
        if (plugin != null) {
            p.put(ParameterCode.PLUGINS, new String[] {plugin});
        }
        try {
            host.create("app", "1.0", gameId, RoomOptions.fromRequest(p, host.settings()),
                    request(m, OperationCode.CREATE_GAME, userId, JoinMode.JOIN_ONLY, plugin, p));
        } catch (RoomException e) {
            throw new AssertionError(e);
        }
        runAll();
        return m;
    }

    TestMember create(String gameId, String userId) {
        return create(gameId, userId, ScriptedPlugin.NAME);
    }

    TestMember join(String gameId, String userId) {
        return join(gameId, userId, JoinMode.JOIN_ONLY, null);
    }

    TestMember join(String gameId, String userId, int mode, String plugin) {
        TestMember m = member();
        Parameters p = new Parameters();
        host.join("app", "1.0", gameId, null, request(m, OperationCode.JOIN_GAME, userId, mode, plugin, p));
        runAll();
        return m;
    }

    private static JoinRequest request(TestMember m, int op, String userId, int mode, String plugin, Parameters p) {
        return new JoinRequest(m, op, userId, "s-" + userId, null, mode, false, List.of(), plugin,
                Map.of("secret", "cookie-" + userId), p);
    }

    Room room(String gameId) {
        return host.find("app", gameId).orElseThrow();
    }

    void raise(TestMember m, Object... parameters) {
        Room room = room("r1");
        room.fiber().enqueue(() -> room.raiseEvent(m, Parameters.of(parameters), SendParameters.DEFAULT));
        runAll();
    }

    void setProperties(TestMember m, Object... parameters) {
        Room room = room("r1");
        room.fiber().enqueue(() -> room.setProperties(m, Parameters.of(parameters)));
        runAll();
    }

    void leave(TestMember m, boolean inactive) {
        Room room = room("r1");
        room.fiber().enqueue(() -> room.leave(m, Parameters.of(ParameterCode.IS_INACTIVE, inactive)));
        runAll();
    }

    void disconnect(TestMember m, int reason) {
        Room room = room("r1");
        room.fiber().enqueue(() -> room.disconnect(m, reason));
        runAll();
    }

    /** Answers the oldest unanswered HTTP request (off the room fiber, as the real queue does). */
    void answerHttp(HttpOutcome outcome) {
        for (CompletableFuture<HttpOutcome> f : httpAnswers) {
            if (!f.isDone()) {
                f.complete(outcome);
                return;
            }
        }
        throw new AssertionError("no HTTP request waiting");
    }
}
