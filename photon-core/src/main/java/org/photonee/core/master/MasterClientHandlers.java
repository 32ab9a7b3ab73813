package org.photonee.core.master;

import org.photonee.core.auth.ClientAuthentication;
import org.photonee.core.auth.TokenIssuer;
import org.photonee.core.peer.SessionLog;
import org.photonee.core.codes.DisconnectReason;
import org.photonee.core.codes.OperationCode;
import org.photonee.core.codes.ParameterCode;
import org.photonee.core.codes.ReturnCode;
import org.photonee.core.fiber.Fiber;
import org.photonee.core.peer.OperationHandler;
import org.photonee.core.peer.OperationTable;
import org.photonee.core.peer.PeerBase;
import org.photonee.core.peer.SendParameters;
import org.photonee.core.protocol.OperationRequest;
import org.photonee.core.protocol.OperationResponse;
import org.photonee.core.protocol.Parameters;
import org.photonee.core.protocol.Values;
import org.photonee.core.webrpc.RpcCaller;
import org.photonee.core.webrpc.WebRpc;

/**
 * The master client's three states (LOADBALANCING.md §1.3): before authentication only Authenticate is allowed;
 * while it runs every operation is denied; afterwards the lobby and matchmaking operations run on the master
 * fiber and a second Authenticate is denied. All refusals are {@code OperationDenied} (-3).
 */
final class MasterClientHandlers {
    private final OperationHandler initial;
    private final OperationHandler authenticating;
    private final OperationHandler authenticated;
    /** The operations of an authenticated client; before authentication, codes outside it are unknown (-2). */
    private final OperationTable<MasterClientPeer> afterAuthentication;

    private final MasterServer master;
    private final ClientAuthentication authentication;
    private final TokenIssuer issuer;

    MasterClientHandlers(MasterServer master, MasterOperations operations, ClientAuthentication authentication,
                         TokenIssuer issuer, WebRpc webRpc) {
        this.master = master;
        this.authentication = authentication;
        this.issuer = issuer;
        Fiber masterFiber = master.fiber();
        this.authenticating = new OperationHandler() {
            @Override
            public OperationResponse onOperationRequest(PeerBase peer, OperationRequest request, SendParameters sp) {
                return OperationResponse.error(request.code(), ReturnCode.OPERATION_DENIED, "Already authenticating");
            }
        };
        this.initial = new OperationHandler() {
            @Override
            public OperationResponse onOperationRequest(PeerBase peer, OperationRequest request, SendParameters sp) {
                if (request.code() != OperationCode.AUTHENTICATE && request.code() != OperationCode.AUTH_ONCE) {
                    if (!afterAuthentication.handles(request.code())) {
                        return OperationTable.unknownOperation(request);
                    }
                    return OperationResponse.error(request.code(), ReturnCode.OPERATION_DENIED,
                            "Operation " + request.code() + " not allowed before authentication");
                }
                authenticate((MasterClientPeer) peer, request, sp, false);
                return null;
            }
        };
        afterAuthentication = OperationTable.<MasterClientPeer>builder()
                .on(OperationCode.AUTHENTICATE, (peer, r, sp) -> OperationResponse.error(r.code(),
                        ReturnCode.OPERATION_DENIED, "Already authenticated"))
                .on(OperationCode.AUTH_ONCE, (peer, r, sp) -> OperationResponse.error(r.code(),
                        ReturnCode.OPERATION_DENIED, "Already authenticated"))
                .on(OperationCode.JOIN_LOBBY, onMaster(masterFiber, operations::joinLobby))
                .on(OperationCode.LEAVE_LOBBY, onMaster(masterFiber, operations::leaveLobby))
                .on(OperationCode.CREATE_GAME, matchmaking(masterFiber, operations::createGame))
                .on(OperationCode.JOIN_GAME, matchmaking(masterFiber, operations::joinGame))
                .on(OperationCode.JOIN_RANDOM_GAME, matchmaking(masterFiber, operations::joinRandomGame))
                .on(OperationCode.FIND_FRIENDS, onMaster(masterFiber, operations::findFriends))
                .on(OperationCode.LOBBY_STATS, onMaster(masterFiber, operations::lobbyStats))
                .on(OperationCode.SETTINGS, onMaster(masterFiber, operations::settings))
                .on(OperationCode.GET_GAME_LIST, onMaster(masterFiber, operations::getGameList))
                .on(OperationCode.RPC, (peer, r, sp) -> {
                    // Not on the master fiber: the call waits for HTTP, and its answer comes back on the peer's.
                    webRpc.call(r, new RpcCaller(peer.token().appId(), peer.token().appVersion(),
                            peer.token().userId(), peer.token().authCookie()))
                            .thenAccept(response -> peer.requestFiber().enqueue(
                                    () -> peer.sendOperationResponse(response, sp)));
                    return null;
                })
                .build();
        this.authenticated = new OperationHandler() {
            @Override
            public OperationResponse onOperationRequest(PeerBase peer, OperationRequest request, SendParameters sp) {
                return afterAuthentication.dispatch((MasterClientPeer) peer, request, sp);
            }

            @Override
            public void onDisconnect(PeerBase peer, DisconnectReason reason, String detail) {
                masterFiber.enqueue(() -> master.peerDisconnected((MasterClientPeer) peer));
            }
        };
    }

