package org.photonee.core.game;

import org.photonee.core.codes.DisconnectReason;
import org.photonee.core.codes.OperationCode;
import org.photonee.core.codes.ReturnCode;
import org.photonee.core.peer.OperationHandler;
import org.photonee.core.peer.OperationTable;
import org.photonee.core.peer.PeerBase;
import org.photonee.core.peer.SendParameters;
import org.photonee.core.protocol.OperationRequest;
import org.photonee.core.protocol.OperationResponse;
import org.photonee.core.webrpc.RpcCaller;

/**
 * A peer inside a room: room operations are handed to the room's fiber, which answers them. After each
 * RaiseEvent the token is checked for renewal (AuthEvent), as Photon does.
 */
final class InRoomHandler implements OperationHandler {
    private static final OperationTable<RoomMembership> OPERATIONS = OperationTable.<RoomMembership>builder()
            .on(OperationCode.RAISE_EVENT, (m, r, sp) -> {
                m.onRoomFiber(r, room -> room.raiseEvent(m, r.parameters(), sp));
                m.session().refreshTokenIfDue();
                return null;
            })
            .on(OperationCode.SET_PROPERTIES, (m, r, sp) -> {
                m.onRoomFiber(r, room -> room.setProperties(m, r.parameters()));
                return null;
            })
            .on(OperationCode.GET_PROPERTIES, (m, r, sp) -> {
                m.onRoomFiber(r, room -> room.getProperties(m, r.parameters()));
                return null;
            })
            .on(OperationCode.CHANGE_GROUPS, (m, r, sp) -> {
                m.onRoomFiber(r, room -> room.changeGroups(m, r.parameters()));
                return null;
            })
            .on(OperationCode.LEAVE, (m, r, sp) -> {
                m.onRoomFiber(r, room -> room.leave(m, r.parameters()));
                return null;
            })
            .on(OperationCode.RPC, (m, r, sp) -> {
                RpcCaller caller = m.session().rpcCaller();
                m.onRoomFiber(r, room -> m.session().webRpc(room, caller, r, sp));
                return null;
            })
            .on(OperationCode.CREATE_GAME, InRoomHandler::alreadyJoined)
            .on(OperationCode.JOIN_GAME, InRoomHandler::alreadyJoined)
            .on(OperationCode.AUTHENTICATE, (m, r, sp) -> OperationResponse.error(r.code(),
                    ReturnCode.OPERATION_DENIED, "Already authenticated"))
            .build();

    private final RoomMembership membership;

    InRoomHandler(RoomMembership membership) {
        this.membership = membership;
    }

    /** Whether the operation is one only a peer in a room may send. */
    static boolean handles(int code) {
        return code == OperationCode.RAISE_EVENT || code == OperationCode.SET_PROPERTIES
                || code == OperationCode.GET_PROPERTIES || code == OperationCode.CHANGE_GROUPS
                || code == OperationCode.LEAVE;
    }

    @Override
    public OperationResponse onOperationRequest(PeerBase peer, OperationRequest request, SendParameters sp) {
        return OPERATIONS.dispatch(membership, request, sp);
    }

    @Override
    public void onDisconnect(PeerBase peer, DisconnectReason reason, String detail) {
        membership.peerDisconnected(reason);
    }

    private static OperationResponse alreadyJoined(RoomMembership m, OperationRequest r, SendParameters sp) {
        return OperationResponse.error(r.code(), ReturnCode.JOIN_FAILED_PEER_ALREADY_JOINED,
                "Already joined to a room: leave it first");
    }
}
