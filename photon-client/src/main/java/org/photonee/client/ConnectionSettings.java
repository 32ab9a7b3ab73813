package org.photonee.client;

import java.time.Duration;
import java.util.Objects;
import org.photonee.core.codec.protocol16.GpBinaryV16Protocol;
import org.photonee.core.peer.JdkWebSocketConnector;
import org.photonee.core.peer.WebSocketConnector;
import org.photonee.core.protocol.ProtocolLimits;
import org.photonee.core.protocol.WireProtocol;

/**
 * Transport settings shared by the connections of a client: which WebSocket implementation, which wire protocol,
 * how long to wait for answers, how often to ping.
 *
 * @param connector        opens connections: WebSocket (JDK or Netty), UDP ({@link UdpConnector}); tests pass an
 *                         in-memory fake
 * @param protocol         the wire protocol, offered as the WebSocket subprotocol (over UDP, named in the init):
 *                         {@code GpBinaryV16} by default, {@code GpBinaryV18} (what PUN 2 and the C++ SDK speak) or
 *                         {@code Json} by {@link #withProtocol}
 * @param limits           decoding limits for what the server sends
 * @param operationTimeout how long an operation waits for its response before failing with a timeout
 * @param pingInterval     an idle connection sends a ping this often, so the server's inactivity timeout
 *                         (10 s on WebSocket) never fires while the client is alive; zero disables pings
 */
public record ConnectionSettings(WebSocketConnector connector, WireProtocol protocol, ProtocolLimits limits,
        Duration operationTimeout, Duration pingInterval) {
    public ConnectionSettings {
        Objects.requireNonNull(connector, "connector");
        Objects.requireNonNull(protocol, "protocol");
        Objects.requireNonNull(limits, "limits");
        Objects.requireNonNull(operationTimeout, "operationTimeout");
        Objects.requireNonNull(pingInterval, "pingInterval");
    }

    /** The JDK WebSocket client, Protocol16, 10 s operation timeout, 2 s ping. */
    public static ConnectionSettings defaults() {
        return new ConnectionSettings(new JdkWebSocketConnector(), new GpBinaryV16Protocol(), ProtocolLimits.DEFAULTS,
                Duration.ofSeconds(10), Duration.ofSeconds(2));
    }

    public ConnectionSettings withConnector(WebSocketConnector value) {
        return new ConnectionSettings(value, protocol, limits, operationTimeout, pingInterval);
    }

    /** The same settings speaking another wire protocol, e.g. {@code new GpBinaryV18Protocol()}. */
    public ConnectionSettings withProtocol(WireProtocol value) {
        return new ConnectionSettings(connector, value, limits, operationTimeout, pingInterval);
    }

    /**
     * Photon's reliable UDP instead of WebSocket, with the official client's two channels: server addresses
     * (ws://host:…/photon/&lt;role&gt;) map to the UDP ports of {@code photon.udp.port} on the same host (see
     * {@link UdpConnector#forPort}). Operations and events then honour their {@code SendParameters}' channel and
     * reliability.
     */
    public ConnectionSettings withUdp(int udpPort) {
        return withConnector(UdpConnector.forPort(udpPort, 2, ""));
    }

    public ConnectionSettings withOperationTimeout(Duration value) {
        return new ConnectionSettings(connector, protocol, limits, value, pingInterval);
    }

    public ConnectionSettings withPingInterval(Duration value) {
        return new ConnectionSettings(connector, protocol, limits, operationTimeout, value);
    }
}
