package org.photonee.core.auth.custom;

import org.junit.jupiter.api.Test;

import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class AuthServiceAnswerTest {
    @Test
    void readsEveryField() throws Exception {
        AuthServiceAnswer a = AuthServiceAnswer.parse("\uFEFF{\"ResultCode\":1,\"UserId\":\"u1\",\"Nickname\":\"Neo\","
                + "\"Data\":{\"gold\":5},\"AuthCookie\":{\"tier\":\"vip\"},\"ExpireAt\":1900000000,\"Message\":\"hi\"}");
        assertEquals(1, a.resultCode());
        assertEquals("u1", a.userId());
        assertEquals("Neo", a.nickname());
        assertEquals(Map.of("gold", 5L), a.data());
        assertEquals(Map.of("tier", "vip"), a.authCookie());
        assertEquals(1_900_000_000L, a.expireAtSeconds());
        assertEquals("hi", a.message());
    }

    @Test
    void legacySecureIsTheCookieAndAFloatCodeIsRounded() throws Exception {
        AuthServiceAnswer a = AuthServiceAnswer.parse("{\"ResultCode\":0.9,\"Secure\":{\"k\":1}}");
        assertEquals(1, a.resultCode());
        assertEquals(Map.of("k", 1L), a.authCookie());
        assertNull(AuthServiceAnswer.parse("{\"ResultCode\":2}").authCookie());
    }

    @Test
    void unusableAnswersSayWhy() {
        assertEquals("Custom authentication got empty response string.",
                assertThrows(AuthServiceAnswer.Unusable.class, () -> AuthServiceAnswer.parse(" \n")).getMessage());
        assertTrue(assertThrows(AuthServiceAnswer.Unusable.class, () -> AuthServiceAnswer.parse("<html>"))
                .getMessage().startsWith("Custom authentication deserialization failed"));
        assertTrue(assertThrows(AuthServiceAnswer.Unusable.class, () -> AuthServiceAnswer.parse("{\"Message\":1}"))
                .getMessage().contains("ResultCode is missing"));
        assertTrue(assertThrows(AuthServiceAnswer.Unusable.class, () -> AuthServiceAnswer.parse("[1]"))
                .getMessage().contains("not a JSON object"));
        assertTrue(assertThrows(AuthServiceAnswer.Unusable.class,
                () -> AuthServiceAnswer.parse("{\"ResultCode\":1,\"Data\":[1]}")).getMessage().contains("Data"));
        assertThrows(AuthServiceAnswer.Unusable.class,
                () -> AuthServiceAnswer.parse("{\"ResultCode\":1,\"x\":" + "[".repeat(50) + "]".repeat(50) + "}"));
    }
}
