package org.photonee.core.master;

import java.lang.System.Logger.Level;
import org.photonee.core.auth.TokenIssuer;
import org.photonee.core.codes.DisconnectReason;
import org.photonee.core.codes.ReturnCode;
import org.photonee.core.peer.InboundS2SPeer;
import org.photonee.core.peer.InitRequest;
import org.photonee.core.peer.PeerEnvironment;
import org.photonee.core.peer.SendParameters;
import org.photonee.core.protocol.EventData;
import org.photonee.core.protocol.OperationRequest;
import org.photonee.core.protocol.OperationResponse;
import org.photonee.core.s2s.GameServerRegistration;
import org.photonee.core.s2s.S2SCredentials;
import org.photonee.core.s2s.S2SEventCode;
import org.photonee.core.s2s.S2SMessages;
import org.photonee.core.s2s.S2SOperationCode;

/**
 * The master's end of a game server's S2S link: the first request registers the server, then its events report
 * load, stats and rooms. Reports are applied on the master fiber in the order they arrived. A malformed report is
 * logged and skipped; it does not cost the server its link.
 */
public final class GameServerPeer extends InboundS2SPeer {
    private static final System.Logger LOG = System.getLogger("org.photonee.master.s2s");

    private final MasterServer master;
    private final TokenIssuer tokens;
    private final boolean requireCredential;
    /** Peer fiber: a registration was accepted for processing on this link. */
    private boolean registrationSent;
    /** Master fiber: the context once registered. */
    private GameServerContext context;

    GameServerPeer(InitRequest initRequest, PeerEnvironment environment, MasterServer master, TokenIssuer tokens,
                   boolean requireCredential) {
        super(initRequest, environment);
        this.master = master;
        this.tokens = tokens;
        this.requireCredential = requireCredential;
    }

    @Override
    protected void onOperationRequest(OperationRequest request, SendParameters sendParameters) {
        if (request.code() != S2SOperationCode.REGISTER_GAME_SERVER) {
            sendOperationResponse(OperationResponse.error(request.code(), ReturnCode.OPERATION_INVALID,
                    "Unknown S2S operation " + request.code()), sendParameters);
            return;
        }
        if (registrationSent) {
            sendOperationResponse(OperationResponse.error(request.code(), ReturnCode.OPERATION_DENIED,
                    "Already registered"), sendParameters);
            return;
        }
        GameServerRegistration registration;
        try {
            registration = S2SMessages.readRegistration(request);
        } catch (IllegalArgumentException e) {
            sendOperationResponse(OperationResponse.error(request.code(), ReturnCode.INVALID_REQUEST_PARAMETERS,
                    e.getMessage()), sendParameters);
            return;
        }
        if (requireCredential && !S2SCredentials.verify(tokens, registration.credential(), registration.serverId())) {
            LOG.log(Level.WARNING, "refused game server registration of {0}: bad credential",
                    registration.serverId());
            sendOperationResponseAndDisconnect(OperationResponse.error(request.code(),
                    ReturnCode.INVALID_AUTHENTICATION, "Invalid game server credential"), sendParameters);
            return;
        }
        registrationSent = true;
        master.fiber().enqueue(() -> {
            OperationResponse response = master.registerGameServer(registration, this);
            context = master.context(registration.serverId());
            sendOperationResponse(response, sendParameters);
        });
    }

    @Override
    protected void onEvent(EventData event, SendParameters sendParameters) {
        master.fiber().enqueue(() -> apply(event));
    }

    private void apply(EventData event) {
        if (context == null) {
            LOG.log(Level.WARNING, "S2S event {0} before registration on {1}; ignored", event.code(), connectionId());
            return;
        }
        try {
            switch (event.code()) {
                case S2SEventCode.UPDATE_SERVER -> master.serverUpdated(context, S2SMessages.readServerUpdate(event));
                case S2SEventCode.UPDATE_APP_STATS -> master.appStatsUpdated(context, S2SMessages.readAppStats(event));
                case S2SEventCode.UPDATE_GAME_STATE -> master.gameUpdated(context, S2SMessages.readGameState(event));
                case S2SEventCode.REMOVE_GAME_STATE -> master.gameRemoved(context,
                        S2SMessages.readGameRemoval(event));
                case S2SEventCode.GAME_SERVER_LEAVE -> master.serverLeaving(context);
                default -> LOG.log(Level.DEBUG, "unknown S2S event {0} from {1}", event.code(), context.serverId());
            }
        } catch (IllegalArgumentException e) {
            LOG.log(Level.WARNING, "malformed S2S event {0} from {1}: {2}", event.code(), context.serverId(),
                    e.getMessage());
        }
    }

    @Override
    protected void onOperationResponse(OperationResponse response, SendParameters sendParameters) {
        // The master sends no requests to game servers.
    }

    @Override
    protected void onDisconnect(DisconnectReason reason, String detail) {
        master.fiber().enqueue(() -> {
            if (context != null) {
                master.linkLost(context, this);
            }
        });
    }
}
