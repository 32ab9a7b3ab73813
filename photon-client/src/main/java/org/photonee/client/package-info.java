/**
 * The Java client SDK: {@link org.photonee.client.LoadBalancingClient} (name server → master → game server, lobbies,
 * matchmaking, events, properties, rejoin) over {@link org.photonee.client.PhotonConnection} (one Protocol16
 * WebSocket connection with request/response correlation and pings). Depends only on {@code photon-core} and the
 * JDK.
 */
package org.photonee.client;
