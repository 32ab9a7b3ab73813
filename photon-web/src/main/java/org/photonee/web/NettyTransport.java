package org.photonee.web;

import jakarta.annotation.PreDestroy;
import jakarta.annotation.Resource;
import jakarta.ejb.EJB;
import jakarta.enterprise.concurrent.ManagedThreadFactory;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;
import org.photonee.core.config.ConfigReader;
import org.photonee.core.config.NettySettings;
import org.photonee.core.config.PeerSettingsConfig;
import org.photonee.core.config.UdpSettings;
import org.photonee.core.codec.WireProtocols;
import org.photonee.netty.udp.UdpListener;
import org.photonee.ejb.PhotonConfig;
import org.photonee.ejb.NodeStatus;
import org.photonee.ejb.PhotonNode;
import org.photonee.netty.HealthCheck;
import org.photonee.netty.NettyListener;
import org.photonee.web.socket.PhotonEndpoints;

import java.util.logging.Logger;

/**
 * Starts the Netty WebSocket listener when the application starts ({@code photon.netty.port} &gt; 0) and stops it
 * when the application stops. An application-scoped observer, not the node EJB: EJBs may not listen on sockets.
 * The event loops run on threads of the container's {@link ManagedThreadFactory}, so they carry the application's
 * naming and class-loader context (the peers call the node's EJBs and JPA from them).
 */
@ApplicationScoped
public class NettyTransport {
    private static final Logger LOG = Logger.getLogger(NettyTransport.class.getName());

    @Resource
    private ManagedThreadFactory threads;

    @EJB
    private PhotonNode node;

    private NettyListener listener;
    private UdpListener udpListener;

    void start(@Observes @Initialized(ApplicationScoped.class) Object applicationStarted) {
        NettySettings settings = NettySettings.from(ConfigReader.of(PhotonConfig.lookup()),
                node.settings().publicUrl());
        if (!settings.enabled()) {
            LOG.info(() -> NettySettings.KEY_PORT + " is 0: no Netty listener, container endpoints only");
            startUdp();
            return;
        }
        long maxQueued = PeerSettingsConfig.from(PhotonConfig.lookup()).maxQueuedBytes();
        listener = new NettyListener(settings, node::applicationFor, threads, () -> {
            NodeStatus status = node.status();
            return new HealthCheck.Status(status.ready(), StatusJson.of(status).toString());
        }, maxQueued);
        if (PhotonEndpoints.benchRelayEnabled(PhotonConfig.lookup())) {
            listener.withBenchRelay();
        }
        listener.start();
        startUdp();
    }

    /** The reliable UDP listener ({@code photon.udp.port} &gt; 0), on the Netty listener's event loops if it runs. */
    private void startUdp() {
        UdpSettings udp = UdpSettings.from(ConfigReader.of(PhotonConfig.lookup()));
        if (!udp.enabled()) {
            return;
        }
        udpListener = new UdpListener(udp, node::applicationFor, WireProtocols.defaults());
        if (listener != null) {
            udpListener.startOn(listener);
        } else {
            udpListener.start(threads);
        }
    }

    @PreDestroy
    void stop() {
        if (udpListener != null) {
            udpListener.stop();
            udpListener = null;
        }
        if (listener != null) {
            listener.stop();
            listener = null;
        }
    }
}
