package org.photonee.core.room;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.function.Predicate;
import org.photonee.core.codes.EventCaching;
import org.photonee.core.codes.EventCode;
import org.photonee.core.codes.LeaveReason;
import org.photonee.core.codes.ParameterCode;
import org.photonee.core.fiber.Cancellable;
import org.photonee.core.http.HttpCall;
import org.photonee.core.http.HttpOutcome;
import org.photonee.core.plugin.BroadcastTarget;
import org.photonee.core.plugin.HookRunner;
import org.photonee.core.plugin.PluginActor;
import org.photonee.core.plugin.PluginCall;
import org.photonee.core.plugin.PluginHost;
import org.photonee.core.plugin.PluginHttp;
import org.photonee.core.plugin.RemoveActorReason;
import org.photonee.core.peer.Peer;
import org.photonee.core.peer.SendParameters;
import org.photonee.core.protocol.EventData;
import org.photonee.core.protocol.Parameters;
import org.photonee.core.protocol.PhotonHashtable;

/**
 * A room as its plugin sees it: reads answer from the room's live state, actions go through the room's own rules,
 * and every timer and HTTP callback is posted back onto the room fiber through the plugin's {@link HookRunner},
 * so a callback that throws is reported like a hook that throws.
 */
final class RoomPluginHost implements PluginHost {
    private final Room room;
    private final PluginHttp http;
    private final System.Logger logger;
    private HookRunner hooks;

    RoomPluginHost(Room room, PluginHttp http, String pluginName) {
        this.room = room;
        this.http = http;
        this.logger = System.getLogger("org.photonee.plugin." + pluginName);
    }

    /** Set once the plugin exists: callbacks report to it. */
    void bind(HookRunner runner) {
        this.hooks = runner;
    }

    @Override
    public String gameId() {
        return room.gameId();
    }

    @Override
    public String appId() {
        return room.appId();
    }

    @Override
    public String appVersion() {
        return room.appVersion();
    }

    @Override
    public PhotonHashtable gameProperties() {
        return room.gameProperties();
    }

    @Override
    public PhotonHashtable customProperties() {
        return new PhotonHashtable(room.customProperties());
    }

    @Override
    public List<PluginActor> actors() {
        return actorsWhere(a -> true);
    }

    @Override
    public List<PluginActor> activeActors() {
        return actorsWhere(Actor::isActive);
    }

    @Override
    public List<PluginActor> inactiveActors() {
        return actorsWhere(a -> !a.isActive());
    }

    private List<PluginActor> actorsWhere(Predicate<Actor> filter) {
        List<PluginActor> out = new ArrayList<>();
        for (Actor a : room.actors()) {
            if (filter.test(a)) {
                out.add(new ActorView(a.actorNr(), a.userId(), a.nickname(), a.isActive(),
                        new PhotonHashtable(a.properties()), a.authCookie()));
            }
        }
        return out;
    }

    private record ActorView(int actorNr, String userId, String nickname, boolean isActive,
                             PhotonHashtable properties, Map<String, Object> authCookie) implements PluginActor {
    }

    @Override
    public int masterClientId() {
        return room.masterClientId();
    }

    /** Shaped like an event an actor raised, so clients handle it the same way. */
    @Override
    public void broadcastEvent(Collection<Integer> targetActors, int senderActorNr, int code, Object data) {
        room.broadcast(Room.customEvent(code, senderActorNr, data),
                room.collectTargets(targetActors.stream().mapToInt(Integer::intValue).toArray()),
                SendParameters.DEFAULT);
    }

