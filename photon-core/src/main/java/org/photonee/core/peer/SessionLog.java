package org.photonee.core.peer;

import java.lang.System.Logger.Level;

/**
 * The session log an operator can follow: one line per connect, authenticate, join, leave and disconnect, with the
 * peer id, user id, room and reason. Category {@value #CATEGORY}, at DEBUG (JUL FINE), so it is quiet by default
 * and switched on in the admin console (Payara: {@code asadmin set-log-levels org.photonee.sessions=FINE};
 * WildFly: {@code /subsystem=logging/logger=org.photonee.sessions:add(level=DEBUG)}).
 */
public final class SessionLog {
    public static final String CATEGORY = "org.photonee.sessions";
    private static final System.Logger LOG = System.getLogger(CATEGORY);

    private SessionLog() {
    }

    public static void connected(String peerId, String application, String remoteAddress, String protocol) {
        if (LOG.isLoggable(Level.DEBUG)) {
            LOG.log(Level.DEBUG, "connect peer={0} role={1} from={2} protocol={3}", peerId, application,
                    remoteAddress, protocol);
        }
    }

    public static void authenticated(String peerId, String userId, String application) {
        if (LOG.isLoggable(Level.DEBUG)) {
            LOG.log(Level.DEBUG, "authenticate peer={0} user={1} role={2}", peerId, userId, application);
        }
    }

    public static void authenticationFailed(String peerId, int returnCode, String message) {
        if (LOG.isLoggable(Level.DEBUG)) {
            LOG.log(Level.DEBUG, "authenticate-failed peer={0} code={1} reason={2}", peerId, returnCode, message);
        }
    }

    public static void joined(String peerId, String userId, String room, int actorNr) {
        if (LOG.isLoggable(Level.DEBUG)) {
            LOG.log(Level.DEBUG, "join peer={0} user={1} room={2} actor={3}", peerId, userId, room, actorNr);
        }
    }

    public static void left(String peerId, String userId, String room, int actorNr, String reason) {
        if (LOG.isLoggable(Level.DEBUG)) {
            LOG.log(Level.DEBUG, "leave peer={0} user={1} room={2} actor={3} reason={4}", peerId, userId, room,
                    actorNr, reason);
        }
    }

    public static void disconnected(String peerId, String reason, String detail) {
        if (LOG.isLoggable(Level.DEBUG)) {
            LOG.log(Level.DEBUG, "disconnect peer={0} reason={1} detail={2}", peerId, reason, detail);
        }
    }
}
