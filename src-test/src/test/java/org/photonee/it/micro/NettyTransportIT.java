package org.photonee.it.micro;

import org.photonee.core.peer.Transport;

/** {@link TransportIT} over the Netty listener: the transport contract (URL forms, negotiation, refusal, limits, close codes). */
class NettyTransportIT extends TransportIT {
    @Override
    protected Transport transport() {
        return Transport.NETTY;
    }
}
