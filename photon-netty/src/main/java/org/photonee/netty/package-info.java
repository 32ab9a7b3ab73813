/**
 * The Netty WebSocket transport: a listener inside the application, beside the container's endpoints, with the
 * same contract (paths, subprotocols, limits, close codes). {@link org.photonee.netty.PhotonChannelInitializer}
 * assembles the protocol stack in one place; {@link org.photonee.netty.NettyConnection} is the peers'
 * {@code Connection}: frames encoded once and shared by every recipient, one flush per batch of work, slow readers
 * found by the channel's writability. Container-free: the web module starts it on managed threads.
 */
package org.photonee.netty;
