package org.photonee.core.room;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import org.photonee.core.plugin.BeforeCloseGameCall;
import org.photonee.core.plugin.BeforeJoinCall;
import org.photonee.core.plugin.BeforeSetPropertiesCall;
import org.photonee.core.plugin.CloseGameCall;
import org.photonee.core.plugin.CreateGameCall;
import org.photonee.core.plugin.DisconnectCall;
import org.photonee.core.plugin.JoinCall;
import org.photonee.core.plugin.LeaveCall;
import org.photonee.core.plugin.PluginCall;
import org.photonee.core.plugin.PluginHost;
import org.photonee.core.plugin.PluginSettings;
import org.photonee.core.plugin.RaiseEventCall;
import org.photonee.core.plugin.RoomPlugin;
import org.photonee.core.plugin.RoomPluginFactory;
import org.photonee.core.plugin.SetPropertiesCall;

/** A plugin whose every hook a test scripts; records the calls it saw and the errors reported to it. */
final class ScriptedPlugin implements RoomPlugin {
    static final String NAME = "scripted";

    final PluginHost host;
    final PluginSettings settings;
    final List<PluginCall> calls = new ArrayList<>();
    final List<Integer> errors = new ArrayList<>();
    Consumer<CreateGameCall> create = PluginCall::proceed;
    Consumer<BeforeJoinCall> beforeJoin = PluginCall::proceed;
    Consumer<JoinCall> join = PluginCall::proceed;
    Consumer<LeaveCall> leave = PluginCall::proceed;
    Consumer<RaiseEventCall> raise = PluginCall::proceed;
    Consumer<BeforeSetPropertiesCall> beforeSet = PluginCall::proceed;
    Consumer<SetPropertiesCall> set = PluginCall::proceed;
    Consumer<BeforeCloseGameCall> beforeClose = PluginCall::proceed;
    Consumer<CloseGameCall> close = PluginCall::proceed;
    Consumer<DisconnectCall> disconnect = PluginCall::proceed;

    ScriptedPlugin(PluginHost host, PluginSettings settings) {
        this.host = host;
        this.settings = settings;
    }

    /** A factory that hands each new plugin to {@code created} so the test can script it before the hook runs. */
    static RoomPluginFactory factory(List<ScriptedPlugin> created, Consumer<ScriptedPlugin> script, boolean loads) {
        return new RoomPluginFactory() {
            @Override
            public boolean loadsUnknownRooms() {
                return loads;
            }

            @Override
            public String name() {
                return NAME;
            }

            @Override
            public RoomPlugin create(PluginHost host, PluginSettings settings) {
                ScriptedPlugin p = new ScriptedPlugin(host, settings);
                script.accept(p);
                created.add(p);
                return p;
            }
        };
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public String version() {
        return "2.5";
    }

    @SuppressWarnings("unchecked")
    private <C extends PluginCall> void record(C call, Consumer<C> hook) {
        calls.add(call);
        hook.accept(call);
    }

    List<String> hooks() {
        return calls.stream().map(PluginCall::hook).toList();
    }

    <C extends PluginCall> C last(Class<C> type) {
        for (int i = calls.size() - 1; i >= 0; i--) {
            if (type.isInstance(calls.get(i))) {
                return type.cast(calls.get(i));
            }
        }
        throw new AssertionError("no " + type.getSimpleName() + " in " + hooks());
    }

    @Override
    public void onCreateGame(CreateGameCall call) {
        record(call, create);
    }

    @Override
    public void beforeJoin(BeforeJoinCall call) {
        record(call, beforeJoin);
    }

    @Override
    public void onJoin(JoinCall call) {
        record(call, join);
    }

    @Override
    public void onLeave(LeaveCall call) {
        record(call, leave);
    }

    @Override
    public void onRaiseEvent(RaiseEventCall call) {
        record(call, raise);
    }

    @Override
    public void beforeSetProperties(BeforeSetPropertiesCall call) {
        record(call, beforeSet);
    }

    @Override
    public void onSetProperties(SetPropertiesCall call) {
        record(call, set);
    }

    @Override
    public void beforeCloseGame(BeforeCloseGameCall call) {
        record(call, beforeClose);
    }

    @Override
    public void onCloseGame(CloseGameCall call) {
        record(call, close);
    }

    @Override
    public void onDisconnect(DisconnectCall call) {
        record(call, disconnect);
    }

    @Override
    public void reportError(int code, Throwable error, Object state) {
        errors.add(code);
    }
}
