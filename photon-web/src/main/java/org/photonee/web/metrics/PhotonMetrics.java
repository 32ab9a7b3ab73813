package org.photonee.web.metrics;

import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MultiGauge;
import io.micrometer.core.instrument.Tags;
import io.micrometer.core.instrument.Timer;
import io.micrometer.core.instrument.binder.jvm.JvmMemoryMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmThreadMetrics;
import io.micrometer.core.instrument.binder.system.ProcessorMetrics;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import jakarta.annotation.PreDestroy;
import jakarta.ejb.EJB;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;
import org.photonee.core.auth.custom.AuthProvider;
import org.photonee.core.codes.DisconnectReason;
import org.photonee.core.http.HttpQueue;
import org.photonee.core.node.PhotonRoles;
import org.photonee.core.peer.ApplicationBase;
import org.photonee.core.stats.NodeStats;
import org.photonee.ejb.PhotonNode;

import java.lang.management.ManagementFactory;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.function.ToDoubleFunction;
import java.util.logging.Level;
import java.util.logging.Logger;
import javax.management.ObjectName;

/**
 * The node's meters, named after Photon's counters where they exist (LOADBALANCING.md §4): peers per role,
 * connects and disconnects by cause, operations, responses, events, messages and bytes in and out, rooms, games per
 * lobby, the join latency histogram, load level and server state, and the results of custom authentication and of
 * every HTTP queue. Everything is read from the core's counters when scraped, so nothing is added to the hot path.
 */
@ApplicationScoped
public class PhotonMetrics {
    private static final Logger LOG = Logger.getLogger(PhotonMetrics.class.getName());
    private static final String[] ROLES = {"ns", "master", "game"};

    @EJB
    private PhotonNode node;

    private PrometheusMeterRegistry registry;
    private MultiGauge lobbyGames;
    /** The HTTP queues whose meters are registered (identity: one queue per target). */
    private final java.util.Set<HttpQueue> boundHttpQueues = java.util.Collections.newSetFromMap(
            new java.util.concurrent.ConcurrentHashMap<>());
    private ObjectName mbeanName;

    void start(@Observes @Initialized(ApplicationScoped.class) Object ignored) {
        registry();
    }

    /** The registry, made on first use (the node starts before the web module). */
    synchronized PrometheusMeterRegistry registry() {
        if (registry == null && node.roles() != null) {
            registry = build(node.roles(), node.stats());
            registerMBean();
        }
        return registry;
    }

    /** Prometheus text exposition of every meter. */
    public String scrape() {
        PrometheusMeterRegistry r = registry();
        if (r == null) {
            return "";
        }
        refreshLobbyGames();
        return r.scrape();
    }

    private PrometheusMeterRegistry build(PhotonRoles roles, NodeStats stats) {
        PrometheusMeterRegistry r = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
        r.config().commonTags("node", node.settings().nodeId());
        for (String role : ROLES) {
            ApplicationBase app = roles.forEndpoint(role);
            if (app != null) {
                Gauge.builder("photon.peers", app, ApplicationBase::peerCount).tag("role", role)
                        .description("connected peers").register(r);
            }
        }
        for (org.photonee.core.peer.Transport transport : org.photonee.core.peer.Transport.values()) {
            Gauge.builder("photon.transport.peers", roles, x -> peersOn(x, transport)).tag("transport", transport.key())
                    .description("connected peers of every role, by the listener they came in through").register(r);
        }
        counter(r, "photon.peer.connects", stats, NodeStats::connects, "peers that connected");
        for (DisconnectReason reason : DisconnectReason.values()) {
            FunctionCounter.builder("photon.peer.disconnects", stats, s -> s.disconnects(reason))
                    .tag("cause", reason.name().toLowerCase(Locale.ROOT)).description("peers that disconnected")
                    .register(r);
        }
        counter(r, "photon.operations.in", stats, NodeStats::operationsIn, "operation requests received");
        counter(r, "photon.responses.out", stats, NodeStats::responsesOut, "operation responses sent");
        counter(r, "photon.events.out", stats, NodeStats::eventsOut, "events sent (one per recipient)");
        counter(r, "photon.messages.out", stats, NodeStats::messagesOut, "messages sent");
        counter(r, "photon.bytes.in", stats, NodeStats::bytesIn, "bytes received in messages");
        counter(r, "photon.bytes.out", stats, NodeStats::bytesOut, "bytes sent in messages");
        Timer join = Timer.builder("photon.join").description("game server: join request to joined")
                .publishPercentileHistogram().minimumExpectedValue(Duration.ofMillis(1))
                .maximumExpectedValue(Duration.ofSeconds(10)).register(r);
        stats.setJoinLatencySink(nanos -> join.record(nanos, TimeUnit.NANOSECONDS));
        if (roles.forEndpoint("game") != null) {
            Gauge.builder("photon.rooms", roles, PhotonRoles::roomCount).description("live rooms").register(r);
            Gauge.builder("photon.load.level", roles, PhotonRoles::loadLevel)
                    .description("game server load level, 0 (idle) to 10 (full)").register(r);
            Gauge.builder("photon.server.state", roles, x -> x.serverState() == null ? -1 : x.serverState().ordinal())
                    .description("0 Normal, 1 OutOfRotation, 2 Offline").register(r);
        }
        if (roles.masterServer() != null) {
            lobbyGames = MultiGauge.builder("photon.games").description("games listed per lobby").register(r);
        }
        for (AuthProvider p : roles.authenticator().providers()) {
            for (String result : List.of("accepted", "denied", "data", "errors")) {
                FunctionCounter.builder("photon.auth.results", p, authResult(result)).tag("provider", p.name())
                        .tag("result", result).description("custom authentication results").register(r);
            }
        }
        new JvmMemoryMetrics().bindTo(r);
        new JvmThreadMetrics().bindTo(r);
        new ProcessorMetrics().bindTo(r);
        bindHttpQueues(r, roles);
        return r;
    }

