package org.photonee.core.master;

import java.util.random.RandomGenerator;
import org.photonee.core.auth.ClientAuthentication;
import org.photonee.core.auth.ClientAuthenticator;
import org.photonee.core.auth.TokenIssuer;
import org.photonee.core.peer.ApplicationBase;
import org.photonee.core.peer.InitRequest;
import org.photonee.core.peer.PeerBase;
import org.photonee.core.peer.PeerEnvironment;
import org.photonee.core.webrpc.WebRpc;

/**
 * The master role: clients connect on the "master" endpoint, game servers on "s2s". Composed from plain parts
 * (fibers in the environment, a token issuer, an authenticator for direct connects, settings) so the container
 * only supplies executors and configuration.
 */
public final class MasterApplication extends ApplicationBase {
    /** Endpoint name of game server links (see {@link InitRequest#endpoint()}). */
    public static final String S2S_ENDPOINT = "s2s";

    private final MasterSettings settings;
    private final LoadBalancerSettings loadBalancerSettings;
    private final TokenIssuer tokens;
    private final ClientAuthenticator authenticator;
    private final RandomGenerator random;
    private final boolean requireS2SCredential;
    private volatile MasterObserver observer = MasterObserver.NONE;
    private volatile WebRpc webRpc = WebRpc.disabled();
    private volatile MasterServer master;
    private volatile MasterClientHandlers handlers;

    /**
     * @param environment          fibers, peer limits, exception mapping
     * @param settings             master settings
     * @param loadBalancerSettings load balancer weights and thresholds
     * @param tokens               issues and checks tokens (same key as name server and game servers)
     * @param authenticator        authenticates clients that connect without a token
     * @param random               randomness of the load balancer and RandomMatching
     * @param requireS2SCredential refuse game servers without a valid {@code S2SCredentials} token; switch off
     *                             only for tests
     */
    public MasterApplication(PeerEnvironment environment, MasterSettings settings,
                             LoadBalancerSettings loadBalancerSettings, TokenIssuer tokens,
                             ClientAuthenticator authenticator, RandomGenerator random, boolean requireS2SCredential) {
        super("master", environment);
        this.settings = settings;
        this.loadBalancerSettings = loadBalancerSettings;
        this.tokens = tokens;
        this.authenticator = authenticator;
        this.random = random;
        this.requireS2SCredential = requireS2SCredential;
    }

    @Override
    protected void setup() {
        MasterServer server = new MasterServer(applicationFiber(), settings,
                new LoadBalancer(loadBalancerSettings, random));
        server.setObserver(observer);
        handlers = new MasterClientHandlers(server, new MasterOperations(server, tokens, random),
                new ClientAuthentication(tokens, authenticator, false), tokens, webRpc);
        master = server;
        server.start();
    }

    /** Where Rpc (219) calls go; call before {@link #start()} (disabled by default). */
    public void setWebRpc(WebRpc rpc) {
        this.webRpc = rpc == null ? WebRpc.disabled() : rpc;
    }

    @Override
    protected void tearDown() {
        master.stop();
    }

    @Override
    protected PeerBase createPeer(InitRequest initRequest) {
        if (S2S_ENDPOINT.equals(initRequest.endpoint())) {
            return new GameServerPeer(initRequest, environment(), master, tokens, requireS2SCredential);
        }
        MasterClientPeer peer = new MasterClientPeer(initRequest, environment(), handlers.initial(), settings);
        peer.setAuthTimeout(peer.requestFiber().schedule(() -> {
            if (!peer.isAuthenticated()) {
                peer.disconnect();
            }
        }, settings.disconnectIfNoAuthMillis()));
        if (initRequest.initToken() != null) {
            peer.requestFiber().enqueue(() -> handlers.authenticateAtConnect(peer));
        }
        return peer;
    }

    /** Who hears about state changes (persistence, monitoring); set before {@link #start()}. */
    public void setObserver(MasterObserver observer) {
        this.observer = observer == null ? MasterObserver.NONE : observer;
    }

    /** The master's state, for monitoring and tests; touch it only on {@link MasterServer#fiber()}. */
    public MasterServer master() {
        return master;
    }
}
