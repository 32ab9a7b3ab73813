package org.photonee.core.peer;

import org.photonee.core.protocol.EventData;
import org.photonee.core.protocol.WireFrame;
import org.photonee.core.protocol.WireProtocol;

/**
 * Sends one event to many peers, encoding it once per protocol rather than once per receiver. Receivers of one
 * room usually speak one or two protocols, so a two-slot cache covers them without allocating a map.
 */
public final class Broadcaster {
    private Broadcaster() {
    }

    /** Sends the event to every peer; returns how many sends were accepted. */
    public static int broadcast(EventData event, Iterable<? extends Peer> receivers, SendParameters sendParameters) {
        WireProtocol p1 = null;
        WireFrame f1 = null;
        WireProtocol p2 = null;
        WireFrame f2 = null;
        int sent = 0;
        for (Peer peer : receivers) {
            WireProtocol p = peer.protocol();
            WireFrame frame;
            if (p == p1) {
                frame = f1;
            } else if (p == p2) {
                frame = f2;
            } else if (p1 == null) {
                p1 = p;
                frame = f1 = p.encode(event);
            } else if (p2 == null) {
                p2 = p;
                frame = f2 = p.encode(event);
            } else {
                frame = p.encode(event); // a third protocol in one broadcast: rare, encode per receiver
            }
            if (peer.sendEventFrame(frame, sendParameters) == SendResult.OK) {
                sent++;
            }
        }
        return sent;
    }
}
