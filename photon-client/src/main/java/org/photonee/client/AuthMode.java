package org.photonee.client;

/**
 * How a {@link LoadBalancingClient} authenticates (Photon Realtime's {@code AuthModeOption}, AUTH.md §1.5).
 */
public enum AuthMode {
    /** Authenticate (230) on every server; master and game server get the token in the operation. */
    Auth,
    /**
     * AuthOnce (231) on the name server after the Diffie-Hellman exchange (the server refuses it on a plain
     * channel); over UDP, master and game server then get the token in the init and encryption uses the name
     * server's secret, with no Authenticate and no key exchange there. Over WebSocket the token goes in
     * Authenticate as with {@link #Auth} (a token in the WebSocket init is not specified).
     */
    AuthOnce,
    /** As {@link #AuthOnce}, without the key exchange: the name server connection itself must be wss. */
    AuthOnceWss
}
