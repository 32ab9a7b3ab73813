package org.photonee.it.cluster;

import org.photonee.core.peer.Transport;
import org.photonee.it.support.OverTransport;

/**
 * {@link ClusterStoryIT} over the Netty listeners: the clients enter through the master's Netty port, are handed
 * the game servers' Netty addresses, and the game servers link to the master's Netty {@code /s2s}.
 */
@OverTransport(Transport.NETTY)
class NettyClusterStoryIT extends ClusterStoryIT {
}
