package org.photonee.core.http;

import org.photonee.core.fiber.FiberFactory;

import java.util.Collection;
import java.util.List;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;

/**
 * The node's HTTP queues, one per target (an auth provider, webhooks, WebRPC), all sending through one
 * {@link HttpSender}. Kept in one place so metrics and admin views can list every queue's counters.
 */
public final class HttpQueues {
    private final HttpSender sender;
    private final FiberFactory fibers;
    private final ConcurrentMap<String, HttpQueue> byName = new ConcurrentHashMap<>();

    public HttpQueues(HttpSender sender, FiberFactory fibers) {
        this.sender = sender;
        this.fibers = fibers;
    }

    /** The queue of a target, made on first use with these settings (later calls return the same queue). */
    public HttpQueue queue(String name, HttpQueueSettings settings) {
        return byName.computeIfAbsent(name, n -> new HttpQueue(n, settings, sender, fibers.newFiber("http-" + n)));
    }

    public Collection<HttpQueue> all() {
        return List.copyOf(byName.values());
    }
}
