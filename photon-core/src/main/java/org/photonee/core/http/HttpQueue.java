package org.photonee.core.http;

import org.photonee.core.fiber.Cancellable;
import org.photonee.core.fiber.Fiber;

import java.time.Duration;
import java.util.ArrayDeque;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;

/**
 * A bounded, asynchronous queue of requests to one target service. At most {@code maxConcurrentRequests} are in
 * flight; up to {@code maxQueuedRequests} more wait in order, each for at most the queue timeout. After
 * {@code maxErrorRequests} consecutive errors or {@code maxTimedOutRequests} consecutive timeouts the target is
 * taken offline for the reconnect interval: waiting and new requests are answered Offline without being sent, so
 * a dead service costs nothing but counters. The first request after the interval probes it again.
 *
 * <p>All bookkeeping runs on the queue's own fiber, so it needs no locks; {@link #submit} may be called from any
 * thread and never blocks. Every returned stage completes normally, on that fiber.
 */
public final class HttpQueue {
    private static final System.Logger LOG = System.getLogger(HttpQueue.class.getName());

    private final String name;
    private final HttpQueueSettings settings;
    private final HttpSender sender;
    private final Fiber fiber;
    private final HttpQueueCounters counters = new HttpQueueCounters();
    private final ArrayDeque<Pending> waiting = new ArrayDeque<>();
    private int inFlight;
    private int consecutiveErrors;
    private int consecutiveTimeouts;
    private long offlineUntilMillis = Long.MIN_VALUE;

    /**
     * @param name   the target's name, for logs (a provider, "webhooks", "webrpc")
     * @param fiber  runs the queue's bookkeeping and completes every outcome
     */
    public HttpQueue(String name, HttpQueueSettings settings, HttpSender sender, Fiber fiber) {
        this.name = name;
        this.settings = settings;
        this.sender = sender;
        this.fiber = fiber;
    }

    public String name() {
        return name;
    }

    public HttpQueueSettings settings() {
        return settings;
    }

    public HttpQueueCounters counters() {
        return counters;
    }

    /** Queues a request; the stage completes (normally) with how it ended. */
    public CompletionStage<HttpOutcome> submit(HttpCall call) {
        Pending p = new Pending(call, new CompletableFuture<>());
        counters.submitted();
        fiber.enqueue(() -> accept(p));
        return p.result;
    }

    private void accept(Pending p) {
        p.submittedMillis = fiber.nowMillis();
        if (isOffline()) {
            finish(p, HttpOutcome.failed(HttpStatus.OFFLINE, name + " is offline after repeated failures", 0));
        } else if (inFlight < settings.maxConcurrentRequests()) {
            send(p);
        } else if (waiting.size() >= settings.maxQueuedRequests()) {
            finish(p, HttpOutcome.failed(HttpStatus.QUEUE_FULL,
                    "more than " + settings.maxQueuedRequests() + " requests waiting", 0));
        } else {
            waiting.add(p);
            p.timer = fiber.schedule(() -> queueTimedOut(p), settings.queueTimeoutMillis());
        }
    }

    private boolean isOffline() {
        return fiber.nowMillis() < offlineUntilMillis;
    }

    private void queueTimedOut(Pending p) {
        if (waiting.remove(p)) {
            finish(p, HttpOutcome.failed(HttpStatus.QUEUE_TIMEOUT,
                    "waited " + settings.queueTimeoutMillis() + " ms for a free request slot", elapsed(p)));
        }
    }

    private void send(Pending p) {
        inFlight++;
        p.timer = fiber.schedule(() -> answered(p, null, null, true), settings.requestTimeoutMillis());
        CompletionStage<HttpSender.Reply> reply;
        try {
            reply = sender.send(p.call, Duration.ofMillis(settings.requestTimeoutMillis()));
        } catch (RuntimeException e) {
            reply = CompletableFuture.failedFuture(e);
        }
        reply.whenComplete((r, error) -> fiber.enqueue(() -> answered(p, r, error, false)));
    }

