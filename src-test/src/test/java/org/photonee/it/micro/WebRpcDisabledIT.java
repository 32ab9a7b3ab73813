package org.photonee.it.micro;

import org.junit.jupiter.api.Test;
import org.photonee.core.protocol.OperationResponse;
import org.photonee.it.support.HealthAssertions;
import org.photonee.it.support.JsonPlayer;
import org.photonee.it.support.MessageClient;
import org.photonee.it.support.ServerProbe;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** Without {@code photon.webrpc.baseUrl}, Rpc (219) is refused clearly on master and game server. */
class WebRpcDisabledIT extends MicroWarTest {

    @Test
    void rpcIsRefusedWithWebRpcIsNotEnabled() throws Exception {
        ServerProbe server = new ServerProbe(base);
        HealthAssertions.awaitReady(server);
        try (MessageClient master = JsonPlayer.master(server, "1.0", "no-rpc")) {
            OperationResponse r = master.call(219, 209, "anything");
            assertEquals(-2, r.returnCode());
            assertEquals("WebRPC is not enabled", r.debugMessage());
        }
        try (MessageClient game = JsonPlayer.enter(server, "1.0", "no-rpc-2", 227, "no-rpc-room", "")) {
            OperationResponse r = game.call(219, 209, "anything");
            assertEquals(-2, r.returnCode());
            assertEquals("WebRPC is not enabled", r.debugMessage());
        }
    }
}
