/**
 * Photon's reliable UDP transport ("eNet", NATIVE-PROTOCOLS.md §1) as pure protocol code, no I/O: the datagram and
 * command layouts ({@link org.photonee.core.enet.DatagramCodec}), the binary init message
 * ({@link org.photonee.core.enet.InitMessage}) and one peer's session state machine
 * ({@link org.photonee.core.enet.EnetSession}: handshake, per-channel sequencing, acks, round trip, resends,
 * fragmentation). Time and randomness are passed in, so tests are deterministic; the Netty listener and the Java
 * client drive sessions with real sockets and clocks.
 */
package org.photonee.core.enet;