    @Override
    public void broadcastEvent(BroadcastTarget target, int senderActorNr, int group, int code, Object data,
                               int cacheOp) {
        EventData event = Room.customEvent(code, senderActorNr, data);
        switch (target) {
            case ALL -> room.broadcast(event, room.collectActive(0), SendParameters.DEFAULT);
            case OTHERS -> room.broadcast(event, room.collectActive(senderActorNr), SendParameters.DEFAULT);
            case GROUP -> room.broadcast(event, room.collectGroup(group, senderActorNr), SendParameters.DEFAULT);
            default -> throw new IllegalArgumentException("unknown target " + target);
        }
        // As for clients, caching applies to room-wide sends only.
        if (target != BroadcastTarget.GROUP && (cacheOp == EventCaching.ADD_TO_ROOM_CACHE
                || cacheOp == EventCaching.ADD_TO_ROOM_CACHE_GLOBAL)) {
            room.cache().add(cacheOp == EventCaching.ADD_TO_ROOM_CACHE ? senderActorNr : 0, senderActorNr, code,
                    data);
            room.closeIfCacheOverLimit();
        }
    }

    @Override
    public void broadcastErrorInfo(String message) {
        room.broadcast(errorInfo(message), room.collectActive(0), SendParameters.DEFAULT);
    }

    private static EventData errorInfo(String message) {
        return new EventData(EventCode.ERROR_INFO, Parameters.of(ParameterCode.INFO, message));
    }

    /** The room's rules apply, its plugin hooks do not. */
    @Override
    public boolean setProperties(int actorNr, PhotonHashtable properties, PhotonHashtable expected,
                                 boolean broadcast) {
        PropertyUpdate update = new PropertyUpdate(actorNr, new PhotonHashtable(properties), broadcast,
                expected == null || expected.isEmpty() ? null : expected);
        return room.applyProperties(null, update, false);
    }

    /** LeaveReason PluginRequest: the client hears why (ErrorInfo) and is disconnected. */
    @Override
    public boolean removeActor(int actorNr, int reason, String message) {
        Actor actor = room.actor(actorNr);
        if (actor == null) {
            return false;
        }
        if ((reason == RemoveActorReason.BANNED || reason == RemoveActorReason.GLOBAL_BANNED)
                && !actor.userId().isEmpty()) {
            room.excludeUser(actor.userId());
        }
        RoomMember member = actor.member();
        Peer peer = actor.peer();
        room.remove(actor, LeaveReason.PLUGIN_REQUEST);
        if (member != null) {
            member.left(room);
            peer.sendEvent(errorInfo(message == null ? "Removed by the room's plugin" : message),
                    SendParameters.DEFAULT);
            peer.disconnect();
        }
        room.scheduleUnloadIfEmpty();
        room.reportIfChanged();
        return true;
    }

    @Override
    public Cancellable createOneTimeTimer(Runnable action, long dueMillis) {
        return room.fiber().schedule(() -> hooks.runCallback(action, null), dueMillis);
    }

    @Override
    public Cancellable createTimer(Runnable action, long dueMillis, long intervalMillis) {
        return room.fiber().scheduleOnInterval(() -> hooks.runCallback(action, null), dueMillis, intervalMillis);
    }

    @Override
    public void httpRequest(HttpCall request, Consumer<HttpOutcome> callback) {
        send(request, null, callback);
    }

    @Override
    public void httpRequest(HttpCall request, PluginCall call, Consumer<HttpOutcome> callback) {
        hooks.hold(call);
        send(request, call, callback);
    }

    private void send(HttpCall request, PluginCall call, Consumer<HttpOutcome> callback) {
        http.submit(request).thenAccept(outcome -> room.fiber().enqueue(() -> {
            if (!room.isUnloaded() || call != null) {
                hooks.runCallback(() -> callback.accept(outcome), call);
            }
        }));
    }

    @Override
    public void enqueue(Runnable action) {
        room.fiber().enqueue(() -> hooks.runCallback(action, null));
    }

    @Override
    public RoomState state() {
        return RoomState.of(room);
    }

    @Override
    public void setState(RoomState state) {
        room.loadState(state);
    }

    @Override
    public System.Logger logger() {
        return logger;
    }
}
