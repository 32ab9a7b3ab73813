package org.photonee.client;

import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Threads shared by every client in the JVM: a thousand simulated users must not mean a thousand threads. One
 * scheduler thread fires pings and timeouts; a cached pool runs each client's serial work. All daemon threads, so an
 * application never has to shut the SDK down.
 */
final class ClientThreads {
    static final ScheduledExecutorService SCHEDULER =
            Executors.newSingleThreadScheduledExecutor(daemon("photon-client-timer"));
    static final ExecutorService POOL = Executors.newCachedThreadPool(daemon("photon-client"));

    private ClientThreads() {
    }

    private static ThreadFactory daemon(String prefix) {
        AtomicInteger n = new AtomicInteger();
        return r -> {
            Thread t = new Thread(r, prefix + "-" + n.incrementAndGet());
            t.setDaemon(true);
            return t;
        };
    }
}
