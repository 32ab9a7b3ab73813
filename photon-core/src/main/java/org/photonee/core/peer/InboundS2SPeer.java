package org.photonee.core.peer;

/** The accepting side of a server-to-server connection (the master's end of a game server's link). */
public abstract class InboundS2SPeer extends S2SPeerBase {
    protected InboundS2SPeer(InitRequest initRequest, PeerEnvironment environment) {
        super(initRequest, environment);
    }
}
