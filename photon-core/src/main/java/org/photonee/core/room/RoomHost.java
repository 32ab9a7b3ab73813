package org.photonee.core.room;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.photonee.core.codes.ReturnCode;
import org.photonee.core.fiber.Fiber;
import org.photonee.core.fiber.FiberFactory;
import org.photonee.core.peer.Peer;
import org.photonee.core.peer.SendParameters;
import org.photonee.core.plugin.DefaultPlugin;
import org.photonee.core.plugin.PluginRegistry;
import org.photonee.core.plugin.RoomPlugin;
import org.photonee.core.plugin.RoomPluginFactory;
import org.photonee.core.protocol.OperationResponse;
import org.photonee.core.s2s.GameRemoveReason;
import org.photonee.core.s2s.GameStateListener;

/**
 * The rooms of one game server: creates them (one fiber each), finds them for joiners, restores persistent ones
 * from the {@link RoomStateStore}, and unloads them when their EmptyRoomTTL ran out. Thread-safe: called from
 * peer fibers; everything a room does runs on that room's fiber.
 *
 * <p>A room is only unloaded when no join is on its way to it: joins are counted when routed and uncounted when
 * the room fiber has processed them, under the host's lock, so a join never lands in a room that is gone.
 */
public final class RoomHost {
    private final FiberFactory fibers;
    private final RoomSettings settings;
    private final GameStateListener listener;
    private final RoomStateStore store;
    private final PluginRegistry plugins;
    /** Guarded by {@code this}. */
    private final Map<RoomKey, Entry> rooms = new HashMap<>();

    private record RoomKey(String appId, String gameId) {
    }

    /** A loaded room and the joins routed to it but not yet processed. */
    private static final class Entry {
        final Room room;
        int pendingJoins;

        Entry(Room room) {
            this.room = room;
        }
    }

    public RoomHost(FiberFactory fibers, RoomSettings settings, GameStateListener listener, RoomStateStore store) {
        this(fibers, settings, listener, store, PluginRegistry.defaults());
    }

    /** @param plugins the plugins rooms may ask for, and the one they get when they name none */
    public RoomHost(FiberFactory fibers, RoomSettings settings, GameStateListener listener, RoomStateStore store,
                    PluginRegistry plugins) {
        this.fibers = Objects.requireNonNull(fibers, "fibers");
        this.settings = settings == null ? RoomSettings.DEFAULTS : settings;
        this.listener = listener == null ? GameStateListener.NONE : listener;
        this.store = store == null ? RoomStateStore.NONE : store;
        this.plugins = plugins == null ? PluginRegistry.defaults() : plugins;
    }

    /**
     * CreateGame: a new room with the given options and the requester as its first actor, or GameIdAlreadyExists,
     * or PluginMismatch when it asks for a plugin this server does not offer.
     */
    public void create(String appId, String appVersion, String gameId, RoomOptions options, JoinRequest request) {
        RoomPluginFactory factory = factoryFor(request);
        if (factory == null) {
            refuse(request, ReturnCode.PLUGIN_MISMATCH, "Plugin '" + request.plugin()
                    + "' is not offered by this game server; offered: " + plugins.names());
            return;
        }
        // The saved-rooms check may need the database: it answers later, never on this (peer) fiber's time.
        store.existsAsync(appId, gameId).whenComplete((saved, error) -> createUnlessTaken(appId, appVersion, gameId,
                options, request, factory, error == null && Boolean.TRUE.equals(saved)));
    }

    private void createUnlessTaken(String appId, String appVersion, String gameId, RoomOptions options,
                                   JoinRequest request, RoomPluginFactory factory, boolean saved) {
        Entry entry;
        synchronized (this) {
            RoomKey key = new RoomKey(appId, gameId);
            if (saved || rooms.containsKey(key)) {
                entry = null;
            } else {
                entry = new Entry(newRoom(appId, appVersion, gameId, options, request));
                rooms.put(key, entry);
                entry.pendingJoins++;
            }
        }
        if (entry == null) {
            refuse(request, ReturnCode.GAME_ID_ALREADY_EXISTS, "A game with id " + gameId + " already exists");
            return;
        }
        entry.room.fiber().enqueue(() -> {
            if (installPlugin(entry.room, factory, request)) {
                runJoin(entry, request, Room.JoinKind.CREATE);
            } else {
                forgetFailedRoom(entry);
            }
        });
    }

