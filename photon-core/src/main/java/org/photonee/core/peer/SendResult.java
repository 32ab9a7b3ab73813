package org.photonee.core.peer;

/** Outcome of handing a message to a connection. */
public enum SendResult {
    OK,
    DISCONNECTED,
    /** The peer's outgoing queue is over its limit; by default the peer is then disconnected. */
    SEND_BUFFER_FULL,
    MESSAGE_TOO_BIG,
    INVALID_CHANNEL,
    FAILED,
    INVALID_CONTENT_TYPE,
    ENCRYPTION_NOT_SUPPORTED
}
