package org.photonee.core.room;

import static org.photonee.core.room.RequestValues.invalid;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.BitSet;
import java.util.IdentityHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import java.util.function.Consumer;
import org.photonee.core.codes.ActorPropertyKey;
import org.photonee.core.codes.EventCaching;
import org.photonee.core.codes.EventCode;
import org.photonee.core.codes.GamePropertyKey;
import org.photonee.core.codes.JoinMode;
import org.photonee.core.codes.LeaveReason;
import org.photonee.core.codes.OperationCode;
import org.photonee.core.codes.ParameterCode;
import org.photonee.core.codes.ReceiverGroup;
import org.photonee.core.codes.ReturnCode;
import org.photonee.core.codes.RoomOptionFlags;
import org.photonee.core.fiber.Cancellable;
import org.photonee.core.fiber.Fiber;
import org.photonee.core.peer.Broadcaster;
import org.photonee.core.peer.Peer;
import org.photonee.core.peer.SendParameters;
import org.photonee.core.protocol.EventData;
import org.photonee.core.protocol.OperationResponse;
import org.photonee.core.protocol.Parameters;
import org.photonee.core.protocol.PhotonHashtable;
import org.photonee.core.protocol.Values;
import org.photonee.core.s2s.GameRemoveReason;
import org.photonee.core.s2s.GameStateListener;
import org.photonee.core.s2s.GameStateReport;

/**
 * A game room with Photon's "Hive" semantics (LOADBALANCING.md §2.10): actors, master client, join and rejoin
 * rules, events with receiver groups, interest groups and the event cache, properties with CAS, and the TTLs
 * that end inactive actors and the empty room.
 *
 * <p>Every method must be called on the room's {@link #fiber()}: that is the room's only lock. Methods that answer
 * a client send the response themselves, to the member's peer, so that the response, the events it causes and
 * the cache replay leave in the right order. Refusals are answered with their return code; no exception escapes.
 */
public final class Room {
    private static final System.Logger LOG = System.getLogger("org.photonee.room");
    static final String CACHE_LIMIT_MESSAGE = "Game closed because of reaching of cached events limit";

    private final String gameId;
    private final String appId;
    private final String appVersion;
    private final Fiber fiber;
    private final RoomSettings settings;
    private final GameStateListener listener;
    private final Consumer<Room> emptyTtlExpired;
    private final int flags;
    private final String lobbyName;
    private final int lobbyType;
    private final TreeMap<Integer, Actor> actors = new TreeMap<>();
    /** Active actors by the member driving them: every in-room operation looks its sender up here. */
    private final Map<RoomMember, Actor> activeByMember = new IdentityHashMap<>();
    private final PhotonHashtable customProperties;
    private final LinkedHashSet<String> expectedUsers;
    private final LinkedHashSet<String> excludedUsers = new LinkedHashSet<>();
    private final EventCache cache;
    /** Reused receiver list: the room fiber builds one broadcast at a time. */
    private final ArrayList<Peer> receivers = new ArrayList<>();

    private int maxPlayers;
    private boolean open;
    private boolean visible;
    private int playerTtl;
    private int emptyRoomTtl;
    private List<Object> lobbyPropertyKeys;
    private int actorCounter;
    private int masterClientId;
    private boolean cacheLimitReached;
    private boolean unloaded;
    private Cancellable emptyTimer = Cancellable.NONE;
    private GameStateReport lastReport;

    /**
     * @param emptyTtlExpired called on the room fiber when the room has had no active actor for EmptyRoomTTL; the
     *                        owner then unloads it (see {@link #unload()}) unless a join is on its way
     */
    public Room(String gameId, String appId, String appVersion, RoomOptions options, RoomSettings settings,
                Fiber fiber, GameStateListener listener, Consumer<Room> emptyTtlExpired) {
        this.gameId = Objects.requireNonNull(gameId, "gameId");
        this.appId = appId;
        this.appVersion = appVersion;
        this.fiber = fiber;
        this.settings = settings;
        this.listener = listener;
        this.emptyTtlExpired = emptyTtlExpired;
        this.flags = options.flags();
        this.lobbyName = options.lobbyName();
        this.lobbyType = options.lobbyType();
        this.maxPlayers = options.maxPlayers();
        this.open = options.open();
        this.visible = options.visible();
        this.playerTtl = options.playerTtlMillis();
        this.emptyRoomTtl = options.emptyRoomTtlMillis();
        this.lobbyPropertyKeys = options.lobbyPropertyKeys();
        this.expectedUsers = new LinkedHashSet<>(options.expectedUsers());
        this.customProperties = new PhotonHashtable(options.customProperties());
        this.cache = new EventCache(settings);
    }

    // ---- join ----

    /** Admits a creator, joiner or rejoiner, or answers with the reason it cannot enter. */
    public void join(JoinRequest request) {
        Actor actor;
        try {
            actor = admit(request);
        } catch (RoomException e) {
            request.member().joinFailed(e.returnCode());
            request.member().peer().sendOperationResponse(
                    OperationResponse.error(request.operationCode(), e.returnCode(), e.getMessage()),
                    SendParameters.DEFAULT);
            return;
        }
        emptyTimer.cancel();
        boolean masterChanged = electMasterClientIfGone();
        request.member().joined(this, actor);
        actor.peer().sendOperationResponse(OperationResponse.ok(request.operationCode(), joinResponse(actor)),
                SendParameters.DEFAULT);
        if (!hasFlag(RoomOptionFlags.SUPPRESS_ROOM_EVENTS)) {
            broadcast(joinEvent(actor), collectActive(0), SendParameters.DEFAULT);
        } else if (masterChanged) {
            publishMasterClientChange(actor);
        }
        replayCache(actor.peer());
        reportIfChanged();
    }

