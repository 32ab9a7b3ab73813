package org.photonee.core.room;

import static org.photonee.core.room.RequestValues.invalid;

import java.util.ArrayList;
import java.util.BitSet;
import java.util.IdentityHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import java.util.function.Consumer;
import org.photonee.core.codes.ActorPropertyKey;
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
import org.photonee.core.plugin.Caller;
import org.photonee.core.protocol.EventData;
import org.photonee.core.protocol.OperationResponse;
import org.photonee.core.protocol.Parameters;
import org.photonee.core.protocol.PhotonHashtable;
import org.photonee.core.protocol.Values;
import org.photonee.core.s2s.GameRemoveReason;
import org.photonee.core.s2s.GameStateListener;
import org.photonee.core.s2s.GameStateReport;
import org.photonee.core.webrpc.HttpForwardLimiter;

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
    private int flags;
    private String lobbyName;
    private int lobbyType;
    private final TreeMap<Integer, Actor> actors = new TreeMap<>();
    /** Active actors by the member driving them: every in-room operation looks its sender up here. */
    private final Map<RoomMember, Actor> activeByMember = new IdentityHashMap<>();
    private final PhotonHashtable customProperties;
    private final LinkedHashSet<String> expectedUsers;
    private final LinkedHashSet<String> excludedUsers = new LinkedHashSet<>();
    private final EventCache cache;
    private PluginGate plugins = PluginGate.DEFAULT;
    private HttpForwardLimiter httpForwards;
    private final RoomProperties properties = new RoomProperties(this);
    private final RoomEvents events = new RoomEvents(this);
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

    /** Admits a joiner or rejoiner (as the creator when the room has no actor yet), or answers why not. */
    public void join(JoinRequest request) {
        join(request, actorCounter == 0 ? JoinKind.CREATE : JoinKind.JOIN, () -> { });
    }

    /** How a join reaches the room, which decides the plugin hooks it passes. */
    enum JoinKind {
        /** Into a room with actors: BeforeJoin, then OnJoin. */
        JOIN,
        /** The creator of a new room: OnCreateGame. */
        CREATE,
        /** A join for a room that was not in memory, which the plugin may load: OnCreateGame with IsJoin. */
        LOAD
    }

    /**
     * Runs a join through the plugin's hooks and the room's rules, and answers the joiner.
     *
     * @param answered runs once the joiner has its answer (later than the call when the plugin waits for HTTP)
     */
    void join(JoinRequest request, JoinKind kind, Runnable answered) {
        if (request.plugin() != null && !request.plugin().equals(plugins.plugin().name())) {
            refuse(request, ReturnCode.PLUGIN_MISMATCH, "Requested plugin '" + request.plugin()
                    + "' does not match the room's plugin '" + plugins.plugin().name() + "'");
            answered.run();
            return;
        }
        Caller caller = new Caller(0, request.userId(), requestedNickname(request), request.authCookie());
        Runnable refusedByPlugin = answered;
        if (kind == JoinKind.JOIN) {
            plugins.beforeJoin(caller, request.parameters(), Outcomes.of(
                    () -> admitAndWelcome(request, true, answered),
                    (message, data) -> {
                        refuseForPlugin(request, message, data);
                        refusedByPlugin.run();
                    }));
            return;
        }
        boolean createIfNotExists = request.joinMode() == JoinMode.CREATE_IF_NOT_EXISTS;
        plugins.createGame(caller, request.parameters(), kind == JoinKind.LOAD, createIfNotExists, Outcomes.of(
                () -> {
                    if (kind == JoinKind.LOAD && actors.isEmpty() && !createIfNotExists) {
                        refuse(request, ReturnCode.GAME_ID_NOT_EXISTS, "Game " + gameId + " does not exist");
                        answered.run();
                    } else {
                        admitAndWelcome(request, false, answered);
                    }
                },
                (message, data) -> {
                    refuseForPlugin(request, message, data);
                    refusedByPlugin.run();
                }));
    }

    private void admitAndWelcome(JoinRequest request, boolean withOnJoin, Runnable answered) {
        int counterBefore = actorCounter;
        Actor actor;
        try {
            actor = admit(request);
        } catch (RoomException e) {
            refuse(request, e.returnCode(), e.getMessage());
            answered.run();
            return;
        }
        actor.setAuthCookie(request.authCookie());
        if (!withOnJoin) {
            welcome(actor, request);
            answered.run();
            return;
        }
        boolean rejoin = actor.actorNr() <= counterBefore;
        plugins.onJoin(PluginGate.callerOf(actor), request.parameters(), rejoin, Outcomes.of(
                () -> {
                    welcome(actor, request);
                    answered.run();
                },
                (message, data) -> {
                    unadmit(actor, rejoin);
                    refuseForPlugin(request, message, data);
                    answered.run();
                }));
    }

    /** Undoes an admission the plugin refused in OnJoin: nobody was told of the actor yet. */
    private void unadmit(Actor actor, boolean rejoin) {
        detach(actor);
        if (!rejoin) {
            actors.remove(actor.actorNr());
            LOG.log(System.Logger.Level.DEBUG, "room {0}: actor {1} removed, reason {2}", gameId, actor.actorNr(),
                    LeaveReason.PLUGIN_FAILED_JOIN);
        } else if (playerTtl > 0 && playerTtl != Integer.MAX_VALUE) {
            actor.setTtlTimer(fiber.schedule(() -> playerTtlExpired(actor), playerTtl));
        }
    }

    private void welcome(Actor actor, JoinRequest request) {
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

    private static void refuse(JoinRequest request, short returnCode, String message) {
        request.member().joinFailed(returnCode);
        request.member().peer().sendOperationResponse(
                OperationResponse.error(request.operationCode(), returnCode, message), SendParameters.DEFAULT);
    }

    private static void refuseForPlugin(JoinRequest request, String message, Map<Integer, Object> data) {
        request.member().joinFailed(ReturnCode.PLUGIN_REPORTED_ERROR);
        request.member().peer().sendOperationResponse(
                PluginGate.pluginError(request.operationCode(), message, data), SendParameters.DEFAULT);
    }

    private static String requestedNickname(JoinRequest request) {
        PhotonHashtable props = request.actorProperties();
        return props == null ? null : Values.toStringOrNull(props.get(ActorPropertyKey.NICKNAME));
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
        Parameters p = Parameters.of(ParameterCode.ACTOR_NR, actor.actorNr(),
                ParameterCode.GAME_PROPERTIES, gameProperties(),
                ParameterCode.ACTORS, actorNumbers(),
                ParameterCode.ACTOR_PROPERTIES, actorProperties,
                ParameterCode.ROOM_OPTION_FLAGS, flags);
        if (!plugins.passesEverything()) {
            p.put(ParameterCode.PLUGIN_NAME, plugins.plugin().name());
            p.put(ParameterCode.PLUGIN_VERSION, plugins.plugin().version());
        }
        return p;
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
            plugins.onDisconnect(PluginGate.callerOf(actor), leaveReason,
                    () -> deactivateOrRemove(actor, true, leaveReason));
        }
    }

    /** OnLeave, then the actor goes inactive or leaves for good; a leave cannot be refused. */
    private void deactivateOrRemove(Actor actor, boolean stayInactive, int reason) {
        boolean inactive = stayInactive && playerTtl != 0 && !cacheLimitReached;
        plugins.onLeave(PluginGate.callerOf(actor), inactive, reason, null, () -> {
            if (actors.get(actor.actorNr()) != actor) {
                return;
            }
            if (inactive) {
                deactivate(actor);
            } else {
                remove(actor, reason);
            }
            scheduleUnloadIfEmpty();
            reportIfChanged();
        });
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
            plugins.onLeave(PluginGate.callerOf(actor), false, LeaveReason.PLAYER_TTL_TIMED_OUT, null, () -> {
                if (actors.get(actor.actorNr()) == actor && !actor.isActive()) {
                    remove(actor, LeaveReason.PLAYER_TTL_TIMED_OUT);
                    reportIfChanged();
                }
            });
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
        EventData event = RoomProperties.changedEvent(0, 0,
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
     * The room's EmptyRoomTTL ran out: BeforeCloseGame and OnCloseGame, then {@code closeNow} (the owner unloads
     * it). A plugin failing BeforeCloseGame keeps the room for another EmptyRoomTTL.
     */
    void close(Runnable closeNow) {
        plugins.close(actors.size(), closeNow, this::scheduleUnloadIfEmpty);
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

    /**
     * RaiseEvent (253): the plugin's OnRaiseEvent first, then the event is relayed or cached; answers only refusals
     * (and RemoveFromRoomCache). See {@link RoomEvents}.
     */
    public void raiseEvent(RoomMember member, Parameters p, SendParameters sendParameters) {
        Actor sender = actorOf(member);
        if (sender != null) {
            events.raise(sender, p, sendParameters);
        }
    }

    static void answerPluginError(Actor actor, int operationCode, String message, Map<Integer, Object> data) {
        if (actor.isActive()) {
            actor.peer().sendOperationResponse(PluginGate.pluginError(operationCode, message, data),
                    SendParameters.DEFAULT);
        }
    }

    /** Over a cache limit the cache is dropped and the room closed for good: late joiners would miss state. */
    void closeIfCacheOverLimit() {
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

    static EventData customEvent(int code, int senderActorNr, Object data) {
        Parameters p = new Parameters(2);
        p.put(ParameterCode.ACTOR_NR, senderActorNr);
        if (data != null) {
            p.put(ParameterCode.DATA, data);
        }
        return new EventData(code, p);
    }

    // ---- receivers ----

    void broadcast(EventData event, List<Peer> to, SendParameters sp) {
        if (!to.isEmpty()) {
            Broadcaster.broadcast(event, to, sp);
        }
    }

    /** Active actors except one (0 = except none). */
    List<Peer> collectActive(int exceptActorNr) {
        receivers.clear();
        for (Actor a : actors.values()) {
            if (a.isActive() && a.actorNr() != exceptActorNr) {
                receivers.add(a.peer());
            }
        }
        return receivers;
    }

    List<Peer> collectReceiverGroup(int receiverGroup, int senderActorNr) {
        return switch (receiverGroup) {
            case ReceiverGroup.ALL -> collectActive(0);
            case ReceiverGroup.MASTER_CLIENT -> collectTargets(new int[] {masterClientId});
            default -> collectActive(senderActorNr);
        };
    }

    /** Listed active actors, each once; unknown or inactive numbers are skipped. */
    List<Peer> collectTargets(int[] actorNrs) {
        receivers.clear();
        for (int nr : actorNrs) {
            Actor a = actors.get(nr);
            if (a != null && a.isActive() && !receivers.contains(a.peer())) {
                receivers.add(a.peer());
            }
        }
        return receivers;
    }

    List<Peer> collectGroup(int group, int senderActorNr) {
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

    /** SetProperties (252); see {@link RoomProperties#set}. */
    public void setProperties(RoomMember member, Parameters p) {
        Actor sender = actorOf(member);
        if (sender != null) {
            properties.set(sender, p);
        }
    }

    /** GetProperties (251); see {@link RoomProperties#get}. */
    public void getProperties(RoomMember member, Parameters p) {
        Actor sender = actorOf(member);
        if (sender != null) {
            properties.get(sender, p);
        }
    }

    /** Sets properties for a client or (sender null) for the plugin; see {@link RoomProperties#apply}. */
    boolean applyProperties(Actor sender, PropertyUpdate update, boolean answerRefusal) {
        return properties.apply(sender, update, answerRefusal);
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
        room.loadState(state);
        return room;
    }

    /** Takes over a saved state (options, actors as inactive, cache); the room must have no actor yet. */
    void loadState(RoomState state) {
        if (!actors.isEmpty()) {
            throw new IllegalStateException("room " + gameId + " already has actors; state can only be loaded first");
        }
        RoomOptions options = state.options();
        flags = options.flags();
        lobbyName = options.lobbyName();
        lobbyType = options.lobbyType();
        maxPlayers = options.maxPlayers();
        open = options.open();
        visible = options.visible();
        playerTtl = options.playerTtlMillis();
        emptyRoomTtl = options.emptyRoomTtlMillis();
        lobbyPropertyKeys = options.lobbyPropertyKeys();
        expectedUsers.clear();
        expectedUsers.addAll(options.expectedUsers());
        customProperties.clear();
        customProperties.putAll(options.customProperties());
        actorCounter = state.actorCounter();
        masterClientId = state.masterClientId();
        excludedUsers.clear();
        excludedUsers.addAll(state.excludedUsers());
        cacheLimitReached = state.cacheLimitReached();
        for (RoomState.ActorState a : state.actors()) {
            Actor actor = new Actor(a.actorNr(), a.userId(), a.nickname(), new PhotonHashtable(a.properties()));
            for (int g : a.groups()) {
                actor.groups().set(g);
            }
            actors.put(actor.actorNr(), actor);
            if (playerTtl > 0 && playerTtl != Integer.MAX_VALUE) {
                actor.setTtlTimer(fiber.schedule(() -> playerTtlExpired(actor), playerTtl));
            }
        }
        cache.restore(state.cacheSlice(), state.cachedEvents(), state.actorCaches());
        scheduleUnloadIfEmpty();
    }

    /** Gives the room its plugin; the owner calls it on the room fiber before the first join. */
    void usePlugin(PluginGate gate) {
        plugins = gate;
    }

    /** The room's plugin gate (the Default plugin unless the owner gave it another). */
    PluginGate plugins() {
        return plugins;
    }

    /** The room's budget of forwarded web calls per second (HttpForwardLimit), made on first use. */
    public HttpForwardLimiter httpForwards(java.util.function.Supplier<HttpForwardLimiter> create) {
        if (httpForwards == null) {
            httpForwards = create.get();
        }
        return httpForwards;
    }

    /** The room's plugin. */
    public org.photonee.core.plugin.RoomPlugin plugin() {
        return plugins.plugin();
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

    boolean publishUserId() {
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
