package org.photonee.core.auth;

import java.util.concurrent.CompletionStage;

/**
 * Decides who a client is when it authenticates without a token (name server, or a direct master connect). The
 * seam for custom authentication: an implementation may call an HTTP service; it must not block and completes
 * the stage from any thread.
 */
@FunctionalInterface
public interface ClientAuthenticator {
    CompletionStage<AuthenticationResult> authenticate(AuthenticationRequest request);
}
