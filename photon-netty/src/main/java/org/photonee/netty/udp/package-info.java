/**
 * The reliable UDP listener (Photon's "eNet" transport): one datagram channel per role on the Netty event loops,
 * each datagram parsed by photon-core's {@code org.photonee.core.enet} and driven through one
 * {@code EnetSession} per client. Everything here is I/O and bookkeeping (which address has which session, limits,
 * timers); the protocol itself lives in the core.
 */
package org.photonee.netty.udp;