    private Actor admit(JoinRequest request) throws RoomException {
        PhotonHashtable properties = actorPropertiesOf(request.actorProperties());
        String userId = request.userId();
        if (!userId.isEmpty() && excludedUsers.contains(userId)) {
            throw new RoomException(ReturnCode.JOIN_FAILED_FOUND_EXCLUDED_USER_ID,
                    "User " + userId + " is excluded from this room");
        }
        if (request.joinMode() == JoinMode.REJOIN_ONLY && playerTtl == 0) {
            throw new RoomException(ReturnCode.JOIN_FAILED_WITH_REJOINER_NOT_FOUND,
                    "Room does not support rejoing. PlayerTTL is 0");
        }
        Actor existing = userId.isEmpty() ? null : actorOfUser(userId);
        boolean checkUser = hasFlag(RoomOptionFlags.CHECK_USER_ON_JOIN);
        if (existing != null && !existing.isActive()) {
            if (request.isRejoin()) {
                return rejoin(existing, request, properties);
            }
            if (checkUser) {
                throw new RoomException(ReturnCode.JOIN_FAILED_FOUND_INACTIVE_JOINER,
                        "User " + userId + " is an inactive actor of this room: rejoin instead");
            }
        } else if (existing != null) {
            boolean sameSession = request.forceRejoin()
                    || (request.sessionId() != null && request.sessionId().equals(existing.sessionId()));
            if (request.isRejoin() && sameSession) {
                takeOver(existing);
                return rejoin(existing, request, properties);
            }
            if (request.isRejoin() || checkUser) {
                throw new RoomException(ReturnCode.JOIN_FAILED_FOUND_ACTIVE_JOINER,
                        "User " + userId + " is already active in this room");
            }
        } else if (request.joinMode() == JoinMode.REJOIN_ONLY) {
            throw new RoomException(ReturnCode.JOIN_FAILED_WITH_REJOINER_NOT_FOUND,
                    "No actor of user " + userId + " to rejoin");
        }
        return admitNewActor(request, properties);
    }

    private Actor admitNewActor(JoinRequest request, PhotonHashtable properties) throws RoomException {
        String userId = request.userId();
        boolean creator = actorCounter == 0;
        // A room created closed is still entered by its creator; it is closed to everybody after.
        if (!open && !creator) {
            throw new RoomException(ReturnCode.GAME_CLOSED, cacheLimitReached ? CACHE_LIMIT_MESSAGE : "Game closed");
        }
        boolean expected = expectedUsers.contains(userId);
        // The creator is never "full": if its own reservations do not fit, that is a SlotError below.
        if (!expected && !creator && maxPlayers > 0 && actors.size() + expectedUsers.size() >= maxPlayers) {
            throw new RoomException(ReturnCode.GAME_FULL, "Game full");
        }
        LinkedHashSet<String> newExpected = new LinkedHashSet<>(expectedUsers);
        newExpected.addAll(request.addUsers());
        newExpected.remove(userId);
        newExpected.removeIf(u -> actorOfUser(u) != null);
        if (maxPlayers > 0 && actors.size() + 1 + newExpected.size() > maxPlayers) {
            throw new RoomException(ReturnCode.SLOT_ERROR, "Not enough free slots to reserve for "
                    + request.addUsers());
        }
        expectedUsers.clear();
        expectedUsers.addAll(newExpected);
        Actor actor = new Actor(++actorCounter, userId, nicknameOf(properties), properties);
        attach(actor, request);
        actors.put(actor.actorNr(), actor);
        return actor;
    }

    private Actor rejoin(Actor actor, JoinRequest request, PhotonHashtable properties) throws RoomException {
        if (cacheLimitReached) {
            throw new RoomException(ReturnCode.EVENT_CACHE_EXCEEDED,
                    "Rejoining blocked because cached events limit was reached");
        }
        actor.properties().putAll(properties);
        if (properties.containsKey(ActorPropertyKey.NICKNAME)) {
            actor.setNickname(nicknameOf(properties));
        }
        attach(actor, request);
        return actor;
    }

    /** A rejoin from the same session replaces the actor's old connection, which is closed. */
    private void takeOver(Actor actor) {
        RoomMember old = actor.member();
        detach(actor);
        old.left(this);
        old.peer().disconnect();
    }

    private static PhotonHashtable actorPropertiesOf(PhotonHashtable requested) throws RoomException {
        PhotonHashtable out = new PhotonHashtable();
        if (requested == null) {
            return out;
        }
        for (Map.Entry<Object, Object> e : requested.entrySet()) {
            if (e.getValue() != null && !WellKnownProperties.isServerOwnedActorKey(e.getKey())) {
                out.put(e.getKey(), e.getValue());
            }
        }
        nicknameOf(out);
        return out;
    }

