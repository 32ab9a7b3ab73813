package org.photonee.core.nameserver;

import org.photonee.core.auth.AuthOnce;
import org.photonee.core.auth.ClientAuthentication;
import org.photonee.core.auth.ClientAuthenticator;
import org.photonee.core.auth.TokenIssuer;
import org.photonee.core.codes.OperationCode;
import org.photonee.core.codes.ParameterCode;
import org.photonee.core.codes.ReturnCode;
import org.photonee.core.peer.ApplicationBase;
import org.photonee.core.peer.ClientPeer;
import org.photonee.core.peer.InitRequest;
import org.photonee.core.peer.OperationHandler;
import org.photonee.core.peer.PeerBase;
import org.photonee.core.peer.PeerEnvironment;
import org.photonee.core.peer.SendParameters;
import org.photonee.core.peer.SessionLog;
import org.photonee.core.protocol.OperationRequest;
import org.photonee.core.protocol.OperationResponse;
import org.photonee.core.protocol.Parameters;
import org.photonee.core.protocol.Values;

/**
 * The name server: GetRegions (220) any time; Authenticate (230) or AuthOnce (231) once, answered with the region's
 * master address (230), a token (221) and the user id (225). Authentication of clients without a token goes to the
 * {@link ClientAuthenticator}, the seam for custom authentication. While it runs every operation is denied.
 */
public final class NameServerApplication extends ApplicationBase {
    private final NameServerSettings settings;
    private final TokenIssuer tokens;
    private final ClientAuthentication authentication;
    private final OperationHandler initial;
    private final OperationHandler authenticating;
    private final OperationHandler authenticated;
    private final FailureDisconnect failureDisconnect;

    public NameServerApplication(PeerEnvironment environment, NameServerSettings settings, TokenIssuer tokens,
                                 ClientAuthenticator authenticator) {
        this(environment, settings, tokens, authenticator, FailureDisconnect.DEFAULT);
    }

    /**
     * @param failureDisconnect when a client whose custom authentication failed is disconnected
     */
    public NameServerApplication(PeerEnvironment environment, NameServerSettings settings, TokenIssuer tokens,
                                 ClientAuthenticator authenticator, FailureDisconnect failureDisconnect) {
        super("nameserver", environment);
        this.settings = settings;
        this.failureDisconnect = failureDisconnect;
        this.tokens = tokens;
        this.authentication = new ClientAuthentication(tokens, authenticator);
        this.authenticating = (peer, request, sp) -> OperationResponse.error(request.code(),
                ReturnCode.OPERATION_DENIED, "Already authenticating");
        this.authenticated = (peer, request, sp) -> {
            if (request.code() == OperationCode.GET_REGIONS) {
                return getRegions(peer, request);
            }
            return isAuthentication(request)
                    ? OperationResponse.error(request.code(), ReturnCode.OPERATION_DENIED, "Already authenticated")
                    : OperationResponse.error(request.code(), ReturnCode.OPERATION_INVALID,
                            "Unknown operation code " + request.code());
        };
        this.initial = this::beforeAuthentication;
    }

    @Override
    protected PeerBase createPeer(InitRequest initRequest) {
        return new ClientPeer(initRequest, environment(), initial);
    }

    private OperationResponse beforeAuthentication(PeerBase peer, OperationRequest request, SendParameters sp) {
        if (request.code() == OperationCode.GET_REGIONS) {
            return getRegions(peer, request);
        }
        if (!isAuthentication(request)) {
            // The name server knows only Authenticate, AuthOnce and GetRegions.
            return OperationResponse.error(request.code(), ReturnCode.OPERATION_INVALID,
                    "Unknown operation code " + request.code());
        }
        if (request.code() == OperationCode.AUTH_ONCE) {
            OperationResponse refused = AuthOnce.refusal(peer, request);
            if (refused != null) {
                return refused;
            }
        }
        Object region = request.parameters().get(ParameterCode.REGION);
        NameServerSettings table = settings.forTransport(peer.initRequest().connection().transport());
        String master = region == null ? table.regions().values().iterator().next()
                : table.masterFor(Values.toStringOrNull(region));
        if (master == null) {
            return OperationResponse.error(request.code(), ReturnCode.INVALID_REGION,
                    "Unknown region " + Values.toDebugString(region));
        }
        ClientPeer client = (ClientPeer) peer;
        client.setCurrentOperationHandler(authenticating);
        authentication.authenticate(request).thenAccept(outcome -> client.requestFiber().enqueue(() -> {
            if (!client.isConnected()) {
                return;
            }
            if (outcome.isIncomplete()) {
                client.setCurrentOperationHandler(initial);
                client.sendOperationResponse(outcome.incompleteResponse(), sp);
                return;
            }
            if (!outcome.isSuccess()) {
                SessionLog.authenticationFailed(client.connectionId(), outcome.failure().returnCode(),
                        outcome.failure().debugMessage());
                client.setCurrentOperationHandler(initial);
                client.sendOperationResponse(outcome.failure(), sp);
                if (outcome.failure().returnCode() == ReturnCode.CUSTOM_AUTHENTICATION_FAILED) {
                    // Like Photon's name server: a rejected login is disconnected after a random delay, which
                    // slows down guessing without telling the client when the next try is possible.
                    client.requestFiber().schedule(client::disconnect, failureDisconnect.nextDelayMillis());
                }
                return;
            }
            client.setCurrentOperationHandler(authenticated);
            SessionLog.authenticated(client.connectionId(), outcome.token().userId(), "nameserver");
            Parameters extra = Parameters.of(ParameterCode.ADDRESS, master);
            ClientAuthentication.Outcome answered = outcome;
            if (request.code() == OperationCode.AUTH_ONCE) {
                // A fresh secret per login: the token carries it to master and game server, the client gets it here.
                byte[] secret = AuthOnce.newSecret();
                answered = new ClientAuthentication.Outcome(outcome.operationCode(),
                        outcome.token().withEncryptionSecret(secret), outcome.details(), null);
                extra.put(ParameterCode.ENCRYPTION_DATA, AuthOnce.encryptionData(secret));
            }
            // The secret never travels in clear: without TLS it goes encrypted even if the request did not.
            SendParameters answerAs = request.code() == OperationCode.AUTH_ONCE && client.isEncryptionEstablished()
                    ? sp.withEncrypted(true) : sp;
            client.sendOperationResponse(answered.response(tokens, extra), answerAs);
        }));
        return null;
    }

    /**
     * AuthOnce (231) is Authenticate on a secure channel whose answer adds EncryptionData (192) and a token carrying
     * the same secret (see {@link AuthOnce}); both run the same custom authentication.
     */
    private static boolean isAuthentication(OperationRequest request) {
        return request.code() == OperationCode.AUTHENTICATE || request.code() == OperationCode.AUTH_ONCE;
    }

    /** Region (210) codes and Address (230) master URLs as parallel string arrays. */
    private OperationResponse getRegions(PeerBase peer, OperationRequest request) {
        NameServerSettings table = settings.forTransport(peer.initRequest().connection().transport());
        String[] regions = table.regions().keySet().toArray(String[]::new);
        String[] addresses = table.regions().values().toArray(String[]::new);
        return OperationResponse.ok(request.code(), Parameters.of(ParameterCode.REGION, regions,
                ParameterCode.ADDRESS, addresses));
    }
}
