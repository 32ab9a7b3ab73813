package org.photonee.core.plugin;

import org.photonee.core.protocol.PhotonHashtable;

/**
 * An actor asks to set room or actor properties ({@code BeforeSetProperties}); the request is valid, nothing is
 * set yet. The plugin may change {@link #properties()} before continuing; cancelling drops the request silently.
 */
public final class BeforeSetPropertiesCall extends PluginCall {
    private final Caller caller;
    private final PropertyRequest request;

    public BeforeSetPropertiesCall(Caller caller, PropertyRequest request, CallOutcome outcome) {
        super("BeforeSetProperties", outcome);
        this.caller = caller;
        this.request = request;
    }

    public Caller caller() {
        return caller;
    }

    public PropertyRequest request() {
        return request;
    }

    /** The properties to set; changes made before continuing are what gets set. */
    public PhotonHashtable properties() {
        return request.properties();
    }

    public void cancel() {
        cancelCall();
    }

    public void defer() {
        deferCall();
    }
}
