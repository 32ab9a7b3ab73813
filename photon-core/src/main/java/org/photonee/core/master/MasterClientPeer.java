package org.photonee.core.master;

import org.photonee.core.auth.AuthToken;
import org.photonee.core.fiber.Cancellable;
import org.photonee.core.peer.ClientPeer;
import org.photonee.core.peer.InitRequest;
import org.photonee.core.peer.OperationHandler;
import org.photonee.core.peer.PeerEnvironment;

/**
 * A client connected to the master. Its state machine is the handler swap of {@link MasterClientHandlers}; the
 * token is set on the peer's fiber before the swap to "authenticated", and everything after that (lobby, game
 * application, lobby stats subscription) lives on the master fiber.
 */
public final class MasterClientPeer extends ClientPeer {
    private volatile AuthToken token;
    private volatile boolean lobbyStatsSubscriber;
    private final JoinThrottle joinThrottle;
    private Cancellable authTimeout = Cancellable.NONE;

    // master fiber only
    private GameApplication application;
    private AppLobby lobby;

    MasterClientPeer(InitRequest initRequest, PeerEnvironment environment, OperationHandler initialHandler,
                     MasterSettings settings) {
        super(initRequest, environment, initialHandler);
        this.joinThrottle = new JoinThrottle(settings.maxConcurrentJoinRequests(), settings.maxTotalJoinRequests());
    }

    public AuthToken token() {
        return token;
    }

    void setToken(AuthToken token) {
        this.token = token;
    }

    public boolean isAuthenticated() {
        return token != null;
    }

    /** The authenticated user id; null before authentication. */
    public String userId() {
        AuthToken t = token;
        return t == null ? null : t.userId();
    }

    boolean isLobbyStatsSubscriber() {
        return lobbyStatsSubscriber;
    }

    void setLobbyStatsSubscriber(boolean value) {
        this.lobbyStatsSubscriber = value;
    }

    JoinThrottle joinThrottle() {
        return joinThrottle;
    }

    void setAuthTimeout(Cancellable timer) {
        this.authTimeout = timer;
    }

    void cancelAuthTimeout() {
        authTimeout.cancel();
    }

    GameApplication application() {
        return application;
    }

    void setApplication(GameApplication application) {
        this.application = application;
    }

    AppLobby lobby() {
        return lobby;
    }

    void setLobby(AppLobby lobby) {
        this.lobby = lobby;
    }
}
