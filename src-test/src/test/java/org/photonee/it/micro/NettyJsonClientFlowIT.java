package org.photonee.it.micro;

import org.photonee.core.peer.Transport;

/** {@link JsonClientFlowIT} over the Netty listener: the JavaScript SDK's frames and a binary client in one room; the handed-out master and game server addresses name the Netty port. */
class NettyJsonClientFlowIT extends JsonClientFlowIT {
    @Override
    protected Transport transport() {
        return Transport.NETTY;
    }
}
