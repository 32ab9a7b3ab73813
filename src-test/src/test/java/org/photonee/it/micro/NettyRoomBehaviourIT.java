package org.photonee.it.micro;

import org.photonee.core.peer.Transport;

/** {@link RoomBehaviourIT} over the Netty listener: room behaviour with Java and raw Json clients. */
class NettyRoomBehaviourIT extends RoomBehaviourIT {
    @Override
    protected Transport transport() {
        return Transport.NETTY;
    }
}
