package org.photonee.core.room;

import java.util.Map;
import org.photonee.core.codes.ReturnCode;
import org.photonee.core.plugin.BeforeCloseGameCall;
import org.photonee.core.plugin.BeforeJoinCall;
import org.photonee.core.plugin.BeforeSetPropertiesCall;
import org.photonee.core.plugin.CallOutcome;
import org.photonee.core.plugin.Caller;
import org.photonee.core.plugin.CloseGameCall;
import org.photonee.core.plugin.CreateGameCall;
import org.photonee.core.plugin.DefaultPlugin;
import org.photonee.core.plugin.DisconnectCall;
import org.photonee.core.plugin.HookRunner;
import org.photonee.core.plugin.JoinCall;
import org.photonee.core.plugin.LeaveCall;
import org.photonee.core.plugin.PluginErrorCode;
import org.photonee.core.plugin.PropertyRequest;
import org.photonee.core.plugin.RaiseEventCall;
import org.photonee.core.plugin.RoomPlugin;
import org.photonee.core.plugin.SetPropertiesCall;
import org.photonee.core.protocol.OperationResponse;
import org.photonee.core.protocol.Parameters;

/**
 * Where a room meets its plugin: builds the call for each hook, runs it through a {@link HookRunner} and hands
 * the decision back to the room. The Default plugin passes everything, so the room skips the calls altogether on
 * its hot path (RaiseEvent).
 */
final class PluginGate {
    static final PluginGate DEFAULT = new PluginGate(new DefaultPlugin());

    private final RoomPlugin plugin;
    private final HookRunner hooks;
    private final boolean passesEverything;

    PluginGate(RoomPlugin plugin) {
        this.plugin = plugin;
        this.hooks = new HookRunner(plugin);
        this.passesEverything = plugin instanceof DefaultPlugin;
    }

    RoomPlugin plugin() {
        return plugin;
    }

    HookRunner hooks() {
        return hooks;
    }

    /** True for the Default plugin: every call would be continued at once. */
    boolean passesEverything() {
        return passesEverything;
    }

    void createGame(Caller caller, Parameters request, boolean join, boolean createIfNotExists, CallOutcome then) {
        hooks.run(new CreateGameCall(caller, request, join, createIfNotExists, then), plugin::onCreateGame);
    }

    void beforeJoin(Caller caller, Parameters request, CallOutcome then) {
        hooks.run(new BeforeJoinCall(caller, request, then), plugin::beforeJoin);
    }

    void onJoin(Caller caller, Parameters request, boolean rejoin, CallOutcome then) {
        hooks.run(new JoinCall(caller, request, rejoin, then), plugin::onJoin);
    }

    void onLeave(Caller caller, boolean inactive, int reason, String details, Runnable then) {
        hooks.run(new LeaveCall(caller, inactive, reason, details, Outcomes.regardless("OnLeave", then)),
                plugin::onLeave);
    }

    void onDisconnect(Caller caller, int reason, Runnable then) {
        hooks.run(new DisconnectCall(caller, reason, Outcomes.regardless("OnDisconnect", then)),
                plugin::onDisconnect);
    }

    void onRaiseEvent(Caller caller, Parameters request, CallOutcome then) {
        hooks.run(new RaiseEventCall(caller, request, then), plugin::onRaiseEvent);
    }

    void beforeSetProperties(Caller caller, PropertyRequest request, CallOutcome then) {
        hooks.run(new BeforeSetPropertiesCall(caller, request, then), plugin::beforeSetProperties);
    }

    void onSetProperties(Caller caller, PropertyRequest request, CallOutcome then) {
        hooks.run(new SetPropertiesCall(caller, request, then), plugin::onSetProperties);
    }

    /** BeforeCloseGame, then OnCloseGame; {@code keepOpen} when the plugin fails BeforeCloseGame. */
    void close(int actorCount, Runnable closeNow, Runnable keepOpen) {
        hooks.run(new BeforeCloseGameCall(actorCount, Outcomes.of(
                () -> hooks.run(new CloseGameCall(actorCount, false, Outcomes.regardless("OnCloseGame", closeNow)),
                        plugin::onCloseGame),
                (message, data) -> keepOpen.run())), plugin::beforeCloseGame);
    }

    /** A properties update the plugin let through (or made) was refused by the room's rules. */
    void reportRefusedProperties(boolean casMismatch, RoomException refusal) {
        if (!passesEverything) {
            hooks.report(casMismatch ? PluginErrorCode.SET_PROPERTIES_CAS_FAIL
                    : PluginErrorCode.SET_PROPERTIES_PRECONDITIONS_FAIL, refusal, null);
        }
    }

    static Caller callerOf(Actor actor) {
        return new Caller(actor.actorNr(), actor.userId(), actor.nickname(), actor.authCookie());
    }

    /** PluginReportedError (32752) with the plugin's message and extra parameters. */
    static OperationResponse pluginError(int operationCode, String message, Map<Integer, Object> data) {
        Parameters p = new Parameters(data.size());
        data.forEach(p::put);
        return new OperationResponse(operationCode, ReturnCode.PLUGIN_REPORTED_ERROR, message, p);
    }
}
