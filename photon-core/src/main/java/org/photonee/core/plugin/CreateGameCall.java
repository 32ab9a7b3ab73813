package org.photonee.core.plugin;

import org.photonee.core.protocol.Parameters;

/**
 * The room is being created by its first actor ({@code OnCreateGame}); continuing lets the creator in. Replaces
 * {@code BeforeJoin}/{@code OnJoin} for the creator. With {@link #isJoin()} the room was not in memory and a join
 * arrived for it: a plugin that keeps rooms elsewhere loads the state ({@link PluginHost#setState}) before
 * continuing; a room still empty then is refused as not existing (unless {@link #createIfNotExists()}).
 */
public final class CreateGameCall extends PluginCall {
    private final Caller caller;
    private final Parameters request;
    private final boolean join;
    private final boolean createIfNotExists;

    public CreateGameCall(Caller caller, Parameters request, boolean join, boolean createIfNotExists,
                          CallOutcome outcome) {
        super("OnCreateGame", outcome);
        this.caller = caller;
        this.request = request;
        this.join = join;
        this.createIfNotExists = createIfNotExists;
    }

    public Caller caller() {
        return caller;
    }

    /** The CreateGame (or JoinGame) request's parameters, as the client sent them. */
    public Parameters request() {
        return request;
    }

    /** A JoinGame for a room not in memory, not a CreateGame. */
    public boolean isJoin() {
        return join;
    }

    /** The join would create the room if nobody has its state (JoinMode CreateIfNotExists). */
    public boolean createIfNotExists() {
        return createIfNotExists;
    }
}
