package org.photonee.core.game;

import org.photonee.core.codes.DisconnectReason;
import org.photonee.core.codes.ReturnCode;
import org.photonee.core.peer.OperationHandler;
import org.photonee.core.peer.PeerBase;
import org.photonee.core.peer.SendParameters;
import org.photonee.core.protocol.OperationRequest;
import org.photonee.core.protocol.OperationResponse;

/** A CreateGame/JoinGame is on its way to the room: nothing else is accepted until the room answered. */
final class PendingJoinHandler implements OperationHandler {
    private final RoomMembership membership;

    PendingJoinHandler(RoomMembership membership) {
        this.membership = membership;
    }

    @Override
    public OperationResponse onOperationRequest(PeerBase peer, OperationRequest request, SendParameters sp) {
        return OperationResponse.error(request.code(), ReturnCode.OPERATION_DENIED,
                "Operation " + request.code() + " is not allowed while joining a room");
    }

    @Override
    public void onDisconnect(PeerBase peer, DisconnectReason reason, String detail) {
        membership.peerDisconnected(reason);
    }
}
