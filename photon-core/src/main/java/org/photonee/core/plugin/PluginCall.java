package org.photonee.core.plugin;

import java.util.Map;
import java.util.Objects;

/**
 * One thing that happened in a room, handed to a plugin hook to decide: Photon's {@code ICallInfo}. The plugin
 * must process every call exactly once: {@link #proceed()} (Photon's {@code Continue}), {@link #fail(String)}, or,
 * on the calls that allow it, cancel or defer. A deferred call, or one paused for an HTTP answer, is processed
 * later from a timer or HTTP callback, which run on the room fiber like the hook did.
 *
 * <p>Processing a call twice throws {@link IllegalStateException}: that is a bug in the plugin, reported like any
 * exception of a hook, and the first decision stands.
 */
public abstract class PluginCall {
    private final String hook;
    private final CallOutcome outcome;
    private CallStatus status = CallStatus.NEW;
    private boolean inHook;
    private String failMessage;
    private Map<Integer, Object> errorData = Map.of();

    protected PluginCall(String hook, CallOutcome outcome) {
        this.hook = Objects.requireNonNull(hook, "hook");
        this.outcome = Objects.requireNonNull(outcome, "outcome");
    }

    /** Continue: let the room carry out the operation. */
    public final void proceed() {
        finish(CallStatus.SUCCEEDED);
    }

    /** Refuse the operation: the client gets {@code PluginReportedError} (32752) with this message. */
    public final void fail(String message) {
        fail(message, Map.of());
    }

    /** As {@link #fail(String)}, with extra parameters for the error response (Photon's {@code errorData}). */
    public final void fail(String message, Map<Integer, Object> data) {
        failMessage = message == null ? "" : message;
        errorData = data == null ? Map.of() : Map.copyOf(data);
        finish(CallStatus.FAILED);
    }

    /** Drops the operation silently; public on the calls that allow it. */
    protected final void cancelCall() {
        finish(CallStatus.CANCELED);
    }

    /** Decides later; public on the calls that allow it. */
    protected final void deferCall() {
        if (status != CallStatus.NEW) {
            throw new IllegalStateException(hook + ": call is " + status + ", cannot defer it");
        }
        status = CallStatus.DEFERRED;
    }

    /** An HTTP request tied to this call holds it until its callback runs (the host calls this). */
    final void pause() {
        if (status.isProcessed()) {
            throw new IllegalStateException(hook + ": call is already " + status + ", cannot wait for HTTP on it");
        }
        status = CallStatus.PAUSED;
    }

    private void finish(CallStatus result) {
        if (status.isProcessed()) {
            throw new IllegalStateException(hook + ": call was already " + status);
        }
        status = result;
        if (!inHook) {
            deliver();
        }
    }

    /** Runs the hook on this call, then carries out its decision; see {@link HookRunner}. */
    final void beginHook() {
        inHook = true;
    }

    final void endHook() {
        inHook = false;
    }

    /** Ends a call the plugin did not decide (it forgot, or threw): the client is told why. */
    final void failUnprocessed(String message) {
        if (!status.isProcessed()) {
            failMessage = message;
            errorData = Map.of();
            status = CallStatus.FAILED;
        }
    }

    final void deliver() {
        switch (status) {
            case SUCCEEDED -> outcome.succeeded();
            case FAILED -> outcome.failed(failMessage, errorData);
            case CANCELED -> outcome.canceled();
            default -> throw new IllegalStateException(hook + ": call not processed yet");
        }
    }

    /** The hook's name as Photon spells it ("OnRaiseEvent", ...), for messages and logs. */
    public final String hook() {
        return hook;
    }

    public final CallStatus status() {
        return status;
    }

    public final boolean isNew() {
        return status == CallStatus.NEW;
    }

    public final boolean isDeferred() {
        return status == CallStatus.DEFERRED;
    }

    public final boolean isPaused() {
        return status == CallStatus.PAUSED;
    }

    public final boolean isProcessed() {
        return status.isProcessed();
    }

    public final boolean isSucceeded() {
        return status == CallStatus.SUCCEEDED;
    }

    public final boolean isFailed() {
        return status == CallStatus.FAILED;
    }

    public final boolean isCanceled() {
        return status == CallStatus.CANCELED;
    }

    /** The message of a failed call, or null. */
    public final String failMessage() {
        return failMessage;
    }

    @Override
    public String toString() {
        return hook + "[" + status + "]";
    }
}
