package org.photonee.core.webrpc;

import java.net.URI;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import org.photonee.core.codes.ParameterCode;
import org.photonee.core.codes.ReturnCode;
import org.photonee.core.http.HttpCall;
import org.photonee.core.http.HttpOutcome;
import org.photonee.core.http.WebJson;
import org.photonee.core.plugin.PluginHttp;
import org.photonee.core.plugin.WebFlags;
import org.photonee.core.protocol.OperationRequest;
import org.photonee.core.protocol.OperationResponse;
import org.photonee.core.protocol.Parameters;
import org.photonee.core.protocol.ProtocolException;
import org.photonee.core.protocol.ProtocolLimits;
import org.photonee.core.protocol.Values;

/**
 * Operation Rpc (219): UriPath (209), RpcCallParams (208) and WebFlags (234) become a JSON POST to
 * {@code BaseUrl/UriPath}; the service's {@code {ResultCode, Message, Data}} comes back as RpcCallRetCode (207),
 * RpcCallRetMessage (206), UriPath (209, without its query) and RpcCallParams (208, the data) in a response with
 * ReturnCode 0. WebRPC disabled → OperationInvalid; no or unusable answer → ExternalHttpCallFailed (32744).
 *
 * <p>Never blocks and never throws: the stage completes (off the caller's fiber) with the response to send.
 * Body: params that are a string-keyed map go at the root next to AppId, AppVersion, Region, UserId (and
 * AuthCookie with WebFlags SendAuthCookie); anything else goes under RpcParams.
 */
public final class WebRpc {
    /** Answers are untrusted: bounded like a client message. */
    private static final ProtocolLimits ANSWER_LIMITS = ProtocolLimits.DEFAULTS;

    private final WebRpcSettings settings;
    private final WebServiceUrl url;
    private final PluginHttp http;
    private final String region;

    /**
     * @param http   where the POSTs go (the WebRPC {@link org.photonee.core.http.HttpQueue})
     * @param region this cluster's region, for the body and the {Region} tag
     */
    public WebRpc(WebRpcSettings settings, PluginHttp http, String region) {
        this.settings = settings;
        this.url = settings.baseUrl();
        this.http = http;
        this.region = region == null ? "" : region;
    }

    public static WebRpc disabled() {
        return new WebRpc(WebRpcSettings.DISABLED, PluginHttp.NONE, "");
    }

    public WebRpcSettings settings() {
        return settings;
    }

    /** A new per-room (or per-peer) budget of {@code httpForwardLimit} calls per second. */
    public HttpForwardLimiter newLimiter() {
        return new HttpForwardLimiter(settings.httpForwardLimit());
    }

    /** Answers an Rpc request; see the class comment. */
    public CompletionStage<OperationResponse> call(OperationRequest request, RpcCaller caller) {
        int op = request.code();
        if (!settings.enabled()) {
            return done(OperationResponse.error(op, ReturnCode.OPERATION_INVALID, "WebRPC is not enabled"));
        }
        Parameters p = request.parameters();
        if (!(p.get(ParameterCode.URI_PATH) instanceof String path) || path.isBlank()) {
            return done(OperationResponse.error(op, ReturnCode.OPERATION_INVALID,
                    "Missing parameter UriPath (209)"));
        }
        Object flagsValue = p.get(ParameterCode.WEB_FLAGS);
        if (flagsValue != null && !Values.isIntegral(flagsValue)) {
            return done(OperationResponse.error(op, ReturnCode.OPERATION_INVALID, "WebFlags (234) must be a number"));
        }
        int flags = Values.toInt(flagsValue, 0);
        URI target;
        try {
            target = url.resolve(path, caller.appId(), caller.appVersion(), region);
        } catch (IllegalArgumentException e) {
            return done(OperationResponse.error(op, ReturnCode.OPERATION_INVALID, "Invalid UriPath: " + e.getMessage()));
        }
        String body;
        try {
            body = WebJson.write(body(p.get(ParameterCode.RPC_CALL_PARAMS), caller, flags));
        } catch (IllegalArgumentException e) {
            return done(OperationResponse.error(op, ReturnCode.OPERATION_INVALID,
                    "RpcCallParams (208) cannot be sent as JSON: " + e.getMessage()));
        }
        String answeredPath = WebServiceUrl.withoutQuery(path);
        return http.submit(HttpCall.postJson(target, body, Map.of()))
                .thenApply(outcome -> answer(op, answeredPath, outcome));
    }

    private Map<String, Object> body(Object params, RpcCaller caller, int flags) {
        Map<String, Object> body = new LinkedHashMap<>();
        boolean atRoot = params instanceof Map<?, ?> m && m.keySet().stream().allMatch(k -> k instanceof String);
        if (atRoot) {
            ((Map<?, ?>) params).forEach((k, v) -> body.put((String) k, v));
        }
        body.put("AppId", caller.appId());
        body.put("AppVersion", caller.appVersion());
        body.put("Region", region);
        body.put("UserId", caller.userId());
        if (WebFlags.has(flags, WebFlags.SEND_AUTH_COOKIE)) {
            body.put("AuthCookie", caller.authCookie());
        }
        if (!atRoot) {
            body.put("RpcParams", params);
        }
        return body;
    }

    private static OperationResponse answer(int op, String path, HttpOutcome outcome) {
        if (!outcome.isSuccess()) {
            return OperationResponse.error(op, ReturnCode.EXTERNAL_HTTP_CALL_FAILED,
                    "WebRPC call to " + path + " failed: " + outcome.describe());
        }
        Object parsed;
        try {
            parsed = WebJson.parse(outcome.bodyText(), ANSWER_LIMITS);
        } catch (ProtocolException e) {
            return OperationResponse.error(op, ReturnCode.EXTERNAL_HTTP_CALL_FAILED,
                    "WebRPC answer of " + path + " is not JSON: " + e.getMessage());
        }
        if (!(parsed instanceof Map<?, ?> json) || !Values.isIntegral(json.get("ResultCode"))) {
            return OperationResponse.error(op, ReturnCode.EXTERNAL_HTTP_CALL_FAILED,
                    "WebRPC answer of " + path + " has no numeric ResultCode");
        }
        long resultCode = Values.toLong(json.get("ResultCode"));
        if (resultCode < Integer.MIN_VALUE || resultCode > Integer.MAX_VALUE) {
            return OperationResponse.error(op, ReturnCode.EXTERNAL_HTTP_CALL_FAILED,
                    "WebRPC answer of " + path + " has an out-of-range ResultCode");
        }
        Parameters out = Parameters.of(ParameterCode.RPC_CALL_RET_CODE, (int) resultCode,
                ParameterCode.URI_PATH, path);
        if (json.get("Message") instanceof String message) {
            out.put(ParameterCode.RPC_CALL_RET_MESSAGE, message);
        }
        Object data = json.get("Data");
        if (data != null && !(data instanceof Map<?, ?> m && m.isEmpty())) {
            out.put(ParameterCode.RPC_CALL_PARAMS, data);
        }
        return OperationResponse.ok(op, out);
    }

    private static CompletionStage<OperationResponse> done(OperationResponse response) {
        return CompletableFuture.completedFuture(response);
    }
}
