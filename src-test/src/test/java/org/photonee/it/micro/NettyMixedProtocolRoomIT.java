package org.photonee.it.micro;

import org.photonee.core.peer.Transport;

/** {@link MixedProtocolRoomIT} over the Netty listener: V18 negotiated there too, and the same mixed room. */
class NettyMixedProtocolRoomIT extends MixedProtocolRoomIT {
    @Override
    protected Transport transport() {
        return Transport.NETTY;
    }
}
