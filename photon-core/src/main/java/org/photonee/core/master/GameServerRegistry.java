package org.photonee.core.master;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.photonee.core.peer.Peer;
import org.photonee.core.s2s.GameServerRegistration;

/** The registered game servers by id. Touched only on the master fiber. */
public final class GameServerRegistry {
    private final Map<String, GameServerContext> servers = new LinkedHashMap<>();
    private long nextOrder;

    /**
     * Registers a server or, for a known id, takes over its context (a reconnect). Returns the previous link when
     * one was still attached, so the caller can close it: one server id has one live link.
     */
    public Registered register(GameServerRegistration registration, Peer link) {
        GameServerContext existing = servers.get(registration.serverId());
        if (existing == null) {
            GameServerContext created = new GameServerContext(registration, link, nextOrder++);
            servers.put(registration.serverId(), created);
            return new Registered(created, null, false);
        }
        Peer previous = existing.link();
        existing.reRegister(registration, link);
        return new Registered(existing, previous == link ? null : previous, true);
    }

    /**
     * @param context     the server's context
     * @param replacedLink a link of the same server id still attached before this registration, or null
     * @param reconnected true when the context existed before (its games may need re-reporting)
     */
    public record Registered(GameServerContext context, Peer replacedLink, boolean reconnected) {
    }

    public GameServerContext get(String serverId) {
        return servers.get(serverId);
    }

    void remove(GameServerContext context) {
        servers.remove(context.serverId(), context);
    }

    public Collection<GameServerContext> all() {
        return Collections.unmodifiableCollection(servers.values());
    }

    /** Servers that may receive new games. */
    public List<GameServerContext> inRotation() {
        List<GameServerContext> out = new ArrayList<>();
        for (GameServerContext c : servers.values()) {
            if (c.isInRotation()) {
                out.add(c);
            }
        }
        return out;
    }

    public int size() {
        return servers.size();
    }
}
