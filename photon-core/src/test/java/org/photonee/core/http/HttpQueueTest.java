package org.photonee.core.http;

import org.junit.jupiter.api.Test;
import org.photonee.core.fiber.ManualFiber;

import java.net.URI;
import java.net.http.HttpTimeoutException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class HttpQueueTest {
    private static final HttpCall CALL = HttpCall.get(URI.create("http://127.0.0.1:1/auth"), null);

    private final ManualFiber fiber = new ManualFiber();
    private final List<CompletableFuture<HttpSender.Reply>> sent = new ArrayList<>();
    private final HttpSender sender = (call, timeout) -> {
        CompletableFuture<HttpSender.Reply> f = new CompletableFuture<>();
        sent.add(f);
        return f;
    };

    /** Request timeout 1000 ms, queue timeout 500 ms, offline after 3 errors or 2 timeouts, for 10 s. */
    private HttpQueue queue(int concurrent, int queued) {
        return queue(concurrent, queued, 500);
    }

    private HttpQueue queue(int concurrent, int queued, long queueTimeout) {
        return new HttpQueue("test", new HttpQueueSettings(concurrent, queued, 1000, queueTimeout, 3, 2, 10_000,
                1024), sender, fiber);
    }

    private CompletableFuture<HttpOutcome> submit(HttpQueue q) {
        CompletableFuture<HttpOutcome> f = q.submit(CALL).toCompletableFuture();
        fiber.runPending();
        return f;
    }

    private void answer(int index, int status, String body) {
        sent.get(index).complete(new HttpSender.Reply(status, body.getBytes()));
        fiber.runPending();
    }

    @Test
    void answerCompletesWithBodyAndLatency() {
        HttpQueue q = queue(2, 2);
        CompletableFuture<HttpOutcome> f = submit(q);
        fiber.advance(40);
        answer(0, 200, "{\"ResultCode\":1}");
        HttpOutcome o = f.join();
        assertEquals(HttpStatus.SUCCESS, o.status());
        assertEquals(200, o.httpCode());
        assertEquals("{\"ResultCode\":1}", o.bodyText());
        assertEquals(40, o.latencyMillis());
        assertEquals(1, q.counters().snapshot().succeeded());
    }

    @Test
    void errorStatusKeepsTheBody() {
        HttpQueue q = queue(1, 1);
        CompletableFuture<HttpOutcome> f = submit(q);
        answer(0, 500, "{\"ResultCode\":2}");
        HttpOutcome o = f.join();
        assertEquals(HttpStatus.ERROR, o.status());
        assertEquals(500, o.httpCode());
        assertTrue(o.hasAnswer());
        assertEquals("{\"ResultCode\":2}", o.bodyText());
    }

    @Test
    void onlyMaxConcurrentAreInFlightAndTheRestWaitInOrder() {
        HttpQueue q = queue(2, 5);
        List<CompletableFuture<HttpOutcome>> all = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            all.add(submit(q));
        }
        assertEquals(2, sent.size(), "two in flight, two waiting");
        answer(0, 200, "a");
        assertEquals(3, sent.size(), "a freed slot sends the oldest waiting request");
        answer(2, 200, "c");
        answer(1, 200, "b");
        assertEquals(4, sent.size());
        answer(3, 200, "d");
        assertEquals(List.of("a", "b", "c", "d"), all.stream().map(f -> f.join().bodyText()).toList());
    }

    @Test
    void aFullQueueAnswersQueueFullAtOnce() {
        HttpQueue q = queue(1, 1);
        submit(q);
        submit(q);
        HttpOutcome third = submit(q).join();
        assertEquals(HttpStatus.QUEUE_FULL, third.status());
        assertEquals(1, sent.size());
        assertEquals(1, q.counters().snapshot().queueFull());
    }

    @Test
    void aRequestWaitingTooLongTimesOutWithoutBeingSent() {
        HttpQueue q = queue(1, 3);
        submit(q);
        CompletableFuture<HttpOutcome> waiting = submit(q);
        fiber.advance(499);
        assertFalse(waiting.isDone());
        fiber.advance(1);
        assertEquals(HttpStatus.QUEUE_TIMEOUT, waiting.join().status());
        answer(0, 200, "");
        assertEquals(1, sent.size(), "the timed-out request is never sent");
    }

    @Test
    void noAnswerWithinTheRequestTimeoutIsRequestTimeoutAndALateAnswerIsIgnored() {
        HttpQueue q = queue(1, 1, 5000);
        CompletableFuture<HttpOutcome> f = submit(q);
        CompletableFuture<HttpOutcome> next = submit(q);
        fiber.advance(1000);
        assertEquals(HttpStatus.REQUEST_TIMEOUT, f.join().status());
        assertEquals(2, sent.size(), "the slot is free again");
        answer(0, 200, "late");
        assertEquals(HttpStatus.REQUEST_TIMEOUT, f.join().status());
        answer(1, 200, "next");
        assertEquals("next", next.join().bodyText());
    }

    @Test
    void theSendersOwnTimeoutCountsAsRequestTimeout() {
        HttpQueue q = queue(1, 1);
        CompletableFuture<HttpOutcome> f = submit(q);
        sent.get(0).completeExceptionally(new HttpTimeoutException("request timed out"));
        fiber.runPending();
        assertEquals(HttpStatus.REQUEST_TIMEOUT, f.join().status());
    }

    @Test
    void repeatedErrorsTakeTheTargetOfflineUntilTheReconnectInterval() {
        HttpQueue q = queue(1, 5);
        for (int i = 0; i < 3; i++) {
            CompletableFuture<HttpOutcome> f = submit(q);
            sent.get(i).completeExceptionally(new java.net.ConnectException("Connection refused"));
            fiber.runPending();
            assertEquals(HttpStatus.ERROR, f.join().status());
            assertTrue(f.join().error().contains("Connection refused"), f.join().error());
        }
        HttpOutcome offline = submit(q).join();
        assertEquals(HttpStatus.OFFLINE, offline.status());
        assertEquals(3, sent.size(), "nothing is sent while offline");
        fiber.advance(10_000);
        CompletableFuture<HttpOutcome> probe = submit(q);
        assertEquals(4, sent.size(), "the first request after the interval is sent");
        answer(3, 200, "back");
        assertEquals(HttpStatus.SUCCESS, probe.join().status());
    }

    @Test
    void clientErrorsDoNotTakeTheTargetOffline() {
        HttpQueue q = queue(1, 5);
        for (int i = 0; i < 5; i++) {
            CompletableFuture<HttpOutcome> f = submit(q);
            answer(i, 404, "");
            assertEquals(HttpStatus.ERROR, f.join().status());
        }
        submit(q);
        assertEquals(6, sent.size());
    }

    @Test
    void repeatedTimeoutsTakeTheTargetOfflineAndFailTheWaitingRequests() {
        HttpQueue q = queue(1, 5, 5000);
        CompletableFuture<HttpOutcome> first = submit(q);
        CompletableFuture<HttpOutcome> second = submit(q);
        CompletableFuture<HttpOutcome> third = submit(q);
        fiber.advance(1000);
        assertEquals(HttpStatus.REQUEST_TIMEOUT, first.join().status());
        fiber.advance(1000);
        assertEquals(HttpStatus.REQUEST_TIMEOUT, second.join().status());
        assertEquals(HttpStatus.OFFLINE, third.join().status());
    }

    @Test
    void aSenderThatThrowsIsAnError() {
        HttpQueue q = new HttpQueue("t", HttpQueueSettings.DEFAULTS, (c, t) -> {
            throw new IllegalStateException("boom");
        }, fiber);
        CompletionStage<HttpOutcome> f = q.submit(CALL);
        fiber.runPending();
        assertEquals(HttpStatus.ERROR, f.toCompletableFuture().join().status());
    }
}
