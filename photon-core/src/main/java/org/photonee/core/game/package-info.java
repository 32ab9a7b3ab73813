/**
 * The game server application: accepts client peers, authenticates them with the master's token, and routes
 * their room operations onto room fibers. A peer's state is its operation handler: {@code AuthenticationHandler}
 * → {@code AuthenticatedHandler} → {@code PendingJoinHandler} → {@code InRoomHandler}, and back to
 * {@code AuthenticatedHandler} after Leave. The container modules construct a {@link
 * org.photonee.core.game.GameServerApplication} and feed it connections.
 */
package org.photonee.core.game;
