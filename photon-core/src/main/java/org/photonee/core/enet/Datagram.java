package org.photonee.core.enet;

import java.util.List;

/**
 * One datagram (§1.2): the 12-byte header, then its commands.
 *
 * @param peerId    sender's idea of the peer id: -1 (or -2) from a client before verify-connect
 * @param crc       whether a CRC follows the header (flag 0xCC)
 * @param sentTime  the sender's millisecond clock
 * @param challenge the client's per-connection random value, echoed by the server
 */
public record Datagram(int peerId, boolean crc, int sentTime, int challenge, List<Command> commands) {
    public Datagram {
        commands = List.copyOf(commands);
    }
}