    /**
     * HTTP queues are made on first use (a provider, webhooks): at each scrape, bind the ones that appeared since the
     * last (a queue lives as long as the node, so one bound stays bound).
     */
    private void bindHttpQueues(PrometheusMeterRegistry r, PhotonRoles roles) {
        for (HttpQueue q : roles.http().all()) {
            if (!boundHttpQueues.add(q)) {
                continue;
            }
            Tags tags = Tags.of("target", q.name());
            FunctionCounter.builder("photon.http.requests", q, x -> x.counters().snapshot().requests()).tags(tags)
                    .description("requests submitted").register(r);
            for (String status : List.of("success", "error", "request_timeout", "queue_timeout", "queue_full",
                    "offline")) {
                FunctionCounter.builder("photon.http.results", q, httpResult(status)).tags(tags).tag("status", status)
                        .description("how requests ended").register(r);
            }
            FunctionCounter.builder("photon.http.latency.seconds.sum", q,
                    x -> x.counters().snapshot().answeredLatencyMillis() / 1000.0).tags(tags)
                    .description("total latency of sent requests").register(r);
        }
    }

    private static double peersOn(PhotonRoles roles, org.photonee.core.peer.Transport transport) {
        int n = 0;
        for (String role : ROLES) {
            ApplicationBase app = roles.forEndpoint(role);
            if (app != null) {
                n += app.peerCount(transport);
            }
        }
        return n;
    }

    private static ToDoubleFunction<AuthProvider> authResult(String result) {
        return p -> switch (result) {
            case "accepted" -> p.counters().snapshot().accepted();
            case "denied" -> p.counters().snapshot().denied();
            case "data" -> p.counters().snapshot().data();
            default -> p.counters().snapshot().errors();
        };
    }

    private static ToDoubleFunction<HttpQueue> httpResult(String status) {
        return q -> {
            var s = q.counters().snapshot();
            return switch (status) {
                case "success" -> s.succeeded();
                case "error" -> s.errors();
                case "request_timeout" -> s.requestTimeouts();
                case "queue_timeout" -> s.queueTimeouts();
                case "queue_full" -> s.queueFull();
                default -> s.offline();
            };
        };
    }

    private static void counter(PrometheusMeterRegistry r, String name, NodeStats stats,
                                ToDoubleFunction<NodeStats> f, String description) {
        FunctionCounter.builder(name, stats, f).description(description).register(r);
    }

    /** Games per lobby come from the master's fiber; a slow master leaves the previous values. */
    private void refreshLobbyGames() {
        PhotonRoles roles = node.roles();
        if (lobbyGames == null || roles == null) {
            return;
        }
        bindHttpQueues(registry, roles);
        try {
            Map<PhotonRoles.LobbyCount, Integer> counts = roles.lobbyGameCounts().get(2, TimeUnit.SECONDS);
            List<MultiGauge.Row<?>> rows = new ArrayList<>();
            counts.forEach((k, v) -> rows.add(MultiGauge.Row.of(Tags.of("app", k.appId(), "version", k.appVersion(),
                    "lobby", k.lobby(), "lobby_type", String.valueOf(k.lobbyType())), v)));
            lobbyGames.register(rows, true);
        } catch (Exception e) {
            LOG.log(Level.FINE, "games per lobby not refreshed", e);
        }
    }

    private void registerMBean() {
        try {
            mbeanName = new ObjectName("org.photonee:type=Node,name=" + ObjectName.quote(node.settings().nodeId()));
            var server = ManagementFactory.getPlatformMBeanServer();
            if (server.isRegistered(mbeanName)) {
                server.unregisterMBean(mbeanName);
            }
            server.registerMBean(new NodeMXBeanImpl(node.roles(), node.stats()), mbeanName);
        } catch (Exception e) {
            LOG.log(Level.WARNING, "the JMX MBean could not be registered", e);
            mbeanName = null;
        }
    }

    @PreDestroy
    synchronized void stop() {
        if (mbeanName != null) {
            try {
                ManagementFactory.getPlatformMBeanServer().unregisterMBean(mbeanName);
            } catch (Exception e) {
                LOG.log(Level.FINE, "unregistering the MBean failed", e);
            }
        }
        if (registry != null) {
            node.stats().setJoinLatencySink(null);
            registry.close();
        }
    }
}
