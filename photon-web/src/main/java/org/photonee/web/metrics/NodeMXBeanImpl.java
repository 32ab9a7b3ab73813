package org.photonee.web.metrics;

import org.photonee.core.codes.DisconnectReason;
import org.photonee.core.node.PhotonRoles;
import org.photonee.core.peer.ApplicationBase;
import org.photonee.core.stats.NodeStats;

/** Reads the same counters as the Prometheus meters. */
final class NodeMXBeanImpl implements NodeMXBean {
    private final PhotonRoles roles;
    private final NodeStats stats;

    NodeMXBeanImpl(PhotonRoles roles, NodeStats stats) {
        this.roles = roles;
        this.stats = stats;
    }

    private int peers(String role) {
        ApplicationBase app = roles.forEndpoint(role);
        return app == null ? 0 : app.peerCount();
    }

    @Override
    public int getPeersNameServer() {
        return peers("ns");
    }

    @Override
    public int getPeersMaster() {
        return peers("master");
    }

    @Override
    public int getPeersGameServer() {
        return peers("game");
    }

    @Override
    public int getRooms() {
        return roles.roomCount();
    }

    @Override
    public int getLoadLevel() {
        return roles.loadLevel();
    }

    @Override
    public String getServerState() {
        return roles.serverState() == null ? "" : roles.serverState().name();
    }

    @Override
    public long getOperationsIn() {
        return stats.operationsIn();
    }

    @Override
    public long getResponsesOut() {
        return stats.responsesOut();
    }

    @Override
    public long getEventsOut() {
        return stats.eventsOut();
    }

    @Override
    public long getBytesIn() {
        return stats.bytesIn();
    }

    @Override
    public long getBytesOut() {
        return stats.bytesOut();
    }

    @Override
    public long getConnects() {
        return stats.connects();
    }

    @Override
    public long getDisconnects() {
        long total = 0;
        for (DisconnectReason r : DisconnectReason.values()) {
            total += stats.disconnects(r);
        }
        return total;
    }
}
