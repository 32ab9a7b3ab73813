package org.photonee.core.peer;

import org.photonee.core.protocol.EventData;
import org.photonee.core.protocol.OperationRequest;
import org.photonee.core.protocol.OperationResponse;

/**
 * A server-to-server connection: both sides send requests, responses and events (a game server reports to its
 * master with events, registers with a request).
 */
public abstract class S2SPeerBase extends PeerBase {
    protected S2SPeerBase(InitRequest initRequest, PeerEnvironment environment) {
        super(initRequest, environment);
    }

    S2SPeerBase(InitRequest initRequest, PeerEnvironment environment, boolean startDisconnected) {
        super(initRequest, environment, startDisconnected);
    }

    public SendResult sendOperationRequest(OperationRequest request, SendParameters sendParameters) {
        OperationLog.sent(connectionId(), request);
        return sendMessage(request, sendParameters);
    }

    /** An event from the other server, on the request fiber. */
    protected abstract void onEvent(EventData event, SendParameters sendParameters);

    /** A response to one of this side's requests, on the request fiber. */
    protected abstract void onOperationResponse(OperationResponse response, SendParameters sendParameters);

    @Override
    protected final void onEventReceived(EventData event, SendParameters sendParameters) {
        onEvent(event, sendParameters);
    }

    @Override
    protected final void onOperationResponseReceived(OperationResponse response, SendParameters sendParameters) {
        onOperationResponse(response, sendParameters);
    }
}
