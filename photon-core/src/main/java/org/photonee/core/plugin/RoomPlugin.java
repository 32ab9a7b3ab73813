package org.photonee.core.plugin;

/**
 * Server-side logic of one room (Photon's {@code IGamePlugin}, {@code PluginBase}): a hook for each thing that
 * happens, every one defaulting to {@link PluginCall#proceed()}, so a plugin overrides only what it steers. Each
 * hook gets a call it must process exactly once (see {@link PluginCall}); {@link HookRunner} reports the ones it
 * does not.
 *
 * <p>One instance per room, created by its {@link RoomPluginFactory} with the room's {@link PluginHost}. All hooks,
 * timers and HTTP callbacks run on the room's fiber, one at a time: no locks, and no blocking.
 */
public interface RoomPlugin {
    /** The name clients ask for in Plugins (204) and get back in PluginName (201). */
    String name();

    /** Sent back in PluginVersion (200). */
    default String version() {
        return "1.0";
    }

    default void onCreateGame(CreateGameCall call) {
        call.proceed();
    }

    default void beforeJoin(BeforeJoinCall call) {
        call.proceed();
    }

    default void onJoin(JoinCall call) {
        call.proceed();
    }

    default void onLeave(LeaveCall call) {
        call.proceed();
    }

    default void onRaiseEvent(RaiseEventCall call) {
        call.proceed();
    }

    default void beforeSetProperties(BeforeSetPropertiesCall call) {
        call.proceed();
    }

    default void onSetProperties(SetPropertiesCall call) {
        call.proceed();
    }

    default void beforeCloseGame(BeforeCloseGameCall call) {
        call.proceed();
    }

    default void onCloseGame(CloseGameCall call) {
        call.proceed();
    }

    default void onDisconnect(DisconnectCall call) {
        call.proceed();
    }

    /**
     * Something went wrong with the plugin's own handling ({@link PluginErrorCode}): a forgotten call, an exception,
     * failed properties. The default logs it.
     *
     * @param error the exception, or null
     * @param state the call concerned, or null
     */
    default void reportError(int code, Throwable error, Object state) {
        System.getLogger("org.photonee.plugin." + name()).log(System.Logger.Level.WARNING,
                "plugin error " + code + " on " + state, error);
    }
}
