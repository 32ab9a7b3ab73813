package org.photonee.core.game;

import java.util.function.LongSupplier;
import org.photonee.core.auth.TokenCodec;
import org.photonee.core.peer.ApplicationBase;
import org.photonee.core.peer.ClientPeer;
import org.photonee.core.peer.InitRequest;
import org.photonee.core.peer.OperationHandler;
import org.photonee.core.peer.PeerBase;
import org.photonee.core.peer.PeerEnvironment;
import org.photonee.core.plugin.PluginRegistry;
import org.photonee.core.room.RoomHost;
import org.photonee.core.room.RoomStateStore;
import org.photonee.core.s2s.GameStateListener;
import org.photonee.core.webrpc.WebRpc;

/**
 * The game server role: client peers authenticate with the master's token, create or join a room, and play in
 * it. Each peer walks {@link AuthenticationHandler} → {@link AuthenticatedHandler} → (joining) →
 * {@link InRoomHandler} and back after Leave. Rooms live in a {@link RoomHost}, one fiber each, created from the
 * environment's fiber factory; their state reports go to the given listener (the S2S link to the master).
 */
public class GameServerApplication extends ApplicationBase {
    public static final String NAME = "game";

    private final RoomHost rooms;
    private final TokenCodec tokens;
    private final GameServerSettings settings;
    private final LongSupplier wallClock;
    private volatile WebRpc webRpc = WebRpc.disabled();

    public GameServerApplication(PeerEnvironment environment, TokenCodec tokens, GameStateListener listener,
                                 RoomStateStore store, GameServerSettings settings) {
        this(environment, tokens, listener, store, settings, System::currentTimeMillis);
    }

    /** @param wallClock epoch milliseconds, for token expiry and renewal */
    public GameServerApplication(PeerEnvironment environment, TokenCodec tokens, GameStateListener listener,
                                 RoomStateStore store, GameServerSettings settings, LongSupplier wallClock) {
        this(environment, tokens, listener, store, settings, wallClock, PluginRegistry.defaults());
    }

    /** @param plugins the room plugins this server offers (webhooks among them when configured) */
    public GameServerApplication(PeerEnvironment environment, TokenCodec tokens, GameStateListener listener,
                                 RoomStateStore store, GameServerSettings settings, LongSupplier wallClock,
                                 PluginRegistry plugins) {
        super(NAME, environment);
        this.tokens = tokens;
        this.settings = settings == null ? GameServerSettings.DEFAULTS : settings;
        this.wallClock = wallClock;
        this.rooms = new RoomHost(environment.fibers(), this.settings.rooms(), listener, store, plugins);
    }

    @Override
    protected PeerBase createPeer(InitRequest initRequest) {
        ClientPeer peer = new ClientPeer(initRequest, environment(), OperationHandler.DISABLED);
        GameSession session = new GameSession(peer, rooms, tokens, settings, wallClock, webRpc);
        peer.setCurrentOperationHandler(new AuthenticationHandler(session));
        if (initRequest.initToken() != null) {
            peer.requestFiber().enqueue(() -> AuthenticationHandler.authenticateAtConnect(session));
        }
        return peer;
    }

    /** Persistent rooms are saved when the server stops, so their games continue after a restart. */
    @Override
    protected void tearDown() {
        unloaded = rooms.unloadAll();
    }

    private volatile java.util.concurrent.CompletableFuture<Void> unloaded =
            java.util.concurrent.CompletableFuture.completedFuture(null);

    /**
     * Waits until the rooms unloaded at {@link #stop()} have saved their state; a server shutting down calls it so
     * persistent rooms are durable before the process goes.
     *
     * @return false when the saves did not finish (or failed) within the timeout
     */
    public boolean awaitUnloaded(long timeoutMillis) {
        try {
            unloaded.get(timeoutMillis, java.util.concurrent.TimeUnit.MILLISECONDS);
            return true;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        } catch (java.util.concurrent.ExecutionException | java.util.concurrent.TimeoutException e) {
            return false;
        }
    }

    /** Where Rpc (219) calls go; set before peers connect (disabled by default). */
    public void setWebRpc(WebRpc rpc) {
        this.webRpc = rpc == null ? WebRpc.disabled() : rpc;
    }

    public RoomHost rooms() {
        return rooms;
    }

    public GameServerSettings settings() {
        return settings;
    }
}