    /** The answer, a failure, or the request timer: whichever comes first decides, the rest are ignored. */
    private void answered(Pending p, HttpSender.Reply reply, Throwable error, boolean timerFired) {
        if (p.result.isDone()) {
            return;
        }
        if (p.timer != null && !timerFired) {
            p.timer.cancel();
        }
        inFlight--;
        HttpOutcome outcome;
        if (timerFired || isTimeout(error)) {
            outcome = HttpOutcome.failed(HttpStatus.REQUEST_TIMEOUT,
                    "no answer within " + settings.requestTimeoutMillis() + " ms", elapsed(p));
        } else if (error != null) {
            outcome = HttpOutcome.failed(HttpStatus.ERROR, describe(error), elapsed(p));
        } else {
            int code = reply.statusCode();
            boolean ok = code >= 200 && code < 300;
            outcome = new HttpOutcome(ok ? HttpStatus.SUCCESS : HttpStatus.ERROR, code, reply.body(),
                    ok ? null : "HTTP " + code, elapsed(p));
        }
        trackHealth(outcome);
        finish(p, outcome);
        dispatchWaiting();
    }

    private static boolean isTimeout(Throwable error) {
        for (Throwable t = error; t != null; t = t.getCause()) {
            if (t instanceof java.net.http.HttpTimeoutException || t instanceof java.util.concurrent.TimeoutException) {
                return true;
            }
        }
        return false;
    }

    private static String describe(Throwable error) {
        Throwable t = error;
        while (t instanceof java.util.concurrent.CompletionException && t.getCause() != null) {
            t = t.getCause();
        }
        String m = t.getMessage();
        return t.getClass().getSimpleName() + (m == null ? "" : ": " + m);
    }

    /** Errors mean no answer or a server error; a 4xx is the service answering, so it keeps the target online. */
    private void trackHealth(HttpOutcome outcome) {
        boolean serverError = outcome.status() == HttpStatus.ERROR
                && (outcome.httpCode() == 0 || outcome.httpCode() >= 500);
        boolean timeout = outcome.status() == HttpStatus.REQUEST_TIMEOUT;
        consecutiveErrors = serverError ? consecutiveErrors + 1 : 0;
        consecutiveTimeouts = timeout ? consecutiveTimeouts + 1 : 0;
        if (consecutiveErrors >= settings.maxErrorRequests() || consecutiveTimeouts >= settings.maxTimedOutRequests()) {
            goOffline();
        }
    }

    private void goOffline() {
        offlineUntilMillis = fiber.nowMillis() + settings.reconnectIntervalMillis();
        LOG.log(System.Logger.Level.WARNING, "HTTP target {0} is offline for {1} ms after {2} errors / {3} timeouts"
                + " in a row", name, settings.reconnectIntervalMillis(), consecutiveErrors, consecutiveTimeouts);
        consecutiveErrors = 0;
        consecutiveTimeouts = 0;
        Pending p;
        while ((p = waiting.poll()) != null) {
            p.timer.cancel();
            finish(p, HttpOutcome.failed(HttpStatus.OFFLINE, name + " went offline", elapsed(p)));
        }
    }

    private void dispatchWaiting() {
        while (inFlight < settings.maxConcurrentRequests() && !waiting.isEmpty()) {
            Pending p = waiting.poll();
            p.timer.cancel();
            send(p);
        }
    }

    private long elapsed(Pending p) {
        return Math.max(0, fiber.nowMillis() - p.submittedMillis);
    }

    private void finish(Pending p, HttpOutcome outcome) {
        counters.record(outcome);
        p.result.complete(outcome);
    }

    /** One request on its way through the queue; touched only on the fiber. */
    private static final class Pending {
        final HttpCall call;
        final CompletableFuture<HttpOutcome> result;
        long submittedMillis;
        Cancellable timer;

        Pending(HttpCall call, CompletableFuture<HttpOutcome> result) {
            this.call = call;
            this.result = result;
        }
    }
}
