package org.photonee.core.master;

import org.photonee.core.codes.ServerState;
import org.photonee.core.fiber.Cancellable;
import org.photonee.core.peer.Peer;
import org.photonee.core.s2s.AppStatsUpdate;
import org.photonee.core.s2s.GameServerRegistration;
import org.photonee.core.s2s.ServerLoadUpdate;

/**
 * The master's view of one registered game server. It outlives the server's S2S link for {@code GSContextTTL}, so
 * a server that reconnects quickly keeps its games listed. Touched only on the master fiber.
 */
public final class GameServerContext {
    private final String serverId;
    private GameServerRegistration registration;
    private Peer link;
    private ServerState state;
    private int loadLevel;
    private int peerCount;
    private int gameCount;
    private AppStatsUpdate appStats = new AppStatsUpdate(0, 0);
    private boolean leaving;
    /** Bumped on every (re-)registration; games reported under an older generation are stale after a reconnect. */
    private int generation;
    private final long registrationOrder;
    private Cancellable expiry = Cancellable.NONE;
    /** Master fiber clock of the last UpdateServer; -1 before the first. */
    private long lastReportMillis = -1;

    GameServerContext(GameServerRegistration registration, Peer link, long registrationOrder) {
        this.serverId = registration.serverId();
        this.registrationOrder = registrationOrder;
        reRegister(registration, link);
    }

    void reRegister(GameServerRegistration newRegistration, Peer newLink) {
        this.registration = newRegistration;
        this.link = newLink;
        this.state = newRegistration.state();
        this.loadLevel = newRegistration.loadLevel();
        this.leaving = false;
        this.generation++;
        expiry.cancel();
        expiry = Cancellable.NONE;
    }

    void apply(ServerLoadUpdate update) {
        this.loadLevel = update.loadLevel();
        this.peerCount = update.peerCount();
        this.state = update.state();
        this.gameCount = update.gameCount();
    }

    void reportedAt(long fiberMillis) {
        this.lastReportMillis = fiberMillis;
    }

    /** When the last load report came, on the master fiber's clock; -1 before the first. */
    public long lastReportMillis() {
        return lastReportMillis;
    }

    /** Says goodbye (shutdown) and gets no new games meanwhile. */
    public boolean isLeaving() {
        return leaving;
    }

    void apply(AppStatsUpdate stats) {
        this.appStats = stats;
    }

    void linkLost(Cancellable expiryTimer) {
        this.link = null;
        this.expiry = expiryTimer;
    }

    void markLeaving() {
        this.leaving = true;
    }

    /** Connected, {@link ServerState#NORMAL} and not leaving: may receive new games. */
    public boolean isInRotation() {
        return link != null && state == ServerState.NORMAL && !leaving;
    }

    public boolean isConnected() {
        return link != null;
    }

    public String serverId() {
        return serverId;
    }

    public GameServerRegistration registration() {
        return registration;
    }

    Peer link() {
        return link;
    }

    /** The address a client speaking {@code subprotocol} should open for this server. */
    public String addressFor(String subprotocol) {
        return registration.addressFor(subprotocol);
    }

    /** The address a client on {@code transport} speaking {@code subprotocol} should open for this server. */
    public String addressFor(org.photonee.core.peer.Transport transport, String subprotocol) {
        return registration.addressFor(transport, subprotocol);
    }

    public ServerState state() {
        return state;
    }

    public int loadLevel() {
        return loadLevel;
    }

    public int peerCount() {
        return peerCount;
    }

    public int gameCount() {
        return gameCount;
    }

    public AppStatsUpdate appStats() {
        return appStats;
    }

    public int priority() {
        return registration.loadBalancerPriority();
    }

    public int generation() {
        return generation;
    }

    long registrationOrder() {
        return registrationOrder;
    }

    @Override
    public String toString() {
        return "GameServer[" + serverId + ", " + state + ", level " + loadLevel + (link == null ? ", offline" : "")
                + "]";
    }
}