    /** The factory a join asks for: the named one (null when not offered), else the default. */
    private RoomPluginFactory factoryFor(JoinRequest request) {
        return request.plugin() == null ? plugins.defaultFactory() : plugins.find(request.plugin()).orElse(null);
    }

    /**
     * Creates the new room's plugin on its fiber. A factory that throws refuses the join with PluginReportedError.
     */
    private boolean installPlugin(Room room, RoomPluginFactory factory, JoinRequest request) {
        if (factory == DefaultPlugin.FACTORY) {
            return true;
        }
        RoomPluginHost host = new RoomPluginHost(room, plugins.http(factory.name()), factory.name());
        RoomPlugin plugin;
        try {
            plugin = Objects.requireNonNull(factory.create(host, plugins.settingsOf(factory.name())),
                    "the factory returned no plugin");
        } catch (RuntimeException e) {
            System.getLogger("org.photonee.plugin").log(System.Logger.Level.WARNING,
                    "plugin " + factory.name() + " could not be created for room " + room.gameId(), e);
            request.member().joinFailed(ReturnCode.PLUGIN_REPORTED_ERROR);
            request.member().peer().sendOperationResponse(OperationResponse.error(request.operationCode(),
                    ReturnCode.PLUGIN_REPORTED_ERROR, "Plugin " + factory.name() + " could not be created: " + e),
                    SendParameters.DEFAULT);
            return false;
        }
        PluginGate gate = new PluginGate(plugin);
        host.bind(gate.hooks());
        room.usePlugin(gate);
        return true;
    }

    /** A room whose plugin could not be made: it never existed for anyone. */
    private void forgetFailedRoom(Entry entry) {
        synchronized (this) {
            entry.pendingJoins--;
        }
        Room room = entry.room;
        if (removeIfIdle(room)) {
            room.unload();
            room.fiber().dispose();
            listener.gameRemoved(room.appId(), room.appVersion(), room.gameId(), GameRemoveReason.FAILED_TO_CREATE);
        }
    }

    /**
     * JoinGame: into the loaded room, else into the restored saved room, else into a new room when
     * {@code createOptions} is given (JoinMode CreateIfNotExists) or the plugin loads rooms it does not hold
     * (webhooks with IsPersistent), else GameIdNotExists.
     */
    public void join(String appId, String appVersion, String gameId, RoomOptions createOptions, JoinRequest request) {
        RoomKey key = new RoomKey(appId, gameId);
        Entry loaded = routeToLoaded(key);
        if (loaded != null) {
            enqueueJoin(loaded, request, Room.JoinKind.JOIN, null);
            return;
        }
        RoomPluginFactory factory = factoryFor(request);
        if (factory == null) {
            refuse(request, ReturnCode.PLUGIN_MISMATCH, "Plugin '" + request.plugin()
                    + "' is not offered by this game server; offered: " + plugins.names());
            return;
        }
        // Restoring a saved room may need the database: it answers later, never on this (peer) fiber's time.
        store.loadAsync(appId, gameId).whenComplete((saved, error) -> {
            if (error != null) {
                refuse(request, ReturnCode.INTERNAL_SERVER_ERROR, "Game " + gameId
                        + " cannot be looked up now (its saved state is unavailable); try again");
                return;
            }
            joinUnloaded(key, appVersion, createOptions, request, factory, saved);
        });
    }

    private void joinUnloaded(RoomKey key, String appVersion, RoomOptions createOptions, JoinRequest request,
                              RoomPluginFactory factory, Optional<RoomState> saved) {
        Entry entry;
        Room.JoinKind kind = Room.JoinKind.JOIN;
        RoomPluginFactory newPlugin = factory;
        synchronized (this) {
            entry = rooms.get(key);
            if (entry == null && saved.isPresent()) {
                entry = new Entry(Room.restore(saved.get(), settings, roomFiber(key.gameId(), request),
                        listener, this::emptyTtlExpired));
                rooms.put(key, entry);
            } else if (entry == null && (createOptions != null || factory.loadsUnknownRooms())) {
                entry = new Entry(newRoom(key.appId(), appVersion, key.gameId(),
                        createOptions == null ? RoomOptions.defaults() : createOptions, request));
                rooms.put(key, entry);
                kind = factory.loadsUnknownRooms() ? Room.JoinKind.LOAD : Room.JoinKind.CREATE;
            } else if (entry != null) {
                newPlugin = null; // loaded meanwhile by another join: its plugin is installed already
            }
            if (entry != null) {
                entry.pendingJoins++;
            }
        }
        if (entry == null) {
            refuse(request, ReturnCode.GAME_ID_NOT_EXISTS, "Game " + key.gameId() + " does not exist");
            return;
        }
        enqueueJoin(entry, request, kind, newPlugin);
    }

