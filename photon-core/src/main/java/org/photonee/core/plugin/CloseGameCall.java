package org.photonee.core.plugin;

/**
 * The room closes ({@code OnCloseGame}): the last chance to save its state ({@link PluginHost#state()}). The room is
 * unloaded once the call is processed, whichever way; a plugin saving elsewhere defers it until the save answered.
 */
public final class CloseGameCall extends PluginCall {
    private final int actorCount;
    private final boolean failedOnCreate;

    public CloseGameCall(int actorCount, boolean failedOnCreate, CallOutcome outcome) {
        super("OnCloseGame", outcome);
        this.actorCount = actorCount;
        this.failedOnCreate = failedOnCreate;
    }

    /** Actors still in the room (inactive ones who may come back to a saved room). */
    public int actorCount() {
        return actorCount;
    }

    /** The room closes because its creation was refused. */
    public boolean failedOnCreate() {
        return failedOnCreate;
    }

    public void defer() {
        deferCall();
    }
}
