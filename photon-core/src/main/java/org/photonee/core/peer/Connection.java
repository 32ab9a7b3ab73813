package org.photonee.core.peer;

import org.photonee.core.protocol.WireFrame;

/**
 * The transport under a peer: one WebSocket connection (server side or outbound), or an in-memory pipe in tests.
 * Sending never blocks; frames are queued and written in order.
 */
public interface Connection {
    /** Unique id, used as the peer's connection id and the Json session id. */
    String id();

    /** Remote address for logs, e.g. "127.0.0.1:53122"; may be "unknown". */
    String remoteAddress();

    boolean isOpen();

    /** The listener this connection came in through (outbound links and test pipes count as the container's). */
    default Transport transport() {
        return Transport.CONTAINER;
    }

    /**
     * True when the transport itself is encrypted (wss, TLS): AuthOnce is allowed on it without payload encryption.
     * Unknown counts as not secure.
     */
    default boolean isSecure() {
        return false;
    }

    /**
     * The one thread this connection's I/O runs on, when it has one (a Netty event loop), else null. The peer's
     * fiber, and the fiber of a room the peer creates, run their actions there: what they send to connections of
     * that thread is written in the same pass, with no hand-over to another thread per message.
     */
    default java.util.concurrent.Executor ioExecutor() {
        return null;
    }

    /** Queues a frame for sending. Returns {@link SendResult#SEND_BUFFER_FULL} when over the queue limit. */
    SendResult send(WireFrame frame, SendParameters sendParameters);

    /** Closes after the frames already queued have been written; reason text is trimmed to what WebSocket allows. */
    void close(int closeCode, String reason);

    /** Closes now, dropping frames not yet written (protocol errors, slow readers, shutdown). */
    default void abort(int closeCode, String reason) {
        close(closeCode, reason);
    }
}
