package org.photonee.core.auth.custom;

import org.junit.jupiter.api.Test;
import org.photonee.core.auth.AuthenticationRequest;
import org.photonee.core.http.HttpCall;
import org.photonee.core.http.HttpQueueSettings;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

class HttpAuthRequestsTest {
    private static HttpProviderSettings provider(boolean json) {
        return new HttpProviderSettings("shop", 0, URI.create("http://127.0.0.1:9/auth?v=2"), json, true,
                Map.of("apiKey", "secret"), HttpQueueSettings.DEFAULTS);
    }

    private static AuthenticationRequest request(String params, Object data) {
        return new AuthenticationRequest("app", "1.0", "alice", 0, params, data, "eu");
    }

    private static String body(HttpCall call) {
        return new String(call.body(), StandardCharsets.UTF_8);
    }

    @Test
    void withoutDataItIsAGetWithConfiguredThenClientParams() throws Exception {
        HttpCall call = HttpAuthRequests.build(provider(false), request("user=bob&pass=x%20y", null));
        assertEquals("GET", call.method());
        assertEquals("http://127.0.0.1:9/auth?v=2&apiKey=secret&user=bob&pass=x+y", call.uri().toString());
        assertNull(call.body());
        assertEquals("GET", HttpAuthRequests.build(provider(false), request(null, "")).method());
    }

    @Test
    void aClientCannotReplaceAConfiguredParameter() throws Exception {
        HttpCall call = HttpAuthRequests.build(provider(false), request("apiKey=mine&user=bob", null));
        assertEquals("http://127.0.0.1:9/auth?v=2&apiKey=secret&user=bob", call.uri().toString());
    }

    @Test
    void stringAndBytesArePostedAsTheyAre() throws Exception {
        HttpCall text = HttpAuthRequests.build(provider(false), request("user=bob", "token-123"));
        assertEquals("POST", text.method());
        assertEquals("token-123", body(text));
        assertEquals("http://127.0.0.1:9/auth?v=2&apiKey=secret&user=bob", text.uri().toString());
        HttpCall bytes = HttpAuthRequests.build(provider(false), request(null, new byte[0]));
        assertEquals("POST", bytes.method(), "even an empty byte[] is a POST");
        assertEquals("application/octet-stream", bytes.headers().get("Content-Type"));
    }

    @Test
    void aDictionaryIsPostedAsJsonAndItsKeysLeaveTheQuery() throws Exception {
        Map<Object, Object> data = new LinkedHashMap<>();
        data.put("user", "carol");
        data.put("level", 3);
        HttpCall call = HttpAuthRequests.build(provider(false), request("user=bob&x=1", data));
        assertEquals("POST", call.method());
        assertEquals("application/json", call.headers().get("Content-Type"));
        assertEquals("{\"user\":\"carol\",\"level\":3}", body(call));
        assertEquals("http://127.0.0.1:9/auth?v=2&apiKey=secret&x=1", call.uri().toString());
    }

    @Test
    void forwardAsJsonMergesEverythingIntoTheBodyWithConfiguredValuesWinning() throws Exception {
        Map<Object, Object> data = new LinkedHashMap<>();
        data.put("user", "carol");
        data.put("apiKey", "forged");
        HttpCall call = HttpAuthRequests.build(provider(true), request("pin=42", data));
        assertEquals("http://127.0.0.1:9/auth?v=2", call.uri().toString());
        assertEquals("{\"user\":\"carol\",\"apiKey\":\"secret\",\"pin\":\"42\"}", body(call));
    }

    @Test
    void forwardAsJsonTakesOnlyADictionary() {
        HttpAuthRequests.InvalidRequest e = assertThrows(HttpAuthRequests.InvalidRequest.class,
                () -> HttpAuthRequests.build(provider(true), request(null, "text")));
        assertEquals("JSON mode is on. ClientAuthenticationData could have only type Dictionary<string, object>",
                e.getMessage());
    }
}
