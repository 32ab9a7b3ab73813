package org.photonee.ejb.persistence;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Decides which game server snapshots are worth a row write. A snapshot that differs from the row as last written
 * (addresses, state, link, load, counts) is written at once; an unchanged one only when the row's
 * {@code lastReportAt} is {@link #heartbeatMillis} old, as a heartbeat. Without this the master wrote every server
 * row once a second for ever, one JPA transaction and H2 commit per second, whose framework code kept the JIT
 * compiling and cost an idle node about a quarter of its background CPU.
 *
 * <p>{@link #needsWrite} runs on the master fiber, {@link #written} and {@link #removed} on the flush task: the
 * map is concurrent, and a decision made against a slightly old entry only costs one redundant write.
 */
final class ServerRowRefresh {
    private final long heartbeatMillis;
    private final Map<String, MasterChange.ServerSnapshot> lastWritten = new ConcurrentHashMap<>();

    /** @param heartbeatMillis how old an unchanged row's {@code lastReportAt} may grow before it is rewritten */
    ServerRowRefresh(long heartbeatMillis) {
        if (heartbeatMillis <= 0) {
            throw new IllegalArgumentException("heartbeatMillis must be positive, got " + heartbeatMillis);
        }
        this.heartbeatMillis = heartbeatMillis;
    }

    long heartbeatMillis() {
        return heartbeatMillis;
    }

    /** True when the snapshot says something the row does not, or the row's heartbeat is due. */
    boolean needsWrite(MasterChange.ServerSnapshot now) {
        MasterChange.ServerSnapshot last = lastWritten.get(now.serverId());
        return last == null || !sameContent(last, now) || now.atMillis() - last.atMillis() >= heartbeatMillis;
    }

    /** The snapshot is in the table now. */
    void written(MasterChange.ServerSnapshot s) {
        lastWritten.put(s.serverId(), s);
    }

    /** The server's row is gone; its next snapshot is written whatever it says. */
    void removed(String serverId) {
        lastWritten.remove(serverId);
    }

    private static boolean sameContent(MasterChange.ServerSnapshot a, MasterChange.ServerSnapshot b) {
        return a.addresses().equals(b.addresses()) && a.state().equals(b.state()) && a.connected() == b.connected()
                && a.loadLevel() == b.loadLevel() && a.peerCount() == b.peerCount() && a.gameCount() == b.gameCount();
    }
}
