package org.photonee.netty;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

class RoleRequestTest {
    @Test
    void plainRolePath() {
        RoleRequest r = RoleRequest.parse("/photon/ns", "/photon");
        assertEquals("ns", r.role());
        assertNull(r.applicationId());
        assertNull(r.clientVersion());
    }

    @Test
    void binaryClientQueryForm() {
        RoleRequest r = RoleRequest.parse("/photon/master/?libversion=4.1.6.0&sid=30&app=my-app", "/photon");
        assertEquals("master", r.role());
        assertEquals("my-app", r.applicationId());
        assertEquals("4.1.6.0", r.clientVersion());
        assertEquals("30", r.query().get("sid"));
    }

    @Test
    void javaScriptSdkPathForm() {
        RoleRequest r = RoleRequest.parse("/photon/game/app-id-1?libversion=4.4.0&app=ignored", "/photon");
        assertEquals("game", r.role());
        assertEquals("app-id-1", r.applicationId());
        assertEquals("4.4.0", r.clientVersion());
    }

    @Test
    void s2sIsARole() {
        assertEquals("s2s", RoleRequest.parse("/photon/s2s", "/photon").role());
    }

    @Test
    void otherPathsAreNoEndpoint() {
        assertNull(RoleRequest.parse("/photon/lobby", "/photon"));
        assertNull(RoleRequest.parse("/photon", "/photon"));
        assertNull(RoleRequest.parse("/ns", "/photon"));
        assertNull(RoleRequest.parse("/photon/ns/app/extra", "/photon"));
        assertNull(RoleRequest.parse("/photonx/ns", "/photon"));
    }

    @Test
    void parametersAreCapped() {
        StringBuilder uri = new StringBuilder("/photon/ns?");
        for (int i = 0; i < 1000; i++) {
            uri.append("p").append(i).append("=v&");
        }
        RoleRequest r = RoleRequest.parse(uri.toString(), "/photon");
        assertEquals(RoleRequest.MAX_PARAMETERS, r.query().size());
    }
}
