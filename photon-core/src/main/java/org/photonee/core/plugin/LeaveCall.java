package org.photonee.core.plugin;

/**
 * An actor leaves or becomes inactive ({@code OnLeave}). A leave cannot be refused: continuing or failing, the
 * actor goes; failing only reports the plugin's message in the log.
 */
public final class LeaveCall extends PluginCall {
    private final Caller caller;
    private final boolean inactive;
    private final int reason;
    private final String details;

    public LeaveCall(Caller caller, boolean inactive, int reason, String details, CallOutcome outcome) {
        super("OnLeave", outcome);
        this.caller = caller;
        this.inactive = inactive;
        this.reason = reason;
        this.details = details;
    }

    public Caller caller() {
        return caller;
    }

    /** The actor stays in the room as inactive (it may rejoin within PlayerTTL). */
    public boolean isInactive() {
        return inactive;
    }

    /** {@link org.photonee.core.codes.LeaveReason} code. */
    public int reason() {
        return reason;
    }

    /** A human-readable detail (e.g. the plugin's message on a removal), may be null. */
    public String details() {
        return details;
    }
}
