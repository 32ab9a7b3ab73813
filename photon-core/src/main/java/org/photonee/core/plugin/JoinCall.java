package org.photonee.core.plugin;

import org.photonee.core.protocol.Parameters;

/**
 * A user was admitted as an actor ({@code OnJoin}); continuing sends its join response, the Join event and the
 * cached events; failing removes the actor again (LeaveReason PluginFailedJoin) and refuses the join.
 */
public final class JoinCall extends PluginCall {
    private final Caller caller;
    private final Parameters request;
    private final boolean rejoin;

    public JoinCall(Caller caller, Parameters request, boolean rejoin, CallOutcome outcome) {
        super("OnJoin", outcome);
        this.caller = caller;
        this.request = request;
        this.rejoin = rejoin;
    }

    /** The joined actor, with its number. */
    public Caller caller() {
        return caller;
    }

    public Parameters request() {
        return request;
    }

    /** An inactive actor came back rather than a new one. */
    public boolean isRejoin() {
        return rejoin;
    }
}