    private static String nicknameOf(PhotonHashtable properties) throws RoomException {
        return WellKnownProperties.nickname(properties.get(ActorPropertyKey.NICKNAME));
    }

    private Parameters joinResponse(Actor actor) {
        PhotonHashtable actorProperties = new PhotonHashtable(actors.size());
        for (Actor a : actors.values()) {
            actorProperties.put(a.actorNr(), a.visibleProperties(publishUserId()));
        }
        return Parameters.of(ParameterCode.ACTOR_NR, actor.actorNr(),
                ParameterCode.GAME_PROPERTIES, gameProperties(),
                ParameterCode.ACTORS, actorNumbers(),
                ParameterCode.ACTOR_PROPERTIES, actorProperties,
                ParameterCode.ROOM_OPTION_FLAGS, flags);
    }

    private EventData joinEvent(Actor actor) {
        return new EventData(EventCode.JOIN, Parameters.of(ParameterCode.ACTOR_NR, actor.actorNr(),
                ParameterCode.ACTORS, actorNumbers(),
                ParameterCode.ACTOR_PROPERTIES, actor.visibleProperties(publishUserId())));
    }

    private void replayCache(Peer peer) {
        if (cache.currentSlice() != 0) {
            peer.sendEvent(new EventData(EventCode.CACHE_SLICE_CHANGED,
                    Parameters.of(ParameterCode.CACHE_SLICE_INDEX, cache.currentSlice())), SendParameters.DEFAULT);
        }
        for (CachedEvent e : cache.inReplayOrder()) {
            peer.sendEvent(customEvent(e.code(), e.senderActorNr(), e.data()), SendParameters.DEFAULT);
        }
    }

    // ---- leave, disconnect, TTLs ----

    /** Leave (254): answers the member, then the actor becomes inactive (IsInactive and PlayerTTL ≠ 0) or goes. */
    public void leave(RoomMember member, Parameters parameters) {
        Actor actor = actorOf(member);
        if (actor == null) {
            member.peer().sendOperationResponse(OperationResponse.ok(OperationCode.LEAVE),
                    SendParameters.DEFAULT);
            member.left(this);
            return;
        }
        boolean stayInactive = Values.toBoolean(parameters.get(ParameterCode.IS_INACTIVE), false);
        member.left(this);
        member.peer().sendOperationResponse(OperationResponse.ok(OperationCode.LEAVE),
                SendParameters.DEFAULT);
        deactivateOrRemove(actor, stayInactive, LeaveReason.LEAVE_REQUEST);
    }

    /** The member's connection is gone: its actor becomes inactive when PlayerTTL ≠ 0, else it is removed. */
    public void disconnect(RoomMember member, int leaveReason) {
        Actor actor = actorOf(member);
        if (actor != null) {
            deactivateOrRemove(actor, true, leaveReason);
        }
    }

    private void deactivateOrRemove(Actor actor, boolean stayInactive, int reason) {
        if (stayInactive && playerTtl != 0 && !cacheLimitReached) {
            deactivate(actor);
        } else {
            remove(actor, reason);
        }
        scheduleUnloadIfEmpty();
        reportIfChanged();
    }

    private void deactivate(Actor actor) {
        detach(actor);
        if (playerTtl > 0 && playerTtl != Integer.MAX_VALUE) {
            actor.setTtlTimer(fiber.schedule(() -> playerTtlExpired(actor), playerTtl));
        }
        boolean masterChanged = electMasterClientIfGone();
        publishLeave(actor, true, masterChanged);
    }

    private void playerTtlExpired(Actor actor) {
        if (actors.get(actor.actorNr()) == actor && !actor.isActive()) {
            remove(actor, LeaveReason.PLAYER_TTL_TIMED_OUT);
            reportIfChanged();
        }
    }

    void remove(Actor actor, int reason) {
        actors.remove(actor.actorNr());
        actor.cancelTtlTimer();
        detach(actor);
        if (hasFlag(RoomOptionFlags.DELETE_CACHE_ON_LEAVE)) {
            cache.removeActor(actor.actorNr());
        }
        LOG.log(System.Logger.Level.DEBUG, "room {0}: actor {1} removed, reason {2}", gameId, actor.actorNr(),
                reason);
        boolean masterChanged = electMasterClientIfGone();
        publishLeave(actor, false, masterChanged);
    }

    private void publishLeave(Actor actor, boolean inactive, boolean masterChanged) {
        if (hasFlag(RoomOptionFlags.SUPPRESS_ROOM_EVENTS)) {
            if (masterChanged) {
                publishMasterClientChange(null);
            }
            return;
        }
        Parameters p = Parameters.of(ParameterCode.ACTOR_NR, actor.actorNr(), ParameterCode.ACTORS, actorNumbers());
        if (inactive) {
            p.put(ParameterCode.IS_INACTIVE, true);
        }
        if (masterChanged) {
            p.put(ParameterCode.MASTER_CLIENT_ID, masterClientId);
        }
        broadcast(new EventData(EventCode.LEAVE, p), collectActive(0), SendParameters.DEFAULT);
    }

