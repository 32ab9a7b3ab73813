package org.photonee.core.auth.custom;

import org.photonee.core.auth.AuthenticationRequest;
import org.photonee.core.auth.AuthenticationResult;

import java.util.concurrent.CompletionStage;

/** One configured way of authenticating clients of one ClientAuthenticationType. */
public interface AuthProvider {
    /** The provider's configured name ({@code photon.auth.<name>.*}). */
    String name();

    /**
     * Decides about one client; must not block, completes normally (a failure is a result with its return code),
     * on any thread.
     */
    CompletionStage<AuthenticationResult> authenticate(AuthenticationRequest request);

    /** What this provider has decided so far. */
    AuthCounters counters();
}
