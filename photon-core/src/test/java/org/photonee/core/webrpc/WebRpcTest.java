package org.photonee.core.webrpc;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;
import org.photonee.core.codec.json.JsonDocuments;
import org.photonee.core.codes.OperationCode;
import org.photonee.core.codes.ParameterCode;
import org.photonee.core.codes.ReturnCode;
import org.photonee.core.config.ConfigReader;
import org.photonee.core.http.HttpCall;
import org.photonee.core.http.HttpOutcome;
import org.photonee.core.http.HttpStatus;
import org.photonee.core.protocol.OperationRequest;
import org.photonee.core.protocol.OperationResponse;
import org.photonee.core.protocol.Parameters;
import org.photonee.core.protocol.PhotonHashtable;
import org.photonee.core.protocol.ProtocolLimits;

class WebRpcTest {
    private static final RpcCaller CALLER = new RpcCaller("app-1", "1.2", "alice", Map.of("token", "t0"));
    private final List<HttpCall> sent = new ArrayList<>();
    private HttpOutcome answer = ok("{\"ResultCode\":0,\"Message\":\"fine\",\"Data\":{\"gold\":5}}");

    private static HttpOutcome ok(String body) {
        return new HttpOutcome(HttpStatus.SUCCESS, 200, body.getBytes(StandardCharsets.UTF_8), null, 3);
    }

    private WebRpc rpc(String baseUrl) {
        return new WebRpc(new WebRpcSettings(new WebServiceUrl(baseUrl), 0, null), call -> {
            sent.add(call);
            return CompletableFuture.completedFuture(answer);
        }, "eu");
    }

    private OperationResponse call(WebRpc rpc, Object... parameters) {
        return rpc.call(new OperationRequest(OperationCode.RPC, Parameters.of(parameters)), CALLER)
                .toCompletableFuture().join();
    }

    @SuppressWarnings("unchecked")
    private Map<String, Object> sentBody() throws Exception {
        return (Map<String, Object>) JsonDocuments.parse(new String(sent.get(0).body(), StandardCharsets.UTF_8),
                ProtocolLimits.DEFAULTS);
    }

    @Test
    void dictionaryParamsGoAtTheRootAndTheAnswerIsMappedToTheRpcParameters() throws Exception {
        OperationResponse r = call(rpc("http://127.0.0.1:9/api/{AppId}?key=k1"), ParameterCode.URI_PATH,
                "shop/buy?item=7", ParameterCode.RPC_CALL_PARAMS, PhotonHashtable.of("qty", 2));
        HttpCall c = sent.get(0);
        assertEquals("POST", c.method());
        assertEquals(URI.create("http://127.0.0.1:9/api/app-1/shop/buy?item=7&key=k1"), c.uri());
        assertEquals("application/json", c.headers().get("Content-Type"));
        assertEquals(Map.of("qty", 2, "AppId", "app-1", "AppVersion", "1.2", "Region", "eu", "UserId", "alice"),
                sentBody());
        assertEquals(ReturnCode.OK, r.returnCode());
        assertEquals(0, r.parameters().get(ParameterCode.RPC_CALL_RET_CODE));
        assertEquals("fine", r.parameters().get(ParameterCode.RPC_CALL_RET_MESSAGE));
        assertEquals("shop/buy", r.parameters().get(ParameterCode.URI_PATH));
        assertEquals(Map.of("gold", 5L), r.parameters().get(ParameterCode.RPC_CALL_PARAMS));
    }

    @Test
    void otherParamsGoUnderRpcParamsAndTheAuthCookieOnlyWhenAsked() throws Exception {
        call(rpc("http://127.0.0.1:9/api"), ParameterCode.URI_PATH, "ping", ParameterCode.RPC_CALL_PARAMS,
                new int[] {1, 2}, ParameterCode.WEB_FLAGS, (byte) 0x02);
        Map<String, Object> body = sentBody();
        assertArrayEquals(new Object[] {1, 2}, (Object[]) body.get("RpcParams"));
        assertEquals(Map.of("token", "t0"), body.get("AuthCookie"));
        sent.clear();
        call(rpc("http://127.0.0.1:9/api"), ParameterCode.URI_PATH, "ping");
        assertFalse(sentBody().containsKey("AuthCookie"));
        assertTrue(sentBody().containsKey("RpcParams"));
    }

