package org.photonee.core.game;

import java.util.function.LongSupplier;
import org.photonee.core.auth.AuthToken;
import org.photonee.core.auth.TokenCodec;
import org.photonee.core.codes.EventCode;
import org.photonee.core.codes.ParameterCode;
import org.photonee.core.peer.ClientPeer;
import org.photonee.core.peer.SendParameters;
import org.photonee.core.protocol.EventData;
import org.photonee.core.protocol.Parameters;
import org.photonee.core.codes.ReturnCode;
import org.photonee.core.protocol.OperationRequest;
import org.photonee.core.protocol.OperationResponse;
import org.photonee.core.room.Room;
import org.photonee.core.room.RoomHost;
import org.photonee.core.webrpc.RpcCaller;
import org.photonee.core.webrpc.WebRpc;

/**
 * One client connection of the game server and what it authenticated as. The token is only touched on the
 * peer's request fiber.
 */
final class GameSession {
    final ClientPeer peer;
    final RoomHost rooms;
    final TokenCodec tokens;
    final GameServerSettings settings;
    final LongSupplier wallClock;
    final WebRpc webRpc;
    private AuthToken token;

    GameSession(ClientPeer peer, RoomHost rooms, TokenCodec tokens, GameServerSettings settings,
                LongSupplier wallClock, WebRpc webRpc) {
        this.peer = peer;
        this.rooms = rooms;
        this.tokens = tokens;
        this.settings = settings;
        this.wallClock = wallClock;
        this.webRpc = webRpc;
    }

    /** On the request fiber: who this peer is, for a WebRPC call. */
    RpcCaller rpcCaller() {
        return new RpcCaller(token.appId(), token.appVersion(), token.userId(), token.authCookie());
    }

    /**
     * Rpc (219): forwarded to the web service, within the room's HttpForwardLimit when in a room (the room's fiber
     * calls this then); the answer is sent from the peer's fiber.
     */
    void webRpc(Room room, RpcCaller caller, OperationRequest request, SendParameters sp) {
        if (room != null && !room.httpForwards(webRpc::newLimiter).tryAcquire(room.fiber().nowMillis())) {
            peer.sendOperationResponse(OperationResponse.error(request.code(), ReturnCode.HTTP_LIMIT_REACHED,
                    "HttpForwardLimit of " + webRpc.settings().httpForwardLimit() + " calls per second reached"), sp);
            return;
        }
        webRpc.call(request, caller).thenAccept(response -> peer.requestFiber().enqueue(
                () -> peer.sendOperationResponse(response, sp)));
    }

    AuthToken token() {
        return token;
    }

    void authenticated(AuthToken authToken) {
        this.token = authToken;
    }

    /**
     * Pushes a renewed token (AuthEvent 223) when less than a third of the token lifetime remains and the token's
     * final expiry allows a renewal, so a long session never ends up holding an expired token for its rejoin.
     */
    void refreshTokenIfDue() {
        long now = wallClock.getAsLong();
        long lifetime = settings.authTokenExpirationMillis();
        if (token.expiresAtMillis() - now >= lifetime / 3 || now >= token.finalExpiresAtMillis()) {
            return;
        }
        long expiresAt = Math.min(now + lifetime, token.finalExpiresAtMillis());
        if (expiresAt <= token.expiresAtMillis()) {
            return;
        }
        token = token.withLifetime(now, expiresAt);
        peer.sendEvent(new EventData(EventCode.AUTH_EVENT, Parameters.of(ParameterCode.TOKEN, tokens.encode(token))),
                SendParameters.DEFAULT);
    }
}
