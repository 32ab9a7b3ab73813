package org.photonee.core.auth.custom;

import org.junit.jupiter.api.Test;
import org.photonee.core.auth.AuthenticationRequest;
import org.photonee.core.auth.AuthenticationResult;
import org.photonee.core.codes.ReturnCode;
import org.photonee.core.fiber.ManualFiber;
import org.photonee.core.http.HttpQueue;
import org.photonee.core.http.HttpQueueSettings;
import org.photonee.core.http.HttpSender;

import java.net.ConnectException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class HttpAuthProviderTest {
    private final ManualFiber fiber = new ManualFiber();
    private HttpSender.Reply reply;
    private Throwable failure;

    private HttpAuthProvider provider(boolean rejectIfUnavailable) {
        HttpProviderSettings settings = new HttpProviderSettings("shop", 0, URI.create("http://127.0.0.1:9/auth"),
                false, rejectIfUnavailable, Map.of(), HttpQueueSettings.DEFAULTS);
        HttpSender sender = (call, timeout) -> failure != null
                ? CompletableFuture.failedFuture(failure) : CompletableFuture.completedFuture(reply);
        return new HttpAuthProvider(settings, new HttpQueue("shop", HttpQueueSettings.DEFAULTS, sender, fiber));
    }

    private AuthenticationResult login(HttpAuthProvider provider, String userId) {
        CompletionStage<AuthenticationResult> r = provider.authenticate(
                new AuthenticationRequest("app", "1", userId, 0, "user=" + userId, null, "eu"));
        fiber.runPending();
        return r.toCompletableFuture().join();
    }

    private void answer(int status, String body) {
        reply = new HttpSender.Reply(status, body.getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void resultCodeOneAuthenticatesWithTheServicesUserIdNicknameCookieDataAndExpiry() {
        answer(200, "{\"ResultCode\":1,\"UserId\":\"svc-7\",\"Nickname\":\"Neo\",\"AuthCookie\":{\"tier\":\"vip\"},"
                + "\"Data\":{\"gold\":5},\"ExpireAt\":1900000000}");
        HttpAuthProvider p = provider(true);
        AuthenticationResult r = login(p, "alice");
        assertTrue(r.isOk());
        assertEquals("svc-7", r.userId());
        assertEquals("Neo", r.nickname());
        assertEquals(Map.of("tier", "vip"), r.authCookie());
        assertEquals(Map.of("gold", 5L), r.data());
        assertEquals(1_900_000_000_000L, r.expireAtMillis());
        assertEquals(1, p.counters().snapshot().accepted());
    }

    @Test
    void withoutAServiceUserIdTheClientsIsKept() {
        answer(200, "{\"ResultCode\":1}");
        assertEquals("alice", login(provider(true), "alice").userId());
    }

    @Test
    void resultCodeZeroIsIncompleteWithData() {
        answer(200, "{\"ResultCode\":0,\"Data\":{\"step\":2}}");
        HttpAuthProvider p = provider(true);
        AuthenticationResult r = login(p, "alice");
        assertTrue(r.isIncomplete());
        assertFalse(r.isOk());
        assertEquals(Map.of("step", 2L), r.data());
        assertEquals(1, p.counters().snapshot().data());
    }

    @Test
    void otherResultCodesAreRefusedWithTheServicesMessage() {
        HttpAuthProvider p = provider(true);
        for (String code : new String[]{"2", "3", "5"}) {
            answer(200, "{\"ResultCode\":" + code + ",\"Message\":\"Version not allowed.\"}");
            AuthenticationResult r = login(p, "alice");
            assertEquals(ReturnCode.CUSTOM_AUTHENTICATION_FAILED, r.returnCode());
            assertEquals("Version not allowed.", r.message());
        }
        assertEquals(3, p.counters().snapshot().denied());
    }

    @Test
    void anHttpErrorWithABodyIsParsedLikeA200() {
        answer(500, "{\"ResultCode\":1,\"UserId\":\"x\"}");
        assertTrue(login(provider(true), "alice").isOk());
    }

    @Test
    void anEmptyOrBrokenAnswerIsRefusedEvenWithoutRejectIfUnavailable() {
        HttpAuthProvider p = provider(false);
        answer(200, "");
        AuthenticationResult empty = login(p, "alice");
        assertEquals(ReturnCode.CUSTOM_AUTHENTICATION_FAILED, empty.returnCode());
        assertEquals("Custom authentication got empty response string.", empty.message());
        answer(200, "not json");
        assertTrue(login(p, "alice").message().startsWith("Custom authentication deserialization failed"));
        assertEquals(2, p.counters().snapshot().errors());
    }

    @Test
    void anUnavailableServiceRefusesOrLetsInByRejectIfUnavailable() {
        failure = new ConnectException("Connection refused");
        AuthenticationResult refused = login(provider(true), "alice");
        assertEquals(ReturnCode.CUSTOM_AUTHENTICATION_FAILED, refused.returnCode());
        assertTrue(refused.message().contains("unavailable"), refused.message());
        AuthenticationResult anonymous = login(provider(false), "alice");
        assertTrue(anonymous.isOk());
        assertEquals("alice", anonymous.userId());
        answer(503, "");
        failure = null;
        assertEquals(ReturnCode.CUSTOM_AUTHENTICATION_FAILED, login(provider(true), "alice").returnCode(),
                "an HTTP error without a body means unavailable");
        assertTrue(login(provider(false), "alice").isOk());
    }
}
