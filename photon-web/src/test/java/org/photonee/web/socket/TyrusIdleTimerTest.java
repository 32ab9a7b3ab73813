package org.photonee.web.socket;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import jakarta.websocket.Session;
import java.lang.reflect.Proxy;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class TyrusIdleTimerTest {
    @Test
    void aSessionThatIsNotTyrusIsLeftAloneSoTheCallerKeepsItsOwnTimeout() {
        List<String> calls = new ArrayList<>();
        Session session = (Session) Proxy.newProxyInstance(getClass().getClassLoader(), new Class<?>[] {Session.class},
                (proxy, method, args) -> {
                    calls.add(method.getName());
                    return null;
                });
        assertFalse(TyrusIdleTimer.detach(session));
        assertEquals(List.of(), calls, "no timeout set, nothing touched");
    }
}
