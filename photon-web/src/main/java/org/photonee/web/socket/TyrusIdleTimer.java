package org.photonee.web.socket;

import jakarta.websocket.Session;

import java.lang.reflect.Field;
import java.util.concurrent.CancellationException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Takes Tyrus's per-message idle timer off the container's managed scheduler.
 *
 * <p>Tyrus 2.1.x (Payara 6) restarts a session's idle timer on every message received and every message sent, by
 * cancelling and scheduling a task on the scheduler it looked up as {@code java:comp/DefaultManagedScheduledExecutorService},
 * and it does so even when the idle timeout is off (then the task runs at once and does nothing). Each task on a
 * managed scheduler captures the thread's context, and Payara's capture runs a {@code ServiceLoader} lookup that walks
 * every jar of the server: the benchmark profile showed it as 60 % of the server's CPU under load (BENCHMARKS.md).
 *
 * <p>{@link #detach} points the session's timer at one plain scheduler thread (made by the container's managed
 * thread factory when there is one) and, once the check scheduled by the session's constructor has run, sets a
 * week-long idle timeout, so the per-message work is a cancel and a
 * schedule on a heap that never fires; the peers' own inactivity checks still decide when a client is gone. When the
 * session is not a Tyrus session of the expected shape nothing is changed and the caller keeps its own settings.
 */
public final class TyrusIdleTimer {
    private static final Logger LOG = Logger.getLogger(TyrusIdleTimer.class.getName());
    /** Longer than any game session stays silent; the peer's inactivity timeout is far shorter. */
    static final long IDLE_TIMEOUT_MS = 7L * 24 * 3600 * 1000;
    private static final String SESSION_CLASS = "org.glassfish.tyrus.core.TyrusSession";
    /** How long onOpen waits for the constructor's idle check (it has no delay, so normally microseconds). */
    private static final long FIRST_CHECK_WAIT_MS = 500;

    private static volatile ScheduledThreadPoolExecutor timer;
    private static volatile Field serviceField;
    private static volatile Field futureField;
    private static volatile boolean unavailable;

    private TyrusIdleTimer() {
    }

    /** Returns true when the session's idle timer now runs on the plain scheduler with the long timeout. */
    public static boolean detach(Session session) {
        if (unavailable) {
            return false;
        }
        try {
            Field f = field(session.getClass());
            if (f == null) {
                return false;
            }
            // The session's constructor already scheduled one idle check on the managed scheduler, with the container's
            // timeout (0: it runs at once). Were it to run after the long timeout is set, it would see a positive
            // timeout and close the session; so wait until it has run before setting it.
            Object pending = futureField.get(session);
            f.set(session, scheduler());
            if (pending instanceof Future<?> p && !p.isDone()) {
                try {
                    p.get(FIRST_CHECK_WAIT_MS, TimeUnit.MILLISECONDS);
                } catch (TimeoutException e) {
                    session.setMaxIdleTimeout(0); // still correct (checks run at once and do nothing), a bit slower
                    return true;
                } catch (ExecutionException | CancellationException e) {
                    // it ran (or will not run): nothing left to race with
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    session.setMaxIdleTimeout(0);
                    return true;
                }
            }
            session.setMaxIdleTimeout(IDLE_TIMEOUT_MS);
            return true;
        } catch (ReflectiveOperationException | RuntimeException e) {
            unavailable = true;
            LOG.log(Level.WARNING, "cannot move the Tyrus idle timer off the managed scheduler; per-message context "
                    + "capture stays (slower)", e);
            return false;
        }
    }

    private static Field field(Class<?> type) throws NoSuchFieldException {
        Field f = serviceField;
        if (f != null) {
            return f;
        }
        Class<?> c = type;
        while (c != null && !c.getName().equals(SESSION_CLASS)) {
            c = c.getSuperclass();
        }
        if (c == null) {
            unavailable = true;
            LOG.info("WebSocket sessions are not Tyrus sessions (" + type.getName() + "): idle timer left as is");
            return null;
        }
        Field future = c.getDeclaredField("idleTimeoutFuture");
        future.setAccessible(true);
        futureField = future;
        f = c.getDeclaredField("service");
        f.setAccessible(true);
        serviceField = f;
        return f;
    }

    private static ScheduledThreadPoolExecutor scheduler() {
        ScheduledThreadPoolExecutor t = timer;
        if (t == null) {
            synchronized (TyrusIdleTimer.class) {
                t = timer;
                if (t == null) {
                    t = new ScheduledThreadPoolExecutor(1, threadFactory());
                    t.setRemoveOnCancelPolicy(true); // every message cancels its predecessor's timer
                    timer = t;
                }
            }
        }
        return t;
    }

    private static ThreadFactory threadFactory() {
        try {
            return (ThreadFactory) javax.naming.InitialContext.doLookup("java:comp/DefaultManagedThreadFactory");
        } catch (javax.naming.NamingException | RuntimeException e) {
            return Executors.defaultThreadFactory();
        }
    }

    /** Stops the scheduler thread (application undeploy). */
    public static void shutdown() {
        ScheduledThreadPoolExecutor t = timer;
        if (t != null) {
            t.shutdownNow();
            timer = null;
        }
    }
}
