package org.photonee.core.peer;

import java.lang.System.Logger.Level;
import org.photonee.core.protocol.Message;

/**
 * The operation-data logger: with category {@value #CATEGORY} at DEBUG, every request and response (and at TRACE
 * every event) of every peer is logged. Off by default; switch it on in the server's admin console.
 */
public final class OperationLog {
    public static final String CATEGORY = "org.photonee.operations";
    private static final System.Logger LOG = System.getLogger(CATEGORY);

    private OperationLog() {
    }

    static void received(String connectionId, Message message) {
        if (LOG.isLoggable(Level.DEBUG)) {
            LOG.log(Level.DEBUG, "{0} <- {1} {2} {3}", connectionId, message.getClass().getSimpleName(),
                    message.code(), message.parameters());
        }
    }

    static void sent(String connectionId, Message message) {
        Level level = message instanceof org.photonee.core.protocol.EventData ? Level.TRACE : Level.DEBUG;
        if (LOG.isLoggable(level)) {
            LOG.log(level, "{0} -> {1}", connectionId, message);
        }
    }
}
