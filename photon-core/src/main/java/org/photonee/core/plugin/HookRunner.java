package org.photonee.core.plugin;

import java.util.function.Consumer;

/**
 * Runs one plugin hook on one call and enforces the exactly-once rule: a hook that throws is reported
 * ({@link PluginErrorCode#UNHANDLED_EXCEPTION}) and its call failed, a hook that returns without deciding is reported
 * ({@link PluginErrorCode#MISSING_CALL_PROCESSING}) and its call failed, so the client always gets an answer and
 * the rest of the room goes on. A decision taken inside the hook is carried out once the hook has returned.
 */
public final class HookRunner {
    private static final System.Logger LOG = System.getLogger("org.photonee.plugin");

    private final RoomPlugin plugin;

    public HookRunner(RoomPlugin plugin) {
        this.plugin = plugin;
    }

    public <C extends PluginCall> void run(C call, Consumer<C> hook) {
        call.beginHook();
        try {
            hook.accept(call);
        } catch (RuntimeException e) {
            report(PluginErrorCode.UNHANDLED_EXCEPTION, e, call);
            call.failUnprocessed("Plugin " + plugin.name() + " failed in " + call.hook() + ": " + e);
        } finally {
            call.endHook();
        }
        if (call.isNew()) {
            report(PluginErrorCode.MISSING_CALL_PROCESSING, null, call);
            call.failUnprocessed("Plugin " + plugin.name() + " did not process " + call.hook());
        }
        if (call.isProcessed()) {
            call.deliver();
        }
    }

    /**
     * Runs a timer or HTTP callback of the plugin: an exception is reported
     * ({@link PluginErrorCode#ASYNC_CALLBACK_EXCEPTION}), and a call the callback was to decide is failed.
     */
    public void runCallback(Runnable callback, PluginCall pending) {
        try {
            callback.run();
        } catch (RuntimeException e) {
            report(PluginErrorCode.ASYNC_CALLBACK_EXCEPTION, e, pending);
            if (pending != null && !pending.isProcessed()) {
                pending.failUnprocessed("Plugin " + plugin.name() + " failed in a callback of " + pending.hook()
                        + ": " + e);
                pending.deliver();
            }
            return;
        }
        if (pending != null && pending.isPaused()) {
            report(PluginErrorCode.MISSING_CALL_PROCESSING, null, pending);
            pending.failUnprocessed("Plugin " + plugin.name() + " did not process " + pending.hook()
                    + " in its HTTP callback");
            pending.deliver();
        }
    }

    /** Holds a call for an HTTP answer: its callback must decide it (see {@link #runCallback}). */
    public void hold(PluginCall call) {
        call.pause();
    }

    /** Tells the plugin about an error; a plugin whose error report throws is only logged. */
    public void report(int code, Throwable error, Object state) {
        try {
            plugin.reportError(code, error, state);
        } catch (RuntimeException e) {
            LOG.log(System.Logger.Level.WARNING, "plugin " + plugin.name() + ": reportError threw", e);
        }
    }
}
