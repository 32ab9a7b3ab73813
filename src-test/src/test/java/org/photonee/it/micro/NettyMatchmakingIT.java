package org.photonee.it.micro;

import org.photonee.core.peer.Transport;

/** {@link MatchmakingIT} over the Netty listener: matchmaking with the Java client. */
class NettyMatchmakingIT extends MatchmakingIT {
    @Override
    protected Transport transport() {
        return Transport.NETTY;
    }
}
