package org.photonee.core.auth.custom;

import org.junit.jupiter.api.Test;
import org.photonee.core.config.ConfigReader;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class AuthSettingsTest {
    private static AuthSettings read(Map<String, String> keys) {
        return AuthSettings.from(ConfigReader.of(keys));
    }

    private static String error(Map<String, String> keys) {
        return assertThrows(IllegalArgumentException.class, () -> read(keys)).getMessage();
    }

    @Test
    void nothingSetIsDisabled() {
        AuthSettings s = read(Map.of());
        assertFalse(s.enabled());
        assertTrue(s.providers().isEmpty());
    }

    @Test
    void readsHttpAndOidcProviders() {
        Map<String, String> keys = new HashMap<>();
        keys.put("photon.auth.enabled", "true");
        keys.put("photon.auth.allowAnonymous", "true");
        keys.put("photon.auth.providers", "shop, sso");
        keys.put("photon.auth.shop.type", "0");
        keys.put("photon.auth.shop.url", "http://127.0.0.1:9/auth");
        keys.put("photon.auth.shop.rejectIfUnavailable", "false");
        keys.put("photon.auth.shop.param.apiKey", "k");
        keys.put("photon.auth.shop.maxConcurrentRequests", "7");
        keys.put("photon.auth.sso.type", "9");
        keys.put("photon.auth.sso.issuer", "http://127.0.0.1:18180/realms/photon");
        keys.put("photon.auth.sso.audience", "photon-api");
        keys.put("photon.auth.sso.cookieClaims", "groups,email");
        AuthSettings s = read(keys);
        assertTrue(s.enabled());
        assertTrue(s.allowAnonymous());
        HttpProviderSettings shop = (HttpProviderSettings) s.providers().get(0);
        assertFalse(shop.rejectIfUnavailable());
        assertEquals(Map.of("apiKey", "k"), shop.params());
        assertEquals(7, shop.queue().maxConcurrentRequests());
        OidcProviderSettings sso = (OidcProviderSettings) s.providers().get(9);
        assertEquals("photon-api", sso.audience());
        assertEquals("sub", sso.userIdClaim());
        assertEquals("preferred_username", sso.nicknameClaim());
        assertEquals(List.of("groups", "email"), sso.cookieClaims());
        assertEquals(OidcProviderSettings.DEFAULT_ALGORITHMS, sso.algorithms());
        assertEquals(60, sso.clockSkewSeconds());
    }

    @Test
    void badConfigurationNamesTheKey() {
        assertEquals("photon.auth.a.type is required (the ClientAuthenticationType number, e.g. 0 for Custom)",
                error(Map.of("photon.auth.providers", "a")));
        assertTrue(error(Map.of("photon.auth.providers", "a", "photon.auth.a.type", "0"))
                .startsWith("photon.auth.a.url (an HTTP service) or photon.auth.a.issuer"));
        assertTrue(error(Map.of("photon.auth.providers", "a,b", "photon.auth.a.type", "0", "photon.auth.a.url",
                "http://h/x", "photon.auth.b.type", "0", "photon.auth.b.url", "http://h/y"))
                .startsWith("photon.auth.b.type: type 0 is already served by provider 'a'"));
        assertTrue(error(Map.of("photon.auth.providers", "a", "photon.auth.a.type", "9", "photon.auth.a.issuer",
                "http://h/r", "photon.auth.a.audience", "x", "photon.auth.a.algorithms", "HS256"))
                .startsWith("photon.auth.a.algorithms: 'HS256'"));
        assertTrue(error(Map.of("photon.auth.providers", "a", "photon.auth.a.type", "9", "photon.auth.a.issuer",
                "http://h/r")).startsWith("photon.auth.a.audience is required"));
        assertTrue(error(Map.of("photon.auth.enabled", "yes")).startsWith("photon.auth.enabled must be true or false"));
        assertTrue(error(Map.of("photon.auth.enabled", "true")).contains("no provider is configured"));
        assertTrue(error(Map.of("photon.auth.providers", "a b")).contains("may only contain"));
    }
}
