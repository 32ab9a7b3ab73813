package org.photonee.web.dashboard;

import jakarta.annotation.PreDestroy;
import jakarta.annotation.Resource;
import jakarta.ejb.EJB;
import jakarta.enterprise.concurrent.ManagedScheduledExecutorService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.json.JsonObject;
import jakarta.ws.rs.sse.Sse;
import jakarta.ws.rs.sse.SseEventSink;
import java.lang.management.ManagementFactory;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.photonee.core.config.NodeSettings;
import org.photonee.core.master.ClusterSnapshot;
import org.photonee.core.node.PhotonRoles;
import org.photonee.core.ops.OperatorView;
import org.photonee.core.peer.ApplicationBase;
import org.photonee.ejb.PhotonNode;

/**
 * Builds the dashboard's documents and pushes them as server-sent events: an {@code overview} every
 * {@link #PUSH_MILLIS}, and the {@code history} whenever a new sample was taken. One timer for all subscribers
 * (it runs only while someone listens), at most {@link #MAX_SUBSCRIBERS} of them, so an open dashboard costs one
 * snapshot per period however many tabs show it.
 */
@ApplicationScoped
public class DashboardFeed {
    private static final Logger LOG = Logger.getLogger(DashboardFeed.class.getName());
    public static final long PUSH_MILLIS = 2000;
    public static final int MAX_SUBSCRIBERS = 16;
    /** How long a snapshot may take on the master's or a room's fiber before the request gives up. */
    public static final long SNAPSHOT_WAIT_MILLIS = 2000;

    @EJB
    private PhotonNode node;

    @Resource
    private ManagedScheduledExecutorService scheduler;

    private final List<SseEventSink> sinks = new CopyOnWriteArrayList<>();
    private volatile Sse sse;
    private ScheduledFuture<?> pushing;
    private long lastHistorySample = -1;

    /** The view of a started node, or null before it started. */
    public OperatorView view() {
        PhotonRoles roles = node.roles();
        return roles == null ? null : roles.operations();
    }

    /** The started node's roles, or null. */
    public PhotonRoles roles() {
        return node.roles();
    }

    public JsonObject overview() throws Exception {
        OperatorView view = view();
        PhotonRoles roles = node.roles();
        NodeSettings s = node.settings();
        ClusterSnapshot cluster = view.cluster().get(SNAPSHOT_WAIT_MILLIS, TimeUnit.MILLISECONDS);
        DashboardJson.NodeInfo info = new DashboardJson.NodeInfo(s.nodeId(), s.rolesKey(), PhotonNode.version(),
                String.valueOf(s.publicUrl()), ManagementFactory.getRuntimeMXBean().getUptime(), localPeers(),
                roles.serverState());
        return DashboardJson.overview(info, view.traffic(), cluster, System.currentTimeMillis());
    }

    public JsonObject history() {
        return DashboardJson.history(view().history());
    }

    private int localPeers() {
        Map<ApplicationBase, Boolean> distinct = new IdentityHashMap<>();
        for (String endpoint : List.of("ns", "master", "game")) {
            ApplicationBase app = node.applicationFor(endpoint);
            if (app != null) {
                distinct.put(app, true);
            }
        }
        return distinct.keySet().stream().mapToInt(ApplicationBase::peerCount).sum();
    }

    /** Adds a subscriber and sends it the current documents; false when there are already too many. */
    public synchronized boolean subscribe(SseEventSink sink, Sse sse) {
        sinks.removeIf(SseEventSink::isClosed);
        if (sinks.size() >= MAX_SUBSCRIBERS) {
            return false;
        }
        this.sse = sse;
        sinks.add(sink);
        try {
            send(sink, "overview", overview().toString());
            send(sink, "history", history().toString());
            var latest = view().history().latest();
            if (sinks.size() == 1 && latest != null) {
                // The only subscriber has this sample now; others would have had it pushed already.
                lastHistorySample = latest.atMillis();
            }
        } catch (Exception e) {
            LOG.log(Level.FINE, "dashboard: first documents for a subscriber failed", e);
        }
        if (pushing == null) {
            pushing = scheduler.scheduleWithFixedDelay(this::push, PUSH_MILLIS, PUSH_MILLIS, TimeUnit.MILLISECONDS);
        }
        return true;
    }

    private synchronized void push() {
        sinks.removeIf(SseEventSink::isClosed);
        if (sinks.isEmpty() || view() == null) {
            stopPushing();
            return;
        }
        try {
            String overview = overview().toString();
            var latest = view().history().latest();
            String history = null;
            if (latest != null && latest.atMillis() != lastHistorySample) {
                lastHistorySample = latest.atMillis();
                history = history().toString();
            }
            for (SseEventSink sink : sinks) {
                send(sink, "overview", overview);
                if (history != null) {
                    send(sink, "history", history);
                }
            }
        } catch (Exception e) {
            // A slow snapshot skips one update; the next period tries again.
            LOG.log(Level.FINE, "dashboard: update skipped", e);
        }
    }

    private void send(SseEventSink sink, String name, String data) {
        sink.send(sse.newEventBuilder().name(name).data(data).build())
                .whenComplete((ok, failure) -> {
                    if (failure != null) {
                        // The browser went away: forget it.
                        sinks.remove(sink);
                        closeQuietly(sink);
                    }
                });
    }

    private void stopPushing() {
        if (pushing != null) {
            pushing.cancel(false);
            pushing = null;
        }
    }

    @PreDestroy
    synchronized void stop() {
        stopPushing();
        sinks.forEach(DashboardFeed::closeQuietly);
        sinks.clear();
    }

    private static void closeQuietly(SseEventSink sink) {
        try {
            sink.close();
        } catch (RuntimeException e) {
            LOG.log(Level.FINEST, "closing an event sink", e);
        }
    }
}
