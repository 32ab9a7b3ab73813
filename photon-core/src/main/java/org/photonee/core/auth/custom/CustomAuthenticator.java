package org.photonee.core.auth.custom;

import org.photonee.core.auth.AnonymousAuthenticator;
import org.photonee.core.auth.AuthenticationRequest;
import org.photonee.core.auth.AuthenticationResult;
import org.photonee.core.auth.ClientAuthenticator;

import java.util.Collection;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;

/**
 * The rules every provider shares (LOADBALANCING.md §3.1, AUTH.md §1.4): disabled → everyone in anonymously; a
 * client with neither parameters nor data and {@code allowAnonymous} → in at once, except for the platform types
 * that never degrade to anonymous; a type no provider serves → "Authentication type not supported"; else the
 * provider of the client's ClientAuthenticationType decides.
 */
public final class CustomAuthenticator implements ClientAuthenticator {
    /** Steam, Oculus, PlayStation, Xbox, Viveport: an empty request is invalid, never anonymous. */
    private static final Set<Integer> PLATFORM_TYPES = Set.of(1, 3, 4, 5, 10);

    private final AuthSettings settings;
    private final Map<Integer, AuthProvider> providers;
    private final ClientAuthenticator anonymous = new AnonymousAuthenticator();

    /** @param providers by ClientAuthenticationType, as configured in {@code settings} */
    public CustomAuthenticator(AuthSettings settings, Map<Integer, AuthProvider> providers) {
        this.settings = settings;
        this.providers = Map.copyOf(providers);
    }

    public Collection<AuthProvider> providers() {
        return providers.values();
    }

    @Override
    public CompletionStage<AuthenticationResult> authenticate(AuthenticationRequest request) {
        if (!settings.enabled()) {
            return anonymous.authenticate(request);
        }
        AuthProvider provider = providers.get(request.authType());
        if (isEmpty(request)) {
            if (provider != null && PLATFORM_TYPES.contains(request.authType())) {
                return done(HttpAuthProvider.refused("Parameter invalid"));
            }
            if (settings.allowAnonymous()) {
                return anonymous.authenticate(request);
            }
        }
        if (provider == null) {
            return done(HttpAuthProvider.refused("Authentication type not supported"));
        }
        return provider.authenticate(request);
    }

    private static boolean isEmpty(AuthenticationRequest request) {
        Object data = request.authData();
        boolean noData = data == null || "".equals(data) || data instanceof Map<?, ?> m && m.isEmpty();
        return noData && (request.authParams() == null || request.authParams().isEmpty());
    }

    private static CompletionStage<AuthenticationResult> done(AuthenticationResult result) {
        return CompletableFuture.completedFuture(result);
    }
}
