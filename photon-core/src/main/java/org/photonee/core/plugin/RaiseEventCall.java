package org.photonee.core.plugin;

import org.photonee.core.codes.ParameterCode;
import org.photonee.core.protocol.Parameters;
import org.photonee.core.protocol.Values;

/**
 * An actor raised an event ({@code OnRaiseEvent}), before it is relayed or cached. Continuing relays it as the
 * client asked (the request is validated then); cancelling drops it silently; deferring decides later.
 */
public final class RaiseEventCall extends PluginCall {
    private final Caller caller;
    private final Parameters request;

    public RaiseEventCall(Caller caller, Parameters request, CallOutcome outcome) {
        super("OnRaiseEvent", outcome);
        this.caller = caller;
        this.request = request;
    }

    public Caller caller() {
        return caller;
    }

    /** The RaiseEvent request's parameters, as sent (not yet validated). */
    public Parameters request() {
        return request;
    }

    /** The event code (244), or -1 when missing or not a number. */
    public int eventCode() {
        Object code = request.get(ParameterCode.CODE);
        return Values.isIntegral(code) ? Values.toInt(code) : -1;
    }

    /** The event's data (245), may be null. */
    public Object data() {
        return request.get(ParameterCode.DATA);
    }

    /** WebFlags (234), 0 when absent. */
    public int webFlags() {
        return Values.toInt(request.get(ParameterCode.WEB_FLAGS), 0);
    }

    /** Drops the event silently. */
    public void cancel() {
        cancelCall();
    }

    /** Decides later, from a timer or an HTTP callback. */
    public void defer() {
        deferCall();
    }
}
