package org.photonee.core.plugin;

/**
 * The room had no active actor for its EmptyRoomTTL and is about to close ({@code BeforeCloseGame}). Continuing
 * goes on to {@link RoomPlugin#onCloseGame}; failing keeps the room open for another EmptyRoomTTL.
 */
public final class BeforeCloseGameCall extends PluginCall {
    private final int actorCount;

    public BeforeCloseGameCall(int actorCount, CallOutcome outcome) {
        super("BeforeCloseGame", outcome);
        this.actorCount = actorCount;
    }

    /** Actors still in the room (all inactive). */
    public int actorCount() {
        return actorCount;
    }
}
