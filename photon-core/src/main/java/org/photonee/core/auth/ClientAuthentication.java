package org.photonee.core.auth;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import org.photonee.core.codes.ParameterCode;
import org.photonee.core.codes.ReturnCode;
import org.photonee.core.protocol.OperationRequest;
import org.photonee.core.protocol.OperationResponse;
import org.photonee.core.protocol.Parameters;
import org.photonee.core.protocol.Values;

/**
 * The Authenticate (230) and AuthOnce (231) operations of name server and master: a valid token (221) is renewed;
 * without a token the client's app id, version and user id go to the {@link ClientAuthenticator} and a new token is
 * issued. The outcome is either the new token or the error response to send.
 */
public final class ClientAuthentication {
    private final TokenIssuer issuer;
    private final ClientAuthenticator authenticator;
    private final boolean acceptsDictionaryData;

    /** The name server's: ClientAuthenticationData may be a string, byte[] or a dictionary. */
    public ClientAuthentication(TokenIssuer issuer, ClientAuthenticator authenticator) {
        this(issuer, authenticator, true);
    }

    /**
     * @param acceptsDictionaryData false for the master, which (like Photon's) takes only string or byte[]
     *                              ClientAuthenticationData (214) and answers a dictionary with OperationInvalid
     */
    public ClientAuthentication(TokenIssuer issuer, ClientAuthenticator authenticator, boolean acceptsDictionaryData) {
        this.issuer = issuer;
        this.authenticator = authenticator;
        this.acceptsDictionaryData = acceptsDictionaryData;
    }

    /**
     * The result of one Authenticate.
     *
     * @param operationCode the code answered: Authenticate (230) or AuthOnce (231)
     * @param token    the token to hand out, null on failure and while incomplete
     * @param details  what the authenticator said (nickname, data), null when a token was renewed or on failure
     * @param failure  the error response, null on success
     */
    public record Outcome(int operationCode, AuthToken token, AuthenticationResult details,
                          OperationResponse failure) {
        /** Authenticated: a token was issued. */
        public boolean isSuccess() {
            return failure == null && token != null;
        }

        /**
         * Not authenticated yet (custom auth ResultCode 0): {@link #incompleteResponse()} carries the service's
         * data; the client stays unauthenticated and may authenticate again.
         */
        public boolean isIncomplete() {
            return failure == null && token == null;
        }

        /** Return code 0 with only Data (245), for a multi-step login. */
        public OperationResponse incompleteResponse() {
            Parameters p = new Parameters();
            if (details != null && details.data() != null) {
                p.put(ParameterCode.DATA, details.data());
            }
            return OperationResponse.ok(operationCode, p);
        }

        /** The success response: Token (221), UserId (225), Nickname (202) and Data (245) when present. */
        public OperationResponse response(TokenIssuer issuer, Parameters extra) {
            Parameters p = extra == null ? new Parameters() : extra.copy();
            p.put(ParameterCode.TOKEN, issuer.encode(token));
            p.put(ParameterCode.USER_ID, token.userId());
            if (details != null && details.nickname() != null) {
                p.put(ParameterCode.NICKNAME, details.nickname());
            }
            if (details != null && details.data() != null) {
                p.put(ParameterCode.DATA, details.data());
            }
            return OperationResponse.ok(operationCode, p);
        }
    }

    /** Completes normally in every case, on the authenticator's thread or at once. */
    public CompletionStage<Outcome> authenticate(OperationRequest request) {
        Parameters p = request.parameters();
        Object token = p.get(ParameterCode.TOKEN);
        if (token != null) {
            return CompletableFuture.completedFuture(renew(request, token));
        }
        String appId = Values.toStringOrNull(p.get(ParameterCode.APPLICATION_ID));
        if (appId == null || appId.isEmpty()) {
            return failed(request, ReturnCode.INVALID_AUTHENTICATION, "Missing application id (224)");
        }
        Object authData = p.get(ParameterCode.CLIENT_AUTHENTICATION_DATA);
        if (!acceptsDictionaryData && authData instanceof java.util.Map) {
            return failed(request, ReturnCode.OPERATION_INVALID,
                    "InvalidTypeForAuthData: ClientAuthenticationData (214) must be a string or byte[] here");
        }
        Object userId = p.get(ParameterCode.USER_ID);
        if (userId != null && !(userId instanceof String)) {
            return failed(request, ReturnCode.OPERATION_INVALID, "UserId (225) must be a string");
        }
        AuthenticationRequest authRequest = new AuthenticationRequest(appId,
                Values.toStringOrNull(p.get(ParameterCode.APP_VERSION)), (String) userId,
                Values.toInt(p.get(ParameterCode.CLIENT_AUTHENTICATION_TYPE), 0),
                Values.toStringOrNull(p.get(ParameterCode.CLIENT_AUTHENTICATION_PARAMS)),
                authData, Values.toStringOrNull(p.get(ParameterCode.REGION)));
        CompletionStage<AuthenticationResult> pending;
        try {
            pending = authenticator.authenticate(authRequest);
        } catch (RuntimeException e) {
            pending = CompletableFuture.failedFuture(e);
        }
        return pending.handle((result, error) -> {
            if (error != null || result == null) {
                return failure(request, ReturnCode.CUSTOM_AUTHENTICATION_FAILED, "Authentication service failed");
            }
            if (result.isIncomplete()) {
                return new Outcome(request.code(), null, result, null);
            }
            if (!result.isOk()) {
                return failure(request, result.returnCode(), result.message());
            }
            AuthToken issued = issuer.issue(result.userId(), appId, authRequest.appVersion(), result.authCookie(),
                    result.expireAtMillis());
            return new Outcome(request.code(), issued, result, null);
        });
    }

    private Outcome renew(OperationRequest request, Object token) {
        if (!(token instanceof String encoded)) {
            return failure(request, ReturnCode.INVALID_AUTHENTICATION, "Token (221) must be a string");
        }
        try {
            return new Outcome(request.code(), issuer.renew(issuer.decode(encoded)), null, null);
        } catch (TokenException e) {
            return failure(request, e.returnCode(), e.getMessage());
        }
    }

    private static CompletionStage<Outcome> failed(OperationRequest request, short code, String message) {
        return CompletableFuture.completedFuture(failure(request, code, message));
    }

    private static Outcome failure(OperationRequest request, short code, String message) {
        return new Outcome(request.code(), null, null, OperationResponse.error(request.code(), code, message));
    }
}
