package org.photonee.core.auth.custom;

import org.junit.jupiter.api.Test;
import org.photonee.core.auth.AuthenticationRequest;
import org.photonee.core.auth.AuthenticationResult;
import org.photonee.core.codes.ReturnCode;
import org.photonee.core.nameserver.FailureDisconnect;

import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.atomic.AtomicInteger;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class CustomAuthenticatorTest {
    private final AtomicInteger calls = new AtomicInteger();

    private AuthProvider provider(String name) {
        return new AuthProvider() {
            @Override
            public String name() {
                return name;
            }

            @Override
            public CompletionStage<AuthenticationResult> authenticate(AuthenticationRequest request) {
                calls.incrementAndGet();
                return CompletableFuture.completedFuture(AuthenticationResult.ok(name + ":" + request.userId()));
            }

            @Override
            public AuthCounters counters() {
                return new AuthCounters();
            }
        };
    }

    private CustomAuthenticator authenticator(boolean enabled, boolean anonymous, int... types) {
        Map<Integer, AuthProvider> providers = new java.util.HashMap<>();
        for (int t : types) {
            providers.put(t, provider("p" + t));
        }
        return new CustomAuthenticator(new AuthSettings(enabled, anonymous, Map.of(), FailureDisconnect.DEFAULT),
                providers);
    }

    private static AuthenticationResult login(CustomAuthenticator a, int type, String params) {
        return a.authenticate(new AuthenticationRequest("app", "1", "alice", type, params, null, "eu"))
                .toCompletableFuture().join();
    }

    @Test
    void disabledLetsEveryoneInWithoutAskingAProvider() {
        AuthenticationResult r = login(authenticator(false, false, 0), 0, "x=1");
        assertEquals("alice", r.userId());
        assertEquals(0, calls.get());
    }

    @Test
    void theProviderOfTheClientsTypeDecides() {
        CustomAuthenticator a = authenticator(true, false, 0, 9);
        assertEquals("p9:alice", login(a, 9, "token=t").userId());
        assertEquals("p0:alice", login(a, 0, "user=a").userId());
    }

    @Test
    void anUnconfiguredTypeIsNotSupported() {
        AuthenticationResult r = login(authenticator(true, false, 0), 2, "token=t");
        assertEquals(ReturnCode.CUSTOM_AUTHENTICATION_FAILED, r.returnCode());
        assertEquals("Authentication type not supported", r.message());
    }

    @Test
    void allowAnonymousLetsInAnEmptyRequestWithoutACall() {
        AuthenticationResult r = login(authenticator(true, true, 0), 0, null);
        assertTrue(r.isOk());
        assertEquals("alice", r.userId());
        assertEquals(0, calls.get());
        assertEquals(ReturnCode.CUSTOM_AUTHENTICATION_FAILED, login(authenticator(true, false, 5), 7, null)
                .returnCode(), "without allowAnonymous an empty request still needs a provider");
    }

    @Test
    void platformTypesNeverDegradeToAnonymous() {
        AuthenticationResult r = login(authenticator(true, true, 1), 1, null);
        assertEquals(ReturnCode.CUSTOM_AUTHENTICATION_FAILED, r.returnCode());
        assertEquals("Parameter invalid", r.message());
    }
}
