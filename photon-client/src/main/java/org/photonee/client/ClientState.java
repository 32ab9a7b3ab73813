package org.photonee.client;

/**
 * Where a {@link LoadBalancingClient} is on its way through name server, master and game server. The names follow
 * the states Photon users know, so logs and callbacks read familiar.
 */
public enum ClientState {
    /** Created, never connected. */
    PeerCreated,
    ConnectingToNameServer,
    ConnectedToNameServer,
    /** An Authenticate is in flight (name server, master or game server). */
    Authenticating,
    ConnectingToMasterServer,
    /** Authenticated on the master, not in a lobby. Matchmaking is possible here. */
    ConnectedToMasterServer,
    JoiningLobby,
    /** In a lobby: room list events arrive. Matchmaking is possible here too. */
    JoinedLobby,
    ConnectingToGameServer,
    /** Authenticated on the game server, create/join in flight. */
    Joining,
    /** In a room: events, properties and room operations are available. */
    Joined,
    /** Leave sent; the client returns to the master afterwards. */
    Leaving,
    Disconnecting,
    /** No connection. Reconnect with {@link LoadBalancingClient#reconnectToMaster()} or
     *  {@link LoadBalancingClient#reconnectAndRejoin()}, or start over. */
    Disconnected;

    /** True in the states where master-server operations (lobby, matchmaking, friends) are allowed. */
    public boolean isOnMaster() {
        return this == ConnectedToMasterServer || this == JoinedLobby;
    }
}