    /**
     * With room events suppressed, clients still must learn a new master client: it goes out as a change of game
     * property 248 from the server (sender 0).
     */
    private void publishMasterClientChange(Actor except) {
        EventData event = propertiesChangedEvent(0, 0,
                PhotonHashtable.of(GamePropertyKey.MASTER_CLIENT_ID, masterClientId));
        broadcast(event, collectActive(except == null ? 0 : except.actorNr()), SendParameters.DEFAULT);
    }

    /** The master client is the lowest active actor unless the current one is still active. Returns if changed. */
    private boolean electMasterClientIfGone() {
        Actor current = actors.get(masterClientId);
        if (current != null && current.isActive()) {
            return false;
        }
        for (Actor a : actors.values()) {
            if (a.isActive()) {
                masterClientId = a.actorNr();
                return true;
            }
        }
        return false;
    }

    void scheduleUnloadIfEmpty() {
        if (activeCount() == 0 && !unloaded) {
            emptyTimer.cancel();
            emptyTimer = fiber.schedule(() -> {
                if (activeCount() == 0 && !unloaded) {
                    emptyTtlExpired.accept(this);
                }
            }, emptyRoomTtl);
        }
    }

    /**
     * Ends the room: timers stop, the master is told it is gone, and the state to keep is returned (inactive actors
     * of a persistent room) or null. Called by the owner once it made sure no join is on its way.
     */
    public RoomState unload() {
        if (unloaded) {
            return null;
        }
        unloaded = true;
        emptyTimer.cancel();
        RoomState state = isPersistent() && !actors.isEmpty() ? RoomState.of(this) : null;
        for (Actor a : actors.values()) {
            a.cancelTtlTimer();
            if (a.member() != null) {
                a.member().left(this);
            }
        }
        if (lastReport != null) {
            listener.gameRemoved(appId, appVersion, gameId, GameRemoveReason.CLOSE);
        }
        return state;
    }

    // ---- RaiseEvent ----

    /** RaiseEvent (253): relays or caches an event; answers only refusals (and RemoveFromRoomCache). */
    public void raiseEvent(RoomMember member, Parameters p, SendParameters sendParameters) {
        Actor sender = actorOf(member);
        if (sender == null) {
            return;
        }
        try {
            raiseEvent(sender, p, sendParameters);
        } catch (RoomException e) {
            sender.peer().sendOperationResponse(OperationResponse.error(
                    OperationCode.RAISE_EVENT, e.returnCode(), e.getMessage()),
                    SendParameters.DEFAULT);
        }
    }

    private void raiseEvent(Actor sender, Parameters p, SendParameters sendParameters) throws RoomException {
        Object codeValue = p.get(ParameterCode.CODE);
        if (codeValue == null) {
            throw invalid("Missing parameter Code (244)");
        }
        int code = RequestValues.optionalInt(codeValue, 0, "Code");
        int cacheOp = RequestValues.optionalInt(p.get(ParameterCode.CACHE), EventCaching.DO_NOT_CACHE, "Cache");
        int receiverGroup = RequestValues.optionalInt(p.get(ParameterCode.RECEIVER_GROUP), ReceiverGroup.OTHERS,
                "ReceiverGroup");
        int group = RequestValues.optionalInt(p.get(ParameterCode.GROUP), 0, "Group");
        int[] targets = RequestValues.optionalIntArray(p.get(ParameterCode.ACTORS), "Actors");
        Object data = p.get(ParameterCode.DATA);
        if (receiverGroup < ReceiverGroup.OTHERS || receiverGroup > ReceiverGroup.MASTER_CLIENT) {
            throw invalid("Invalid ReceiverGroup " + receiverGroup);
        }
        if (group < 0 || group > 255) {
            throw invalid("Invalid interest group " + group);
        }
        if (isCacheControl(cacheOp)) {
            controlCache(sender, cacheOp, code, targets, data, p);
            return;
        }
        if (cacheOp < EventCaching.DO_NOT_CACHE || cacheOp > EventCaching.ADD_TO_ROOM_CACHE_GLOBAL) {
            throw invalid("Invalid cache operation " + cacheOp);
        }
        if (code < 0 || code > EventCode.MAX_CUSTOM_EVENT_CODE) {
            throw invalid("Raising of photon events (higher than " + EventCode.MAX_CUSTOM_EVENT_CODE
                    + ") is not allowed");
        }
        SendParameters sp = Values.toBoolean(p.get(ParameterCode.FLUSH), false)
                ? sendParameters.withFlush(true) : sendParameters;
        EventData event = customEvent(code, sender.actorNr(), data);
        if (targets != null) {
            broadcast(event, collectTargets(targets), sp);
        } else if (group != 0) {
            broadcast(event, collectGroup(group, sender.actorNr()), sp);
        } else {
            broadcast(event, collectReceiverGroup(receiverGroup, sender.actorNr()), sp);
            if (receiverGroup != ReceiverGroup.MASTER_CLIENT && cacheOp != EventCaching.DO_NOT_CACHE) {
                cacheEvent(sender, cacheOp, code, data);
            }
        }
    }

    private static boolean isCacheControl(int cacheOp) {
        return cacheOp == EventCaching.REMOVE_FROM_ROOM_CACHE
                || cacheOp == EventCaching.REMOVE_FROM_CACHE_FOR_ACTORS_LEFT
                || (cacheOp >= EventCaching.SLICE_INCREASE_INDEX && cacheOp <= EventCaching.SLICE_PURGE_UP_TO_INDEX);
    }

