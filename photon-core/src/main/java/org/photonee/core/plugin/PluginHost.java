package org.photonee.core.plugin;

import java.util.Collection;
import java.util.List;
import java.util.function.Consumer;
import org.photonee.core.fiber.Cancellable;
import org.photonee.core.http.HttpCall;
import org.photonee.core.http.HttpOutcome;
import org.photonee.core.protocol.PhotonHashtable;
import org.photonee.core.room.RoomState;

/**
 * What a plugin steers its room through (Photon's {@code IPluginHost}). Call it only on the room fiber, that is
 * from a hook, a timer or an HTTP callback; nothing here blocks.
 */
public interface PluginHost {
    String gameId();

    String appId();

    String appVersion();

    /** A copy of every game property as clients see them (well-known keys included). */
    PhotonHashtable gameProperties();

    /** A copy of the custom game properties only. */
    PhotonHashtable customProperties();

    /** Every actor, active and inactive, by actor number. */
    List<PluginActor> actors();

    List<PluginActor> activeActors();

    List<PluginActor> inactiveActors();

    /** The master client's actor number, 0 when the room has no active actor. */
    int masterClientId();

    /**
     * Sends an event to listed actors (inactive and unknown numbers are skipped). Clients get it like an event an
     * actor raised: {@code ActorNr} (254) = sender (0 = the server), {@code Data} (245) = data.
     */
    void broadcastEvent(Collection<Integer> targetActors, int senderActorNr, int code, Object data);

    /**
     * Sends an event to everyone, to the others of the sender, or to an interest group, optionally caching it
     * ({@link org.photonee.core.codes.EventCaching} DoNotCache, AddToRoomCache, AddToRoomCacheGlobal; caching does
     * not apply to group sends).
     */
    void broadcastEvent(BroadcastTarget target, int senderActorNr, int group, int code, Object data, int cacheOp);

    /** ErrorInfo (251) with the message to every active actor. */
    void broadcastErrorInfo(String message);

    /**
     * Sets room (actorNr 0) or actor properties as a client's SetProperties would, without plugin hooks.
     *
     * @param expected compare-and-set values, or null
     * @return false when the update was refused (invalid, or CAS mismatch); the plugin's reportError hears why
     */
    boolean setProperties(int actorNr, PhotonHashtable properties, PhotonHashtable expected, boolean broadcast);

    /**
     * Removes an actor (LeaveReason PluginRequest): it gets ErrorInfo with the message and is disconnected; with
     * {@link RemoveActorReason#BANNED} or {@code GLOBAL_BANNED} its user may not come back.
     *
     * @return false when there is no such actor
     */
    boolean removeActor(int actorNr, int reason, String message);

    /** Runs the action once on the room fiber after the delay; cancel the result to stop it. */
    Cancellable createOneTimeTimer(Runnable action, long dueMillis);

    /** Runs the action on the room fiber after the first delay and then every interval, until cancelled. */
    Cancellable createTimer(Runnable action, long dueMillis, long intervalMillis);

    /** Sends an HTTP request; the callback runs on the room fiber (not at all once the room is gone). */
    void httpRequest(HttpCall request, Consumer<HttpOutcome> callback);

    /**
     * As {@link #httpRequest(HttpCall, Consumer)}, holding {@code call} until the callback has decided it: the
     * hook may return without processing the call, the callback must process it.
     */
    void httpRequest(HttpCall request, PluginCall call, Consumer<HttpOutcome> callback);

    /** Runs the action on the room fiber after what is queued now. */
    void enqueue(Runnable action);

    /** The room as it is now, in the form persistent rooms are saved in. */
    RoomState state();

    /**
     * Replaces the room with a saved state: only while the room has no actor yet (in {@code OnCreateGame} of a
     * loading join). Actors come back inactive, waiting for their users to rejoin.
     *
     * @throws IllegalStateException when the room already has actors
     */
    void setState(RoomState state);

    System.Logger logger();
}