    /** The join runs on the room's fiber, after the room's new plugin (if any) is installed. */
    private void enqueueJoin(Entry target, JoinRequest request, Room.JoinKind joinKind, RoomPluginFactory newPlugin) {
        target.room.fiber().enqueue(() -> {
            if (newPlugin == null || installPlugin(target.room, newPlugin, request)) {
                runJoin(target, request, joinKind);
            } else {
                forgetFailedRoom(target);
            }
        });
    }

    private synchronized Entry routeToLoaded(RoomKey key) {
        Entry entry = rooms.get(key);
        if (entry != null) {
            entry.pendingJoins++;
        }
        return entry;
    }

    private Room newRoom(String appId, String appVersion, String gameId, RoomOptions options, JoinRequest creator) {
        return new Room(gameId, appId, appVersion, options, settings, roomFiber(gameId, creator), listener,
                this::emptyTtlExpired);
    }

    /**
     * A room runs on the I/O thread of the peer that brings it into being when that peer has one (a Netty event
     * loop): players in one room mostly share their creator's loop, so a message in and its fan-out out are one pass
     * of that loop, with no thread hand-over. Other rooms run on the pool.
     */
    private Fiber roomFiber(String gameId, JoinRequest creator) {
        Peer peer = creator.member().peer();
        return fibers.newFiber("room-" + gameId, peer == null ? null : peer.ioExecutor());
    }

    /** On the room fiber: the join runs through the room's plugin, which may answer it later. */
    private void runJoin(Entry entry, JoinRequest request, Room.JoinKind kind) {
        Room room = entry.room;
        room.join(request, kind, () -> joinAnswered(entry, kind != Room.JoinKind.JOIN));
    }

    private void joinAnswered(Entry entry, boolean creating) {
        Room room = entry.room;
        synchronized (this) {
            entry.pendingJoins--;
        }
        if (creating && !room.wasReported()) {
            // The creator was refused: the room never existed for anyone, the master forgets it too.
            if (removeIfIdle(room)) {
                room.unload();
                room.fiber().dispose();
                listener.gameRemoved(room.appId(), room.appVersion(), room.gameId(),
                        GameRemoveReason.FAILED_TO_CREATE);
            }
        } else if (room.activeCount() == 0) {
            // A refused (re)join into an empty room: its EmptyRoomTTL may have run out meanwhile, so re-arm it.
            room.scheduleUnloadIfEmpty();
        }
    }

    /**
     * On the room fiber, when the room had no active actor for EmptyRoomTTL: its plugin closes it (maybe after
     * an HTTP answer), then it is unloaded unless a join arrived meanwhile.
     */
    private void emptyTtlExpired(Room room) {
        if (!isIdle(room)) {
            return;
        }
        room.close(() -> {
            if (room.activeCount() > 0 || !removeIfIdle(room)) {
                room.scheduleUnloadIfEmpty();
                return;
            }
            RoomState state = room.unload();
            if (state != null) {
                store.save(state);
            } else if (room.isPersistent()) {
                store.delete(room.appId(), room.gameId());
            }
            room.fiber().dispose();
        });
    }

    private synchronized boolean isIdle(Room room) {
        Entry entry = rooms.get(new RoomKey(room.appId(), room.gameId()));
        return entry != null && entry.room == room && entry.pendingJoins == 0;
    }

    private synchronized boolean removeIfIdle(Room room) {
        RoomKey key = new RoomKey(room.appId(), room.gameId());
        Entry entry = rooms.get(key);
        if (entry == null || entry.room != room || entry.pendingJoins > 0) {
            return false;
        }
        rooms.remove(key);
        return true;
    }

    private static void refuse(JoinRequest request, short returnCode, String message) {
        request.member().joinFailed(returnCode);
        request.member().peer().sendOperationResponse(
                OperationResponse.error(request.operationCode(), returnCode, message), SendParameters.DEFAULT);
    }

