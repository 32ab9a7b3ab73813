package org.photonee.core.plugin;

/**
 * An actor's connection is gone ({@code OnDisconnect}); {@link RoomPlugin#onLeave} follows once it is continued.
 * Like a leave, a disconnect cannot be refused.
 */
public final class DisconnectCall extends PluginCall {
    private final Caller caller;
    private final int reason;

    public DisconnectCall(Caller caller, int reason, CallOutcome outcome) {
        super("OnDisconnect", outcome);
        this.caller = caller;
        this.reason = reason;
    }

    public Caller caller() {
        return caller;
    }

    /** {@link org.photonee.core.codes.LeaveReason} code (the disconnect reason). */
    public int reason() {
        return reason;
    }
}
