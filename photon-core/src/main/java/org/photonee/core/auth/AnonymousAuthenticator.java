package org.photonee.core.auth;

import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;

/**
 * Authentication switched off (Photon's default without custom auth): everyone is accepted under the user id they
 * propose, or a new GUID when they propose none.
 */
public final class AnonymousAuthenticator implements ClientAuthenticator {
    @Override
    public CompletionStage<AuthenticationResult> authenticate(AuthenticationRequest request) {
        String userId = request.userId() == null || request.userId().isEmpty()
                ? UUID.randomUUID().toString() : request.userId();
        return CompletableFuture.completedFuture(AuthenticationResult.ok(userId));
    }
}