    private void cacheEvent(Actor sender, int cacheOp, int code, Object data) {
        switch (cacheOp) {
            case EventCaching.MERGE_CACHE -> cache.merge(sender.actorNr(), code, data);
            case EventCaching.REPLACE_CACHE -> cache.replace(sender.actorNr(), code, data);
            case EventCaching.REMOVE_CACHE -> cache.removeActorEvent(sender.actorNr(), code);
            case EventCaching.ADD_TO_ROOM_CACHE -> cache.add(sender.actorNr(), sender.actorNr(), code, data);
            case EventCaching.ADD_TO_ROOM_CACHE_GLOBAL -> cache.add(0, sender.actorNr(), code, data);
            default -> throw new IllegalArgumentException("not a caching operation: " + cacheOp);
        }
        closeIfCacheOverLimit();
    }

    /** Cache operations that change the cache without sending the event. */
    private void controlCache(Actor sender, int cacheOp, int code, int[] targets, Object data, Parameters p)
            throws RoomException {
        switch (cacheOp) {
            case EventCaching.REMOVE_FROM_ROOM_CACHE -> {
                Map<?, ?> filter = RequestValues.optionalTable(data, "Data");
                cache.remove(code, targets, filter);
                sender.peer().sendOperationResponse(OperationResponse.ok(
                        OperationCode.RAISE_EVENT), SendParameters.DEFAULT);
            }
            case EventCaching.REMOVE_FROM_CACHE_FOR_ACTORS_LEFT -> cache.removeOwnersNotIn(actors::containsKey);
            case EventCaching.SLICE_INCREASE_INDEX -> publishSlice(cache.increaseSlice());
            case EventCaching.SLICE_SET_INDEX -> publishSlice(cache.setSlice(sliceIndex(p)));
            case EventCaching.SLICE_PURGE_INDEX -> cache.purgeSlice(sliceIndex(p));
            case EventCaching.SLICE_PURGE_UP_TO_INDEX -> cache.purgeSlicesBelow(sliceIndex(p));
            default -> throw invalid("Invalid cache operation " + cacheOp);
        }
        closeIfCacheOverLimit();
    }

    private static int sliceIndex(Parameters p) throws RoomException {
        Object value = p.get(ParameterCode.CACHE_SLICE_INDEX);
        if (value == null) {
            throw invalid("Missing parameter CacheSliceIndex (205)");
        }
        int index = RequestValues.optionalInt(value, 0, "CacheSliceIndex");
        if (index < 0) {
            throw invalid("CacheSliceIndex must not be negative, got " + index);
        }
        return index;
    }

    private void publishSlice(int slice) {
        broadcast(new EventData(EventCode.CACHE_SLICE_CHANGED, Parameters.of(ParameterCode.CACHE_SLICE_INDEX, slice)),
                collectActive(0), SendParameters.DEFAULT);
    }

    /** Over a cache limit the cache is dropped and the room closed for good: late joiners would miss state. */
    private void closeIfCacheOverLimit() {
        if (!cache.isOverLimit()) {
            return;
        }
        LOG.log(System.Logger.Level.WARNING, "room {0}: event cache limit reached, closing the room", gameId);
        cache.clear();
        cacheLimitReached = true;
        open = false;
        broadcast(new EventData(EventCode.ERROR_INFO, Parameters.of(ParameterCode.INFO, CACHE_LIMIT_MESSAGE)),
                collectActive(0), SendParameters.DEFAULT);
        reportIfChanged();
    }

    private static EventData customEvent(int code, int senderActorNr, Object data) {
        Parameters p = new Parameters(2);
        p.put(ParameterCode.ACTOR_NR, senderActorNr);
        if (data != null) {
            p.put(ParameterCode.DATA, data);
        }
        return new EventData(code, p);
    }

    // ---- receivers ----

    private void broadcast(EventData event, List<Peer> to, SendParameters sp) {
        if (!to.isEmpty()) {
            Broadcaster.broadcast(event, to, sp);
        }
    }

    /** Active actors except one (0 = except none). */
    private List<Peer> collectActive(int exceptActorNr) {
        receivers.clear();
        for (Actor a : actors.values()) {
            if (a.isActive() && a.actorNr() != exceptActorNr) {
                receivers.add(a.peer());
            }
        }
        return receivers;
    }

    private List<Peer> collectReceiverGroup(int receiverGroup, int senderActorNr) {
        return switch (receiverGroup) {
            case ReceiverGroup.ALL -> collectActive(0);
            case ReceiverGroup.MASTER_CLIENT -> collectTargets(new int[] {masterClientId});
            default -> collectActive(senderActorNr);
        };
    }

    /** Listed active actors, each once; unknown or inactive numbers are skipped. */
    private List<Peer> collectTargets(int[] actorNrs) {
        receivers.clear();
        for (int nr : actorNrs) {
            Actor a = actors.get(nr);
            if (a != null && a.isActive() && !receivers.contains(a.peer())) {
                receivers.add(a.peer());
            }
        }
        return receivers;
    }

