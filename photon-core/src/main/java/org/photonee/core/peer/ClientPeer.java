package org.photonee.core.peer;

import org.photonee.core.codes.DisconnectReason;
import org.photonee.core.protocol.OperationRequest;
import org.photonee.core.protocol.OperationResponse;

/**
 * A client connection whose behaviour is its current {@link OperationHandler}: authentication states and the
 * like are handler swaps, not flags checked in every operation.
 */
public class ClientPeer extends PeerBase {
    private volatile OperationHandler currentHandler;

    public ClientPeer(InitRequest initRequest, PeerEnvironment environment, OperationHandler initialHandler) {
        super(initRequest, environment);
        this.currentHandler = initialHandler;
    }

    public OperationHandler currentOperationHandler() {
        return currentHandler;
    }

    public void setCurrentOperationHandler(OperationHandler handler) {
        this.currentHandler = handler;
    }

    @Override
    protected void onOperationRequest(OperationRequest request, SendParameters sendParameters) {
        OperationResponse response = currentHandler.onOperationRequest(this, request, sendParameters);
        if (response != null) {
            sendOperationResponse(response, sendParameters);
        }
    }

    @Override
    protected void onDisconnect(DisconnectReason reason, String detail) {
        OperationHandler last = currentHandler;
        currentHandler = OperationHandler.DISABLED;
        last.onDisconnect(this, reason, detail);
    }
}
