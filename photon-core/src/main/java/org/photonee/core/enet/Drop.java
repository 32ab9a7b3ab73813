package org.photonee.core.enet;

/** Why untrusted input was dropped or a peer disconnected; counted per listener in {@link DropCounters}. */
public enum Drop {
    /** Shorter than a header, a command length that does not fit, a count that does not match. */
    MALFORMED,
    /** CRC flag set and the checksum does not match. */
    BAD_CRC,
    /** Datagram-encrypted layout (flag 0x01): never enabled by this server. */
    ENCRYPTED_DATAGRAM,
    /** More commands in one datagram than the limit. */
    TOO_MANY_COMMANDS,
    /** A peer id or challenge that belongs to no session of that address. */
    UNKNOWN_PEER,
    /** A new connection over the per-address or total peer limit. */
    PEER_LIMIT,
    /** A reliable sequence number far beyond the receive window. */
    OUT_OF_WINDOW,
    /** Receive buffers of a peer over their byte budget. */
    BUFFER_LIMIT,
    /** A fragment whose count, number, offset or length is inconsistent, or whose pieces overlap. */
    BAD_FRAGMENT,
    /** A message larger than the message size limit. */
    TOO_LARGE,
    /** A channel the peer did not open. */
    BAD_CHANNEL,
    /** A command type this server does not handle (skipped by its length, as the client does). */
    UNKNOWN_COMMAND,
    /** A duplicate (already delivered) command: acked again, not delivered. */
    DUPLICATE,
    /** A late unreliable command (§1.8). */
    LATE_UNRELIABLE,
    /** The first message was not a valid init request. */
    BAD_INIT,
    /** A peer stopped answering: resend limit or disconnect timeout. */
    TIMEOUT
}
