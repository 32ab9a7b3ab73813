package org.photonee.netty.udp;

import org.photonee.core.codes.DisconnectReason;
import org.photonee.core.enet.DisconnectCode;
import org.photonee.core.enet.Drop;
import org.photonee.core.enet.EnetSession;
import org.photonee.core.enet.InitMessage;
import org.photonee.core.enet.TokenInit;
import org.photonee.core.protocol.ProtocolException;
import org.photonee.core.fiber.EndOfBatch;
import org.photonee.core.peer.ApplicationBase;
import org.photonee.core.peer.InitRequest;
import org.photonee.core.peer.PeerBase;
import org.photonee.core.peer.SendParameters;
import org.photonee.core.protocol.WireFrame;
import org.photonee.core.protocol.WireProtocol;

import java.net.InetSocketAddress;
import java.util.Map;
import java.util.Optional;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * One client of a UDP role endpoint: its {@link EnetSession}, and once the init message (§1.7) arrived, the
 * application's peer behind a {@link UdpConnection}. Confined to the role's event loop except for the two
 * {@code ...FromAnyThread} methods, which hop onto it.
 */
final class UdpPeer implements EnetSession.Listener {
    private static final Logger LOG = Logger.getLogger(UdpPeer.class.getName());

    final InetSocketAddress address;
    final UdpRoleHandler handler;
    final long createdAt;
    EnetSession session;
    private UdpConnection connection;
    private PeerBase peer;

    UdpPeer(InetSocketAddress address, UdpRoleHandler handler, long now) {
        this.address = address;
        this.handler = handler;
        this.createdAt = now;
    }

    boolean initialized() {
        return peer != null;
    }

    @Override
    public void onConnected() {
        // The peer is made when the init message names the protocol and application.
    }

    @Override
    public void onMessage(int channel, boolean reliable, byte[] message) {
        if (peer == null) {
            init(message);
            return;
        }
        SendParameters received = new SendParameters(channel, !reliable, false, false);
        WireFrame frame = WireFrame.binary(message);
        EndOfBatch.run(() -> peer.receive(frame, received));
    }

    private void init(byte[] message) {
        if (TokenInit.looksLikeTokenInit(message)) {
            tokenInit(message);
            return;
        }
        InitMessage init = InitMessage.parse(message);
        Optional<WireProtocol> protocol = init == null || init.subprotocol() == null ? Optional.empty()
                : handler.protocols.byName(init.subprotocol());
        if (protocol.isEmpty()) {
            handler.drops.count(Drop.BAD_INIT);
            session.disconnect(DisconnectCode.SERVER_LOGIC, init == null ? "first message is not an init"
                    : "protocol " + init.protocolMajor() + "." + init.protocolMinor() + " is not served");
            return;
        }
        String app = init.applicationId().isEmpty() ? null : init.applicationId();
        connect(protocol.get(), app, init.clientVersion(), Map.of("sdk", String.valueOf(init.sdkId())), null);
    }

    /**
     * The HTTP-style init of the AuthOnce modes (§1.7 B): the same as the binary init, plus the token the master
     * or game server authenticates with at connect.
     */
    private void tokenInit(byte[] message) {
        TokenInit init;
        try {
            init = TokenInit.parse(message);
        } catch (ProtocolException e) {
            handler.drops.count(Drop.BAD_INIT);
            session.disconnect(DisconnectCode.SERVER_LOGIC, e.getMessage());
            return;
        }
        Optional<WireProtocol> protocol = handler.protocols.byName(init.subprotocol());
        if (protocol.isEmpty()) {
            handler.drops.count(Drop.BAD_INIT);
            session.disconnect(DisconnectCode.SERVER_LOGIC, "protocol " + init.subprotocol() + " is not served");
            return;
        }
        String app = init.applicationId().isEmpty() ? null : init.applicationId();
        connect(protocol.get(), app, init.clientVersion(), Map.of(), init.token());
    }

    private void connect(WireProtocol protocol, String app, String clientVersion, Map<String, String> query,
                         String initToken) {
        ApplicationBase application = handler.applications.apply(handler.role);
        if (application == null || !application.isRunning()) {
            session.disconnect(DisconnectCode.SERVER_LOGIC, "role " + handler.role + " does not run here");
            return;
        }
        connection = new UdpConnection(handler.newConnectionId(), address.getHostString() + ":" + address.getPort(),
                this, application.environment().settings().maxQueuedBytes());
        session.send(0, true, InitMessage.response(), handler.now());
        try {
            peer = application.connect(new InitRequest(connection, protocol, handler.role, app, clientVersion, query,
                    initToken));
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "createPeer failed on udp " + handler.role, e);
        }
        if (peer == null) {
            connection.closed();
            session.disconnect(DisconnectCode.SERVER_LOGIC, "connection refused by the " + handler.role
                    + " application");
        }
    }

    @Override
    public void onDisconnected(boolean byPeer, int reason, String detail) {
        if (connection != null) {
            connection.closed();
        }
        if (peer != null) {
            DisconnectReason why = byPeer ? DisconnectReason.CLIENT_DISCONNECT
                    : reason == DisconnectCode.TIMEOUT ? DisconnectReason.CLIENT_TIMEOUT_DISCONNECT
                    : DisconnectReason.MANAGED_DISCONNECT;
            PeerBase p = peer;
            EndOfBatch.run(() -> p.transportClosed(why, detail));
        }
    }

    /** A datagram of this session arrived: the peer's inactivity timeout starts over. */
    void heardFrom() {
        if (peer != null) {
            peer.transportAlive();
        }
    }

    /** Updates what the connection reports as queued (after each service). */
    void serviced() {
        if (connection != null) {
            connection.sessionQueued = session.queuedBytes();
        }
    }

    void sendFromAnyThread(int channel, boolean reliable, byte[] message, Runnable handedOver) {
        handler.execute(() -> {
            handedOver.run();
            if (session.state() != EnetSession.State.CONNECTED) {
                return;
            }
            if (!session.send(channel, reliable, message, handler.now())) {
                session.disconnect(DisconnectCode.SERVER_LOGIC, "send buffer full: client too slow");
            }
            handler.flushSoon(this);
        });
    }

    void disconnectFromAnyThread(int reason, String detail) {
        handler.execute(() -> {
            session.disconnect(reason, detail);
            handler.flushSoon(this);
        });
    }
}
