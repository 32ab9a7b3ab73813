package org.photonee.it.cluster;

import java.net.InetSocketAddress;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.photonee.client.ConnectionSettings;
import org.photonee.client.LoadBalancingClient;
import org.photonee.client.LossyUdpRelay;
import org.photonee.client.UdpConnector;
import org.photonee.core.codec.protocol18.GpBinaryV18Protocol;
import org.photonee.core.enet.EnetSettings;
import org.photonee.core.peer.Transport;
import org.photonee.it.support.PhotonProcess;

/**
 * How {@link ClusterStoryIT}'s three instances listen and how its clients reach them: one implementation per client
 * transport, each on its own ports so the story variants can share a suite. Instance 0 runs name server + master,
 * instances 1 and 2 are game servers.
 */
interface ClusterStoryNetwork extends AutoCloseable {
    /** Starts one instance with its role options ("--roles", ...), on this network's ports. */
    PhotonProcess start(int instance, String secret, String... roleOptions) throws Exception;

    /** The listener the game servers' links to the master use (S2S is WebSocket on every network). */
    Transport s2s();

    /** Where a client enters: the name server's address. */
    URI nameServer(PhotonProcess master);

    /** A client configured for this network. */
    LoadBalancingClient newClient(String appId, String appVersion);

    /** "host:port" that a client's {@code connection().uri()} names while it is on this game server instance. */
    String gameServerAddress(int instance);

    /**
     * How long after a game server is killed its players must have a clear disconnect. A WebSocket client sees the
     * TCP connection drop at once; 10 s leaves room for a loaded machine.
     */
    default long crashNoticeMillis() {
        return 10_000;
    }

    /** Checks what the network itself promised, once the story has passed (e.g. that the relays lost datagrams). */
    default void verifyAfterStory() {
    }

    @Override
    default void close() {
    }

    /** WebSocket clients on the container's or the Netty listener; the ports the story has always used. */
    static ClusterStoryNetwork webSocket(Transport transport) {
        int[] ports = {18280, 18281, 18282};
        int[] nettyPorts = {18093, 18094, 18095};
        return new ClusterStoryNetwork() {
            @Override
            public PhotonProcess start(int instance, String secret, String... roleOptions) throws Exception {
                return PhotonProcess.start(ports[instance], nettyPorts[instance], secret, roleOptions);
            }

            @Override
            public Transport s2s() {
                return transport;
            }

            @Override
            public URI nameServer(PhotonProcess master) {
                return master.webSocket("ns", transport);
            }

            @Override
            public LoadBalancingClient newClient(String appId, String appVersion) {
                return new LoadBalancingClient(appId, appVersion);
            }

            @Override
            public String gameServerAddress(int instance) {
                return "127.0.0.1:" + (transport == Transport.NETTY ? nettyPorts[instance] : ports[instance]);
            }
        };
    }

    /**
     * Photon's reliable UDP with PUN 2's defaults: GpBinaryV18, Authenticate encrypted after the Diffie-Hellman
     * exchange, and three channels (0 plus the story's 1 and 2). Every client datagram passes a seeded
     * {@link LossyUdpRelay} in front of its server endpoint that drops 3 %, duplicates 2 % and delays 0..5 ms
     * (reorders). Each instance gets {@code --udp-port}: the master's UDP port is its base, name server base + 3,
     * a game server's UDP port its own base + 1 (UdpSettings).
     */
    static ClusterStoryNetwork udp() throws Exception {
        return new Udp();
    }

    final class Udp implements ClusterStoryNetwork {
        private static final int[] PORTS = {18300, 18301, 18302};
        private static final int[] UDP_BASES = {17100, 17110, 17120};
        private static final double LOSS = 0.03;
        private static final double DUPLICATES = 0.02;
        private static final int MAX_DELAY_MS = 5;

        private final List<LossyUdpRelay> relays = new ArrayList<>();
        private final LossyUdpRelay nameServerRelay;
        /** Server UDP port → the relay in front of it (what servers hand out are server ports). */
        private final Map<Integer, LossyUdpRelay> relayByServerPort;

        private Udp() throws Exception {
            nameServerRelay = relay(17104, UDP_BASES[0] + 3, 1);
            relayByServerPort = Map.of(
                    UDP_BASES[0], relay(17105, UDP_BASES[0], 2),
                    gamePort(1), relay(17112, gamePort(1), 3),
                    gamePort(2), relay(17122, gamePort(2), 4));
        }

        private static int gamePort(int instance) {
            return UDP_BASES[instance] + 1;
        }

        private LossyUdpRelay relay(int listenPort, int serverPort, long seed) throws Exception {
            LossyUdpRelay r = new LossyUdpRelay(listenPort, new InetSocketAddress("127.0.0.1", serverPort), LOSS,
                    DUPLICATES, MAX_DELAY_MS, seed);
            relays.add(r);
            return r;
        }

        /**
         * A UDP client learns of a dead server only when nothing has come back for its disconnect timeout (10 s, as a
         * Unity client's DisconnectTimeout), then the next service tick; 3 s of slack for a loaded machine.
         */
        @Override
        public long crashNoticeMillis() {
            return EnetSettings.DEFAULTS.disconnectTimeoutMillis() + 3_000L;
        }

        /** The story ran through loss: the relays dropped datagrams (and every step still passed). */
        @Override
        public void verifyAfterStory() {
            long dropped = relays.stream().mapToLong(LossyUdpRelay::dropped).sum();
            long forwarded = relays.stream().mapToLong(LossyUdpRelay::forwarded).sum();
            if (dropped == 0) {
                throw new AssertionError("the relays dropped nothing of " + forwarded + " datagrams");
            }
        }

        @Override
        public PhotonProcess start(int instance, String secret, String... roleOptions) throws Exception {
            List<String> options = new ArrayList<>(List.of(roleOptions));
            options.addAll(List.of("--udp-port", String.valueOf(UDP_BASES[instance])));
            return PhotonProcess.start(PORTS[instance], PORTS[instance] + 1000, secret, options.toArray(String[]::new));
        }

        @Override
        public Transport s2s() {
            return Transport.NETTY;
        }

        @Override
        public URI nameServer(PhotonProcess master) {
            return master.webSocket("ns", Transport.NETTY);
        }

        @Override
        public LoadBalancingClient newClient(String appId, String appVersion) {
            UdpConnector connector = new UdpConnector(this::relayFor, 3, appId);
            LoadBalancingClient client = new LoadBalancingClient(appId, appVersion, ConnectionSettings.defaults()
                    .withConnector(connector).withProtocol(new GpBinaryV18Protocol()));
            client.setEncryptAuthentication(true);
            return client;
        }

        /**
         * The first address is the name server's WebSocket URL (its role picks the relay); after it, servers hand
         * out UDP "host:port" (seen as ws://host:port without a path), found by port.
         */
        private InetSocketAddress relayFor(URI uri) {
            String path = uri.getPath() == null ? "" : uri.getPath().replaceAll("/+$", "");
            LossyUdpRelay r = path.endsWith("/ns") ? nameServerRelay
                    : path.isEmpty() ? relayByServerPort.get(uri.getPort()) : null;
            if (r == null) {
                throw new IllegalArgumentException("no UDP relay for " + uri);
            }
            return new InetSocketAddress("127.0.0.1", r.port());
        }

        @Override
        public String gameServerAddress(int instance) {
            return "127.0.0.1:" + gamePort(instance);
        }

        @Override
        public void close() {
            relays.forEach(LossyUdpRelay::close);
        }
    }
}
