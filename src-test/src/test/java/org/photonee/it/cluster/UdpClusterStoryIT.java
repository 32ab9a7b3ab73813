package org.photonee.it.cluster;

/**
 * {@link ClusterStoryIT} with every client on Photon's reliable UDP as a Unity client on PUN 2's defaults connects:
 * GpBinaryV18, Authenticate encrypted after the Diffie-Hellman exchange, through seeded relays that drop, duplicate
 * and reorder datagrams. The name server and master hand out UDP addresses ("host:port"), each game server registers
 * its own with the master over WebSocket S2S (S2S has no UDP form), and the killed game server's players notice by
 * the UDP timeout. Its own ports (18300.., UDP 17100..), so it shares the suite with the other variants.
 */
class UdpClusterStoryIT extends ClusterStoryIT {
    @Override
    protected ClusterStoryNetwork network() throws Exception {
        return ClusterStoryNetwork.udp();
    }
}
