package org.photonee.core.plugin;

/**
 * Properties were set ({@code OnSetProperties}); continuing answers the client with success, failing answers it with
 * the plugin's message (the properties stay set).
 */
public final class SetPropertiesCall extends PluginCall {
    private final Caller caller;
    private final PropertyRequest request;

    public SetPropertiesCall(Caller caller, PropertyRequest request, CallOutcome outcome) {
        super("OnSetProperties", outcome);
        this.caller = caller;
        this.request = request;
    }

    public Caller caller() {
        return caller;
    }

    public PropertyRequest request() {
        return request;
    }
}
