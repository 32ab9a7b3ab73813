package org.photonee.web.socket;

import org.photonee.core.codec.WireProtocols;

/** Which WebSocket subprotocols the endpoints speak (the Netty listener asks the same registry). */
final class SubprotocolPolicy {
    static final WireProtocols PROTOCOLS = WireProtocols.defaults();

    private SubprotocolPolicy() {
    }

    static String refusal() {
        return PROTOCOLS.refusal();
    }
}
