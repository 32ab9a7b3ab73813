package org.photonee.core.auth.custom;

import org.photonee.core.auth.AuthenticationRequest;
import org.photonee.core.auth.AuthenticationResult;
import org.photonee.core.codes.ReturnCode;
import org.photonee.core.http.HttpOutcome;
import org.photonee.core.http.HttpQueue;

import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;

/**
 * Asks a studio's HTTP service whether a client may in (LOADBALANCING.md §3.1). The call goes through the
 * provider's {@link HttpQueue}, so a slow or dead service costs queue slots, never a thread.
 *
 * <p>Outcomes: an answer (any HTTP status) with a body is parsed; an empty or unparsable body is a refusal even when
 * {@code rejectIfUnavailable} is false. No answer (timeout, queue full, offline, connection error) or an HTTP error
 * without a body means the service is unavailable: refused when {@code rejectIfUnavailable}, else the client is let
 * in anonymously.
 */
public final class HttpAuthProvider implements AuthProvider {
    private static final System.Logger LOG = System.getLogger(HttpAuthProvider.class.getName());

    private final HttpProviderSettings settings;
    private final HttpQueue queue;
    private final AuthCounters counters = new AuthCounters();

    public HttpAuthProvider(HttpProviderSettings settings, HttpQueue queue) {
        this.settings = settings;
        this.queue = queue;
    }

    @Override
    public String name() {
        return settings.name();
    }

    @Override
    public AuthCounters counters() {
        return counters;
    }

    public HttpQueue queue() {
        return queue;
    }

    @Override
    public CompletionStage<AuthenticationResult> authenticate(AuthenticationRequest request) {
        try {
            return queue.submit(HttpAuthRequests.build(settings, request))
                    .thenApply(outcome -> decide(request, outcome));
        } catch (HttpAuthRequests.InvalidRequest e) {
            return CompletableFuture.completedFuture(count(refused(e.getMessage()), false));
        }
    }

    private AuthenticationResult decide(AuthenticationRequest request, HttpOutcome outcome) {
        if (!outcome.hasAnswer() || !outcome.isSuccess() && outcome.body().length == 0) {
            LOG.log(System.Logger.Level.WARNING, "custom auth provider {0} unavailable: {1}", settings.name(),
                    outcome.describe());
            if (settings.rejectIfUnavailable()) {
                return count(refused("Custom authentication service unavailable (" + outcome.describe() + ")"), true);
            }
            return count(AuthenticationResult.ok(userIdOrNew(request.userId())), true);
        }
        AuthServiceAnswer answer;
        try {
            answer = AuthServiceAnswer.parse(outcome.bodyText());
        } catch (AuthServiceAnswer.Unusable e) {
            LOG.log(System.Logger.Level.WARNING, "custom auth provider {0}: {1}", settings.name(), e.getMessage());
            return count(refused(e.getMessage()), true);
        }
        return count(switch (answer.resultCode()) {
            case 0 -> AuthenticationResult.incomplete(answer.data());
            case 1 -> AuthenticationResult.ok(
                    answer.userId() != null && !answer.userId().isEmpty() ? answer.userId()
                            : userIdOrNew(request.userId()),
                    answer.nickname(), answer.data(), answer.authCookie(),
                    answer.expireAtSeconds() > 0 ? answer.expireAtSeconds() * 1000 : 0);
            default -> refused(answer.message() != null ? answer.message()
                    : "Custom authentication failed (ResultCode " + answer.resultCode() + ")");
        }, false);
    }

    private AuthenticationResult count(AuthenticationResult result, boolean serviceError) {
        counters.count(result, serviceError);
        return result;
    }

    static AuthenticationResult refused(String message) {
        return AuthenticationResult.failed(ReturnCode.CUSTOM_AUTHENTICATION_FAILED, message);
    }

    static String userIdOrNew(String userId) {
        return userId == null || userId.isEmpty() ? UUID.randomUUID().toString() : userId;
    }
}
