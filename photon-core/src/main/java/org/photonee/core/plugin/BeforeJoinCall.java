package org.photonee.core.plugin;

import org.photonee.core.protocol.Parameters;

/** A user asks to join the room, before any join rule is checked ({@code BeforeJoin}); continuing lets it try. */
public final class BeforeJoinCall extends PluginCall {
    private final Caller caller;
    private final Parameters request;

    public BeforeJoinCall(Caller caller, Parameters request, CallOutcome outcome) {
        super("BeforeJoin", outcome);
        this.caller = caller;
        this.request = request;
    }

    public Caller caller() {
        return caller;
    }

    /** The JoinGame request's parameters. */
    public Parameters request() {
        return request;
    }
}
