package org.photonee.it.micro;

import org.photonee.core.peer.Transport;

/** {@link PersistenceIT} over the Netty listener: what the master and game server write to the database. */
class NettyPersistenceIT extends PersistenceIT {
    @Override
    protected Transport transport() {
        return Transport.NETTY;
    }
}