    /**
     * Unloads every room (server shutdown): persistent rooms are saved with all their actors, who come back as
     * inactive actors when the room is next loaded.
     *
     * @return completes when every room has unloaded and saved (on the rooms' fibers)
     */
    public java.util.concurrent.CompletableFuture<Void> unloadAll() {
        List<Entry> all;
        synchronized (this) {
            all = new ArrayList<>(rooms.values());
            rooms.clear();
        }
        List<java.util.concurrent.CompletableFuture<Void>> saves = new ArrayList<>();
        for (Entry e : all) {
            java.util.concurrent.CompletableFuture<Void> saved = new java.util.concurrent.CompletableFuture<>();
            saves.add(saved);
            e.room.fiber().enqueue(() -> {
                try {
                    RoomState state = e.room.unload();
                    if (state != null) {
                        store.save(state);
                    }
                    saved.complete(null);
                } catch (RuntimeException ex) {
                    saved.completeExceptionally(ex);
                    throw ex;
                } finally {
                    e.room.fiber().dispose();
                }
            });
        }
        return java.util.concurrent.CompletableFuture.allOf(saves.toArray(new java.util.concurrent.CompletableFuture[0]));
    }

    /**
     * An operator closes a room: its connected actors are told why and disconnected, the room unloads without
     * saving (a persistent room's saved state is deleted) and the master forgets it. Runs on the room's fiber.
     *
     * @return completes with false when no such room is loaded
     */
    public java.util.concurrent.CompletableFuture<Boolean> close(String appId, String gameId, String message) {
        java.util.concurrent.CompletableFuture<Boolean> result = new java.util.concurrent.CompletableFuture<>();
        Entry entry;
        synchronized (this) {
            entry = rooms.remove(new RoomKey(appId, gameId));
        }
        if (entry == null) {
            result.complete(false);
            return result;
        }
        Room room = entry.room;
        room.fiber().enqueue(() -> {
            try {
                // Joins already routed here find the room unloaded and closed, and are refused.
                room.setOpen(false);
                RoomAdmin.disconnectAll(room, message);
                room.unload();
                if (room.isPersistent()) {
                    store.delete(room.appId(), room.gameId());
                }
                boolean joinsPending;
                synchronized (this) {
                    joinsPending = entry.pendingJoins > 0;
                }
                if (!joinsPending) {
                    room.fiber().dispose();
                }
                result.complete(true);
            } catch (RuntimeException e) {
                result.completeExceptionally(e);
                throw e;
            }
        });
        return result;
    }

    /**
     * An operator removes one actor from a room (see {@link RoomAdmin#removeActor}). Runs on the room's fiber.
     *
     * @return completes with false when the room is not loaded here or has no such actor
     */
    public java.util.concurrent.CompletableFuture<Boolean> removeActor(String appId, String gameId, int actorNr,
                                                                       String message) {
        java.util.concurrent.CompletableFuture<Boolean> result = new java.util.concurrent.CompletableFuture<>();
        Optional<Room> room = find(appId, gameId);
        if (room.isEmpty()) {
            result.complete(false);
            return result;
        }
        room.get().fiber().enqueue(() -> {
            try {
                result.complete(!room.get().isUnloaded() && RoomAdmin.removeActor(room.get(), actorNr, message));
            } catch (RuntimeException e) {
                result.completeExceptionally(e);
                throw e;
            }
        });
        return result;
    }

    /** Re-sends every room's state, e.g. after the connection to the master was re-established. */
    public void reportAll() {
        for (Room room : rooms()) {
            room.fiber().enqueue(() -> listener.gameUpdated(room.stateReport()));
        }
    }

    /** The loaded rooms right now. */
    public synchronized List<Room> rooms() {
        List<Room> out = new ArrayList<>(rooms.size());
        rooms.values().forEach(e -> out.add(e.room));
        return out;
    }

    public synchronized int roomCount() {
        return rooms.size();
    }

    /** The loaded room, if any. */
    public synchronized Optional<Room> find(String appId, String gameId) {
        Entry e = rooms.get(new RoomKey(appId, gameId));
        return Optional.ofNullable(e == null ? null : e.room);
    }

    public RoomSettings settings() {
        return settings;
    }
}
