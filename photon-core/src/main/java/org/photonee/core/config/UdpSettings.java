package org.photonee.core.config;

import org.photonee.core.enet.EnetSettings;

/**
 * The reliable UDP listener's settings ({@code photon.udp.*}). One port per role, laid out like Photon's own
 * defaults so that {@code photon.udp.port=5055} gives master 5055, game server 5056 and name server 5058
 * (NATIVE-PROTOCOLS.md §1.1): a Unity client pointed at the master's host with port 0 reaches 5055 as it expects.
 * Only the roles this instance runs are bound.
 *
 * @param port               {@code photon.udp.port}: the master's UDP port; 0 = no UDP listener (the default)
 * @param host               {@code photon.udp.host}: address to bind, default 127.0.0.1
 * @param maxPeersPerAddress {@code photon.udp.maxPeersPerAddress}: sessions one IP may hold per role (default 256)
 * @param maxPeers           {@code photon.udp.maxPeers}: sessions per role in all (default 20000)
 * @param mtu                {@code photon.udp.mtu}: the largest datagram sent; a client asking for less gets less
 *                           (default 1200, the client's default)
 * @param maxChannels        {@code photon.udp.maxChannels}: channels a client may open (default 16)
 */
public record UdpSettings(int port, String host, int maxPeersPerAddress, int maxPeers, int mtu, int maxChannels) {
    public static final String KEY_PORT = "photon.udp.port";
    public static final String KEY_HOST = "photon.udp.host";
    public static final String KEY_MAX_PEERS_PER_ADDRESS = "photon.udp.maxPeersPerAddress";
    public static final String KEY_MAX_PEERS = "photon.udp.maxPeers";
    public static final String KEY_MTU = "photon.udp.mtu";
    public static final String KEY_MAX_CHANNELS = "photon.udp.maxChannels";
    /** Offsets from {@link #port}: master +0, game +1, name server +3 (5055, 5056, 5058). */
    public static final int MASTER_OFFSET = 0;
    public static final int GAME_OFFSET = 1;
    public static final int NAME_SERVER_OFFSET = 3;

    public static final UdpSettings OFF = new UdpSettings(0, NettySettings.DEFAULT_HOST, 256, 20_000,
            EnetSettings.DEFAULT_MTU, 16);

    public UdpSettings {
        if (port < 0 || port + NAME_SERVER_OFFSET > 65535) {
            throw new IllegalArgumentException(KEY_PORT + " must be 0..65532, got " + port);
        }
        if (mtu < EnetSettings.MIN_MTU || mtu > 65_000) {
            throw new IllegalArgumentException(KEY_MTU + " must be " + EnetSettings.MIN_MTU + "..65000, got " + mtu);
        }
        if (maxChannels < 1 || maxChannels > 254) {
            throw new IllegalArgumentException(KEY_MAX_CHANNELS + " must be 1..254, got " + maxChannels);
        }
    }

    public boolean enabled() {
        return port > 0;
    }

    /** The UDP port of a role endpoint ("ns", "master", "game"), or -1 for roles UDP does not serve (s2s). */
    public int portFor(String role) {
        return switch (role) {
            case "master" -> port + MASTER_OFFSET;
            case "game" -> port + GAME_OFFSET;
            case "ns" -> port + NAME_SERVER_OFFSET;
            default -> -1;
        };
    }

    /** A listener on a port the system picks per role (tests): port 0 with the role ports chosen at bind. */
    public UdpSettings withPort(int value) {
        return new UdpSettings(value, host, maxPeersPerAddress, maxPeers, mtu, maxChannels);
    }

    public static UdpSettings from(ConfigReader config) {
        return new UdpSettings(config.intValue(KEY_PORT, 0, 0), config.string(KEY_HOST, NettySettings.DEFAULT_HOST),
                config.intValue(KEY_MAX_PEERS_PER_ADDRESS, 256, 1), config.intValue(KEY_MAX_PEERS, 20_000, 1),
                config.intValue(KEY_MTU, EnetSettings.DEFAULT_MTU, EnetSettings.MIN_MTU),
                config.intValue(KEY_MAX_CHANNELS, 16, 1));
    }
}