    private List<Peer> collectGroup(int group, int senderActorNr) {
        receivers.clear();
        for (Actor a : actors.values()) {
            if (a.isActive() && a.actorNr() != senderActorNr && a.isInGroup(group)) {
                receivers.add(a.peer());
            }
        }
        return receivers;
    }

    // ---- interest groups ----

    /**
     * ChangeGroups (248): removals first, then additions. A null list changes nothing; an empty removal list
     * leaves every group, an empty addition list joins every group some actor is in. No response on success.
     */
    public void changeGroups(RoomMember member, Parameters p) {
        Actor actor = actorOf(member);
        if (actor == null) {
            return;
        }
        try {
            int[] remove = groupsOf(p.get(ParameterCode.GROUPS_FOR_REMOVE), "GroupsForRemove");
            int[] add = groupsOf(p.get(ParameterCode.GROUPS_FOR_ADD), "GroupsForAdd");
            BitSet groups = actor.groups();
            if (remove != null && remove.length == 0) {
                groups.clear();
            } else if (remove != null) {
                for (int g : remove) {
                    groups.clear(g);
                }
            }
            if (add != null && add.length == 0) {
                for (Actor other : actors.values()) {
                    groups.or(other.groups());
                }
            } else if (add != null) {
                for (int g : add) {
                    groups.set(g);
                }
            }
            groups.clear(0);
        } catch (RoomException e) {
            actor.peer().sendOperationResponse(OperationResponse.error(
                    OperationCode.CHANGE_GROUPS, e.returnCode(), e.getMessage()),
                    SendParameters.DEFAULT);
        }
    }

    private static int[] groupsOf(Object value, String name) throws RoomException {
        int[] groups = RequestValues.optionalIntArray(value, name);
        if (groups != null) {
            for (int g : groups) {
                if (g < 0 || g > 255) {
                    throw invalid(name + ": interest groups are 0..255, got " + g);
                }
            }
        }
        return groups;
    }

    // ---- properties ----

    /** SetProperties (252) of the room (ActorNr absent or 0) or of an actor, optionally with CAS. */
    public void setProperties(RoomMember member, Parameters p) {
        Actor sender = actorOf(member);
        if (sender == null) {
            return;
        }
        int op = OperationCode.SET_PROPERTIES;
        try {
            PropertyUpdate update = PropertyUpdate.parse(p);
            if (update.targetActorNr() == 0) {
                setGameProperties(sender, update);
            } else {
                setActorProperties(sender, update);
            }
            sender.peer().sendOperationResponse(OperationResponse.ok(op), SendParameters.DEFAULT);
        } catch (RoomException e) {
            sender.peer().sendOperationResponse(OperationResponse.error(op, e.returnCode(), e.getMessage()),
                    SendParameters.DEFAULT);
        }
    }

    private void setGameProperties(Actor sender, PropertyUpdate update) throws RoomException {
        GamePropertyChange change = GamePropertyChange.validate(update, this);
        update.checkExpected(gameProperties());
        change.applyTo(this);
        for (Map.Entry<Object, Object> e : update.properties().entrySet()) {
            if (!WellKnownProperties.isWellKnownGameKey(e.getKey())) {
                putOrDelete(customProperties, e.getKey(), e.getValue());
            }
        }
        publishPropertiesChanged(sender, 0, update);
        reportIfChanged();
    }

    private void setActorProperties(Actor sender, PropertyUpdate update) throws RoomException {
        Actor target = actors.get(update.targetActorNr());
        if (target == null) {
            throw invalid("Actor " + update.targetActorNr() + " is not in the room");
        }
        PhotonHashtable props = update.properties();
        String nickname = WellKnownProperties.nickname(props.get(ActorPropertyKey.NICKNAME));
        update.checkExpected(target.visibleProperties(true));
        props.keySet().removeIf(WellKnownProperties::isServerOwnedActorKey);
        for (Map.Entry<Object, Object> e : props.entrySet()) {
            putOrDelete(target.properties(), e.getKey(), e.getValue());
        }
        if (props.containsKey(ActorPropertyKey.NICKNAME)) {
            target.setNickname(nickname);
        }
        publishPropertiesChanged(sender, target.actorNr(), update);
    }

    private void putOrDelete(PhotonHashtable table, Object key, Object value) {
        if (value == null && hasFlag(RoomOptionFlags.DELETE_NULL_PROPS)) {
            table.remove(key);
        } else {
            table.put(key, value);
        }
    }

    /** Sent when asked (Broadcast) or with CAS; to everyone with CAS or BroadcastPropsChangeToAll, else others. */
    private void publishPropertiesChanged(Actor sender, int targetActorNr, PropertyUpdate update) {
        if (!update.broadcast() && !update.isCas()) {
            return;
        }
        boolean toAll = update.isCas() || hasFlag(RoomOptionFlags.BROADCAST_PROPS_CHANGE_TO_ALL);
        EventData event = propertiesChangedEvent(sender.actorNr(), targetActorNr, update.properties());
        broadcast(event, collectActive(toAll ? 0 : sender.actorNr()), SendParameters.DEFAULT);
    }

    private static EventData propertiesChangedEvent(int senderActorNr, int targetActorNr, PhotonHashtable props) {
        return new EventData(EventCode.PROPERTIES_CHANGED, Parameters.of(ParameterCode.TARGET_ACTOR_NR, targetActorNr,
                ParameterCode.PROPERTIES, props, ParameterCode.ACTOR_NR, senderActorNr));
    }

