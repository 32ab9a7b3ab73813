/**
 * The master role (LOADBALANCING.md §2): game server registry and load balancer, per-application lobbies and game
 * lists, matchmaking (create, join, join-random in all modes, SQL lobbies), FindFriends, lobby and app statistics.
 *
 * <p>Entry point: {@link org.photonee.core.master.MasterApplication}, which accepts clients on the "master"
 * endpoint ({@link org.photonee.core.master.MasterClientPeer}, a three-state handler swap) and game servers on
 * "s2s" ({@link org.photonee.core.master.GameServerPeer}). All master state lives in
 * {@link org.photonee.core.master.MasterServer} and is touched only on its fiber; peers hand work to it and it
 * answers them directly.
 */
package org.photonee.core.master;
