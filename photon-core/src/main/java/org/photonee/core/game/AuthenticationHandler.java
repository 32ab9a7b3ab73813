package org.photonee.core.game;

import org.photonee.core.auth.AuthToken;
import org.photonee.core.auth.TokenException;
import org.photonee.core.codes.OperationCode;
import org.photonee.core.codes.ParameterCode;
import org.photonee.core.codes.ReturnCode;
import org.photonee.core.peer.OperationHandler;
import org.photonee.core.peer.OperationTable;
import org.photonee.core.peer.PeerBase;
import org.photonee.core.peer.SessionLog;
import org.photonee.core.peer.SendParameters;
import org.photonee.core.protocol.OperationRequest;
import org.photonee.core.protocol.OperationResponse;
import org.photonee.core.protocol.Parameters;

/**
 * A new game server connection: the only operation allowed is Authenticate (230) with the token the master
 * handed out. On success the peer moves on to {@link AuthenticatedHandler}.
 */
final class AuthenticationHandler implements OperationHandler {
    private static final OperationTable<GameSession> OPERATIONS = OperationTable.<GameSession>builder()
            .on(OperationCode.AUTHENTICATE, AuthenticationHandler::authenticate)
            .on(OperationCode.AUTH_ONCE, AuthenticationHandler::authenticate)
            .otherwise((s, r, sp) -> OperationResponse.error(r.code(), ReturnCode.OPERATION_DENIED,
                    "Operation " + r.code() + " is not allowed before Authenticate"))
            .build();

    private final GameSession session;

    AuthenticationHandler(GameSession session) {
        this.session = session;
    }

    @Override
    public OperationResponse onOperationRequest(PeerBase peer, OperationRequest request, SendParameters sp) {
        return OPERATIONS.dispatch(session, request, sp);
    }

    /**
     * AuthOnce at connect (the token came in the UDP init, AUTH.md §1.5): the token is checked as for Authenticate,
     * payload encryption set up from its secret, and the client gets an op-231 response with a renewed token; a
     * bad token gets the op-231 error and the connection is closed. Runs on the peer's request fiber.
     */
    static void authenticateAtConnect(GameSession s) {
        OperationRequest r = new OperationRequest(OperationCode.AUTH_ONCE,
                Parameters.of(ParameterCode.TOKEN, s.peer.initRequest().initToken()));
        OperationResponse checked = authenticate(s, r, SendParameters.DEFAULT);
        if (!checked.isOk()) {
            SessionLog.authenticationFailed(s.peer.connectionId(), checked.returnCode(), checked.debugMessage());
            s.peer.sendOperationResponseAndDisconnect(checked, SendParameters.DEFAULT);
            return;
        }
        AuthToken token = s.token();
        long now = s.wallClock.getAsLong();
        AuthToken renewed = token.withLifetime(now,
                Math.max(token.expiresAtMillis(), Math.min(token.finalExpiresAtMillis(),
                        now + s.settings.authTokenExpirationMillis())));
        s.authenticated(renewed);
        byte[] secret = renewed.encryptionSecret();
        if (secret != null) {
            // Before the answer: the client encrypts its next operations as soon as it has it.
            s.peer.initPayloadEncryption(secret);
        }
        s.peer.sendOperationResponse(OperationResponse.ok(OperationCode.AUTH_ONCE,
                Parameters.of(ParameterCode.TOKEN, s.tokens.encode(renewed))), SendParameters.DEFAULT);
    }

    private static OperationResponse authenticate(GameSession s, OperationRequest r, SendParameters sp) {
        Object encoded = r.parameters().get(ParameterCode.TOKEN);
        if (!(encoded instanceof String text) || text.isEmpty()) {
            return OperationResponse.error(r.code(), ReturnCode.INVALID_AUTHENTICATION,
                    "A game server needs the token (221) from the master");
        }
        AuthToken token;
        try {
            token = s.tokens.decode(text);
        } catch (TokenException e) {
            return OperationResponse.error(r.code(), e.returnCode(), e.getMessage());
        }
        if (token.isExpired(s.wallClock.getAsLong())) {
            return OperationResponse.error(r.code(), ReturnCode.AUTHENTICATION_TOKEN_EXPIRED, "Token expired");
        }
        Object appId = r.parameters().get(ParameterCode.APPLICATION_ID);
        if (appId != null && token.appId() != null && !token.appId().equals(appId)) {
            return OperationResponse.error(r.code(), ReturnCode.INVALID_AUTHENTICATION,
                    "The token was issued for another application");
        }
        s.authenticated(token);
        SessionLog.authenticated(s.peer.connectionId(), token.userId(), "game");
        s.peer.setCurrentOperationHandler(new AuthenticatedHandler(s));
        return OperationResponse.ok(r.code());
    }
}