    @Test
    void aNonZeroResultCodeIsStillReturnCodeZeroWithoutEmptyData() {
        answer = ok("{\"ResultCode\":3,\"Data\":{}}");
        OperationResponse r = call(rpc("http://127.0.0.1:9/api"), ParameterCode.URI_PATH, "x");
        assertEquals(ReturnCode.OK, r.returnCode());
        assertEquals(3, r.parameters().get(ParameterCode.RPC_CALL_RET_CODE));
        assertNull(r.parameters().get(ParameterCode.RPC_CALL_PARAMS));
        assertNull(r.parameters().get(ParameterCode.RPC_CALL_RET_MESSAGE));
    }

    @Test
    void noAnswerOrAnUnusableOneIsExternalHttpCallFailed() {
        WebRpc rpc = rpc("http://127.0.0.1:9/api");
        for (HttpOutcome bad : List.of(HttpOutcome.failed(HttpStatus.REQUEST_TIMEOUT, "30000 ms", 30000),
                new HttpOutcome(HttpStatus.ERROR, 500, "{\"ResultCode\":0}".getBytes(StandardCharsets.UTF_8),
                        "HTTP 500", 1),
                ok("<html>oops</html>"), ok("{\"Message\":\"no code\"}"), ok("[1,2]"),
                ok("{\"ResultCode\":\"0\"}"), ok("{\"ResultCode\":99999999999}"), ok(""))) {
            answer = bad;
            OperationResponse r = call(rpc, ParameterCode.URI_PATH, "x");
            assertEquals(ReturnCode.EXTERNAL_HTTP_CALL_FAILED, r.returnCode(), bad.bodyText());
            assertTrue(r.debugMessage().startsWith("WebRPC"), r.debugMessage());
        }
    }

    @Test
    void disabledOrBadRequestsAreRefusedWithoutAnyHttp() {
        OperationResponse disabled = WebRpc.disabled().call(new OperationRequest(OperationCode.RPC,
                Parameters.of(ParameterCode.URI_PATH, "x")), CALLER).toCompletableFuture().join();
        assertEquals(ReturnCode.OPERATION_INVALID, disabled.returnCode());
        assertEquals("WebRPC is not enabled", disabled.debugMessage());
        WebRpc rpc = rpc("http://127.0.0.1:9/api");
        assertEquals(ReturnCode.OPERATION_INVALID, call(rpc).returnCode());
        assertEquals(ReturnCode.OPERATION_INVALID, call(rpc, ParameterCode.URI_PATH, 5).returnCode());
        assertEquals(ReturnCode.OPERATION_INVALID, call(rpc, ParameterCode.URI_PATH, "../admin").returnCode());
        assertEquals(ReturnCode.OPERATION_INVALID, call(rpc, ParameterCode.URI_PATH, "a b").returnCode());
        assertEquals(ReturnCode.OPERATION_INVALID, call(rpc, ParameterCode.URI_PATH, "x",
                ParameterCode.WEB_FLAGS, "sync").returnCode());
        assertTrue(sent.isEmpty());
    }

    @Test
    void theLimiterAllowsSoManyPerSecondWindow() {
        HttpForwardLimiter limiter = new HttpForwardLimiter(2);
        assertTrue(limiter.tryAcquire(0));
        assertTrue(limiter.tryAcquire(10));
        assertFalse(limiter.tryAcquire(999));
        assertTrue(limiter.tryAcquire(1000));
        assertTrue(new HttpForwardLimiter(0).tryAcquire(0));
    }

    @Test
    void settingsNameTheirKeyWhenInvalid() {
        assertFalse(WebRpcSettings.from(ConfigReader.of(Map.of())).enabled());
        WebRpcSettings s = WebRpcSettings.from(ConfigReader.of(Map.of("photon.webrpc.baseUrl", "http://127.0.0.1/x",
                "photon.webrpc.httpForwardLimit", "5")));
        assertEquals(5, s.httpForwardLimit());
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> WebRpcSettings.from(
                ConfigReader.of(Map.of("photon.webrpc.baseUrl", "ftp://x"))));
        assertTrue(e.getMessage().contains("photon.webrpc.baseUrl"));
        e = assertThrows(IllegalArgumentException.class, () -> WebRpcSettings.from(
                ConfigReader.of(Map.of("photon.webrpc.httpForwardLimit", "-1"))));
        assertTrue(e.getMessage().contains("photon.webrpc.httpForwardLimit"));
    }
}