    /** GetProperties (251): game (1), actor (2) or both (3) property sets, optionally narrowed to keys and actors. */
    public void getProperties(RoomMember member, Parameters p) {
        Actor sender = actorOf(member);
        if (sender == null) {
            return;
        }
        int op = OperationCode.GET_PROPERTIES;
        try {
            int type = RequestValues.optionalInt(p.get(ParameterCode.PROPERTY_TYPE), 3, "PropertyType");
            int[] actorNrs = RequestValues.optionalIntArray(p.get(ParameterCode.ACTORS), "Actors");
            List<Object> gameKeys = RequestValues.optionalList(p.get(ParameterCode.GAME_PROPERTY_KEYS),
                    "GamePropertyKeys");
            List<Object> actorKeys = RequestValues.optionalList(p.get(ParameterCode.ACTOR_PROPERTY_KEYS),
                    "ActorPropertyKeys");
            Parameters response = new Parameters(2);
            if ((type & 1) != 0) {
                response.put(ParameterCode.GAME_PROPERTIES, filtered(gameProperties(), gameKeys));
            }
            if ((type & 2) != 0) {
                PhotonHashtable all = new PhotonHashtable();
                for (Actor a : actors.values()) {
                    if (actorNrs == null || Arrays.stream(actorNrs).anyMatch(n -> n == a.actorNr())) {
                        all.put(a.actorNr(), filtered(a.visibleProperties(publishUserId()), actorKeys));
                    }
                }
                response.put(ParameterCode.ACTOR_PROPERTIES, all);
            }
            sender.peer().sendOperationResponse(OperationResponse.ok(op, response), SendParameters.DEFAULT);
        } catch (RoomException e) {
            sender.peer().sendOperationResponse(OperationResponse.error(op, e.returnCode(), e.getMessage()),
                    SendParameters.DEFAULT);
        }
    }

    private static PhotonHashtable filtered(PhotonHashtable table, List<Object> keys) {
        if (keys == null) {
            return table;
        }
        PhotonHashtable out = new PhotonHashtable();
        for (Object k : keys) {
            if (table.containsKey(k)) {
                out.put(k, table.get(k));
            }
        }
        return out;
    }

    /** All game properties as clients see them: the well-known keys, then the custom ones. */
    public PhotonHashtable gameProperties() {
        PhotonHashtable t = new PhotonHashtable(customProperties.size() + 8);
        t.put(GamePropertyKey.MAX_PLAYERS, (byte) maxPlayers);
        t.put(GamePropertyKey.IS_VISIBLE, visible);
        t.put(GamePropertyKey.IS_OPEN, open);
        if (!lobbyPropertyKeys.isEmpty()) {
            t.put(GamePropertyKey.LOBBY_PROPERTIES, lobbyKeysArray());
        }
        t.put(GamePropertyKey.MASTER_CLIENT_ID, masterClientId);
        if (!expectedUsers.isEmpty()) {
            t.put(GamePropertyKey.EXPECTED_USERS, expectedUsers.toArray(new String[0]));
        }
        t.put(GamePropertyKey.PLAYER_TTL, playerTtl);
        t.put(GamePropertyKey.EMPTY_ROOM_TTL, emptyRoomTtl);
        t.putAll(customProperties);
        return t;
    }

    private Object lobbyKeysArray() {
        boolean allStrings = lobbyPropertyKeys.stream().allMatch(k -> k instanceof String);
        return allStrings ? lobbyPropertyKeys.toArray(new String[0]) : lobbyPropertyKeys.toArray();
    }

    // ---- state reporting ----

    /** Sends the room's lobby-visible state to the listener when it differs from what was last reported. */
    void reportIfChanged() {
        if (unloaded || actors.isEmpty() && lastReport == null) {
            return;
        }
        GameStateReport report = stateReport();
        if (!report.equals(lastReport)) {
            lastReport = report;
            listener.gameUpdated(report);
        }
    }

    public GameStateReport stateReport() {
        PhotonHashtable lobbyProperties = new PhotonHashtable();
        for (Object key : lobbyPropertyKeys) {
            if (customProperties.containsKey(key)) {
                lobbyProperties.put(key, customProperties.get(key));
            }
        }
        List<String> active = new ArrayList<>();
        List<String> inactive = new ArrayList<>();
        for (Actor a : actors.values()) {
            (a.isActive() ? active : inactive).add(a.userId());
        }
        return new GameStateReport(gameId, appId, appVersion, lobbyName, lobbyType, active.size(), inactive.size(),
                maxPlayers, open, visible, lobbyProperties, lobbyPropertyKeys.stream().map(String::valueOf).toList(),
                hasFlag(RoomOptionFlags.CHECK_USER_ON_JOIN), isPersistent(), active, inactive,
                List.copyOf(expectedUsers), List.copyOf(excludedUsers), playerTtl, emptyRoomTtl);
    }

    /** True once the room reported itself to the master, i.e. it had a first actor. */
    public boolean wasReported() {
        return lastReport != null;
    }

    // ---- persistence ----