    /**
     * AuthOnce at connect (the token came in the UDP init, AUTH.md §1.5): checked and renewed like a token in
     * Authenticate, payload encryption set up from the token's secret, answered with op 231 and the renewed token.
     * A bad token gets the op-231 error and the connection is closed. Runs on the peer's request fiber.
     */
    void authenticateAtConnect(MasterClientPeer client) {
        authenticate(client, new OperationRequest(OperationCode.AUTH_ONCE,
                Parameters.of(ParameterCode.TOKEN, client.initRequest().initToken())), SendParameters.DEFAULT, true);
    }

    private void authenticate(MasterClientPeer client, OperationRequest request, SendParameters sp,
                              boolean atConnect) {
        client.setCurrentOperationHandler(authenticating);
        authentication.authenticate(request).thenAccept(outcome -> client.requestFiber().enqueue(() -> {
            if (!client.isConnected()) {
                return;
            }
            if (outcome.isIncomplete() && !atConnect) {
                client.setCurrentOperationHandler(initial);
                client.sendOperationResponse(outcome.incompleteResponse(), sp);
                return;
            }
            if (!outcome.isSuccess()) {
                OperationResponse failure = outcome.failure() != null ? outcome.failure()
                        : OperationResponse.error(request.code(), ReturnCode.INVALID_AUTHENTICATION,
                                "Authentication incomplete");
                if (atConnect) {
                    SessionLog.authenticationFailed(client.connectionId(), failure.returnCode(),
                            failure.debugMessage());
                    client.sendOperationResponseAndDisconnect(failure, sp);
                    return;
                }
                client.setCurrentOperationHandler(initial);
                client.sendOperationResponse(failure, sp);
                return;
            }
            client.setToken(outcome.token());
            SessionLog.authenticated(client.connectionId(), outcome.token().userId(), "master");
            client.cancelAuthTimeout();
            client.setLobbyStatsSubscriber(
                    Values.toBoolean(request.parameters().get(ParameterCode.LOBBY_STATS), false));
            byte[] secret = outcome.token().encryptionSecret();
            if (atConnect && secret != null) {
                // Before the answer: the client encrypts its next operations as soon as it has it.
                client.initPayloadEncryption(secret);
            }
            client.setCurrentOperationHandler(authenticated);
            master.fiber().enqueue(() -> master.peerAuthenticated(client));
            client.sendOperationResponse(outcome.response(issuer, null), sp);
        }));
    }

    /**
     * One operation of the authenticated state, run on the master fiber; the response it returns is sent from
     * there (null when the operation sent its response itself).
     */
    @FunctionalInterface
    interface MasterOperation {
        OperationResponse handle(MasterClientPeer peer, OperationRequest request);
    }

    private static OperationTable.Operation<MasterClientPeer> onMaster(Fiber masterFiber, MasterOperation op) {
        return (peer, request, sp) -> {
            masterFiber.enqueue(() -> respond(peer, request, sp, op));
            return null;
        };
    }

    /** As {@link #onMaster}, behind the peer's join throttle. */
    private static OperationTable.Operation<MasterClientPeer> matchmaking(Fiber masterFiber, MasterOperation op) {
        return (peer, request, sp) -> {
            String refusal = peer.joinThrottle().tryBegin();
            if (refusal != null) {
                return OperationResponse.error(request.code(), ReturnCode.OPERATION_LIMIT_REACHED, refusal);
            }
            masterFiber.enqueue(() -> {
                OperationResponse response = respond(peer, request, sp, op);
                peer.joinThrottle().finish(response != null && response.isOk());
            });
            return null;
        };
    }

    private static OperationResponse respond(MasterClientPeer peer, OperationRequest request, SendParameters sp,
                                             MasterOperation op) {
        OperationResponse response;
        try {
            response = op.handle(peer, request);
        } catch (RuntimeException e) {
            response = peer.exceptionResponse(request, e);
        }
        if (response != null) {
            peer.sendOperationResponse(response, sp);
        }
        return response;
    }

    OperationHandler initial() {
        return initial;
    }
}
