package org.photonee.core.game;

import org.photonee.core.auth.AuthToken;
import org.photonee.core.codes.JoinMode;
import org.photonee.core.codes.OperationCode;
import org.photonee.core.codes.ReturnCode;
import org.photonee.core.peer.OperationHandler;
import org.photonee.core.peer.OperationTable;
import org.photonee.core.peer.PeerBase;
import org.photonee.core.peer.SendParameters;
import org.photonee.core.protocol.OperationRequest;
import org.photonee.core.protocol.OperationResponse;
import org.photonee.core.room.JoinRequest;
import org.photonee.core.room.RoomException;
import org.photonee.core.room.RoomOptions;

/**
 * An authenticated peer outside any room: CreateGame (227) and JoinGame (226) route it to a room. The token's
 * granted game is enforced: a token that names a game opens only that game (and, with
 * {@link GameServerSettings#requireGrantedGame()}, a token must name one).
 */
final class AuthenticatedHandler implements OperationHandler {
    private static final OperationTable<GameSession> OPERATIONS = OperationTable.<GameSession>builder()
            .on(OperationCode.CREATE_GAME, AuthenticatedHandler::enterRoom)
            .on(OperationCode.JOIN_GAME, AuthenticatedHandler::enterRoom)
            .on(OperationCode.AUTHENTICATE, (s, r, sp) -> OperationResponse.error(r.code(),
                    ReturnCode.OPERATION_DENIED, "Already authenticated"))
            .on(OperationCode.RPC, (s, r, sp) -> {
                s.webRpc(null, s.rpcCaller(), r, sp);
                return null;
            })
            .otherwise((s, r, sp) -> InRoomHandler.handles(r.code())
                    ? OperationResponse.error(r.code(), ReturnCode.OPERATION_DENIED, "Not in a room")
                    : OperationTable.unknownOperation(r))
            .build();

    private final GameSession session;

    AuthenticatedHandler(GameSession session) {
        this.session = session;
    }

    @Override
    public OperationResponse onOperationRequest(PeerBase peer, OperationRequest request, SendParameters sp) {
        return OPERATIONS.dispatch(session, request, sp);
    }

    private static OperationResponse enterRoom(GameSession s, OperationRequest r, SendParameters sp) {
        AuthToken token = s.token();
        RoomMembership membership = new RoomMembership(s);
        String gameId;
        JoinRequest join;
        RoomOptions createOptions = null;
        try {
            gameId = JoinRequest.gameIdOf(r.parameters());
            join = JoinRequest.fromOperation(membership, r, token.userId(), token.sessionId(),
                    token.authCookie());
            if (r.code() == OperationCode.CREATE_GAME || join.joinMode() == JoinMode.CREATE_IF_NOT_EXISTS) {
                createOptions = RoomOptions.fromRequest(r.parameters(), s.settings.rooms());
            }
        } catch (RoomException e) {
            return OperationResponse.error(r.code(), e.returnCode(), e.getMessage());
        }
        String granted = token.grantedGameId();
        if ((granted != null && !granted.equals(gameId)) || (granted == null && s.settings.requireGrantedGame())) {
            return OperationResponse.error(r.code(), ReturnCode.OPERATION_DENIED,
                    "The token does not grant access to game " + gameId);
        }
        // Set before routing: the room may answer (and swap the handler again) before route returns.
        s.peer.setCurrentOperationHandler(new PendingJoinHandler(membership));
        if (r.code() == OperationCode.CREATE_GAME) {
            s.rooms.create(token.appId(), token.appVersion(), gameId, createOptions, join);
        } else {
            s.rooms.join(token.appId(), token.appVersion(), gameId, createOptions, join);
        }
        return null;
    }
}