    /** Rebuilds a room from saved state: its actors come back inactive, waiting for their users to rejoin. */
    public static Room restore(RoomState state, RoomSettings settings, Fiber fiber, GameStateListener listener,
                               Consumer<Room> emptyTtlExpired) {
        Room room = new Room(state.gameId(), state.appId(), state.appVersion(), state.options(), settings, fiber,
                listener, emptyTtlExpired);
        room.actorCounter = state.actorCounter();
        room.masterClientId = state.masterClientId();
        room.excludedUsers.addAll(state.excludedUsers());
        room.cacheLimitReached = state.cacheLimitReached();
        for (RoomState.ActorState a : state.actors()) {
            Actor actor = new Actor(a.actorNr(), a.userId(), a.nickname(), new PhotonHashtable(a.properties()));
            for (int g : a.groups()) {
                actor.groups().set(g);
            }
            room.actors.put(actor.actorNr(), actor);
            if (room.playerTtl > 0 && room.playerTtl != Integer.MAX_VALUE) {
                actor.setTtlTimer(fiber.schedule(() -> room.playerTtlExpired(actor), room.playerTtl));
            }
        }
        room.cache.restore(state.cacheSlice(), state.cachedEvents(), state.actorCaches());
        room.scheduleUnloadIfEmpty();
        return room;
    }

    RoomOptions currentOptions() {
        return new RoomOptions(flags, maxPlayers, open, visible, playerTtl, emptyRoomTtl, lobbyPropertyKeys,
                List.copyOf(expectedUsers), new PhotonHashtable(customProperties), lobbyName, lobbyType);
    }

    int actorCounter() {
        return actorCounter;
    }

    EventCache cache() {
        return cache;
    }

    boolean cacheLimitReached() {
        return cacheLimitReached;
    }

    List<String> excludedUsers() {
        return List.copyOf(excludedUsers);
    }

    // ---- package-level setters for GamePropertyChange ----

    void setMaxPlayers(int value) {
        maxPlayers = value;
    }

    void setOpen(boolean value) {
        open = value;
    }

    void setVisible(boolean value) {
        visible = value;
    }

    void setPlayerTtl(int value) {
        playerTtl = value;
    }

    void setEmptyRoomTtl(int value) {
        emptyRoomTtl = value;
    }

    void setLobbyPropertyKeys(List<Object> value) {
        lobbyPropertyKeys = value;
    }

    void setExpectedUsers(List<String> value) {
        expectedUsers.clear();
        expectedUsers.addAll(value);
    }

    void setMasterClientId(int value) {
        masterClientId = value;
    }

    // ---- queries ----

    /** Excludes a user from joining or rejoining (a plugin's ban); an actor of that user stays until it leaves. */
    public void excludeUser(String userId) {
        excludedUsers.add(userId);
        reportIfChanged();
    }

    /** The active actor the member drives, or null when it left or its actor was taken over. */
    private Actor actorOf(RoomMember member) {
        return activeByMember.get(member);
    }

    private void attach(Actor actor, JoinRequest request) {
        actor.attach(request.member(), request.sessionId());
        activeByMember.put(request.member(), actor);
    }

    private void detach(Actor actor) {
        if (actor.member() != null) {
            activeByMember.remove(actor.member());
        }
        actor.detach();
    }

    private Actor actorOfUser(String userId) {
        for (Actor a : actors.values()) {
            if (a.userId().equals(userId)) {
                return a;
            }
        }
        return null;
    }

    private int[] actorNumbers() {
        int[] nrs = new int[actors.size()];
        int i = 0;
        for (Integer nr : actors.keySet()) {
            nrs[i++] = nr;
        }
        return nrs;
    }

    private boolean publishUserId() {
        return hasFlag(RoomOptionFlags.PUBLISH_USER_ID);
    }

    public boolean hasFlag(int flag) {
        return (flags & flag) != 0;
    }

    public String gameId() {
        return gameId;
    }

    public String appId() {
        return appId;
    }

    public String appVersion() {
        return appVersion;
    }

    public Fiber fiber() {
        return fiber;
    }

    public Actor actor(int actorNr) {
        return actors.get(actorNr);
    }

    public List<Actor> actors() {
        return List.copyOf(actors.values());
    }

    public int activeCount() {
        int n = 0;
        for (Actor a : actors.values()) {
            if (a.isActive()) {
                n++;
            }
        }
        return n;
    }

    public int masterClientId() {
        return masterClientId;
    }

    public int maxPlayers() {
        return maxPlayers;
    }

    public boolean isOpen() {
        return open;
    }

    public boolean isVisible() {
        return visible;
    }

    public int playerTtl() {
        return playerTtl;
    }

    public int emptyRoomTtl() {
        return emptyRoomTtl;
    }

    public List<String> expectedUsers() {
        return List.copyOf(expectedUsers);
    }

    public PhotonHashtable customProperties() {
        return customProperties;
    }

    RoomSettings settings() {
        return settings;
    }

    /** Whether the room's state outlives it: PlayerTTL &lt; 0 (async games) or every room by setting. */
    public boolean isPersistent() {
        return playerTtl < 0 || playerTtl == Integer.MAX_VALUE || settings.persistAllRooms();
    }

    public boolean isUnloaded() {
        return unloaded;
    }

    @Override
    public String toString() {
        return "Room[" + gameId + ", " + actors.size() + " actors]";
    }
}
