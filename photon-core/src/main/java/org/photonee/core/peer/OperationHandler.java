package org.photonee.core.peer;

import org.photonee.core.codes.DisconnectReason;
import org.photonee.core.codes.ReturnCode;
import org.photonee.core.protocol.OperationRequest;
import org.photonee.core.protocol.OperationResponse;

/**
 * Handles a peer's operations in one state. A peer's state machine (before / during / after authentication) is a
 * sequence of handlers swapped with {@link ClientPeer#setCurrentOperationHandler}.
 */
public interface OperationHandler {
    /** Used once the peer is gone: everything is denied. */
    OperationHandler DISABLED = (peer, request, sp) -> OperationResponse.error(request.code(),
            ReturnCode.OPERATION_DENIED, "Peer is disconnected");

    /** Handles a request on the peer's request fiber; returns the response to send, or null to send none now. */
    OperationResponse onOperationRequest(PeerBase peer, OperationRequest request, SendParameters sendParameters);

    /** The peer disconnected while this handler was current. */
    default void onDisconnect(PeerBase peer, DisconnectReason reason, String detail) {
    }
}
