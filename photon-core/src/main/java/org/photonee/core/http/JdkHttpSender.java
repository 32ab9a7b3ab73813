package org.photonee.core.http;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.ByteBuffer;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.Executor;
import java.util.concurrent.Flow;

/**
 * Sends requests with the JDK's {@link HttpClient}, asynchronously. Answers larger than the limit fail instead of
 * filling memory: a web service's answer is untrusted input.
 */
public final class JdkHttpSender implements HttpSender {
    private final HttpClient client;
    private final int maxResponseBytes;

    /**
     * @param executor runs the client's callbacks (the container's managed executor); null = the JDK's default
     */
    public JdkHttpSender(Executor executor, Duration connectTimeout, int maxResponseBytes) {
        HttpClient.Builder b = HttpClient.newBuilder().connectTimeout(connectTimeout)
                .followRedirects(HttpClient.Redirect.NEVER).version(HttpClient.Version.HTTP_1_1);
        if (executor != null) {
            b.executor(executor);
        }
        this.client = b.build();
        this.maxResponseBytes = maxResponseBytes;
    }

    @Override
    public CompletionStage<Reply> send(HttpCall call, Duration timeout) {
        HttpRequest.Builder r = HttpRequest.newBuilder(call.uri()).timeout(timeout);
        call.headers().forEach(r::header);
        r.method(call.method(), call.body() == null
                ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofByteArray(call.body()));
        return client.sendAsync(r.build(), info -> new BoundedBody(maxResponseBytes))
                .thenApply(response -> new Reply(response.statusCode(), response.body()));
    }

    /** Collects the body and gives up (cancelling the stream) once it passes the limit. */
    static final class BoundedBody implements HttpResponse.BodySubscriber<byte[]> {
        private final int limit;
        private final ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        private final CompletableFuture<byte[]> result = new CompletableFuture<>();
        private Flow.Subscription subscription;

        BoundedBody(int limit) {
            this.limit = limit;
        }

        @Override
        public CompletionStage<byte[]> getBody() {
            return result;
        }

        @Override
        public void onSubscribe(Flow.Subscription s) {
            subscription = s;
            s.request(Long.MAX_VALUE);
        }

        @Override
        public void onNext(List<ByteBuffer> items) {
            if (result.isDone()) {
                return;
            }
            for (ByteBuffer b : items) {
                if (bytes.size() + b.remaining() > limit) {
                    subscription.cancel();
                    result.completeExceptionally(new IOException("answer larger than " + limit + " bytes"));
                    return;
                }
                byte[] chunk = new byte[b.remaining()];
                b.get(chunk);
                bytes.writeBytes(chunk);
            }
        }

        @Override
        public void onError(Throwable t) {
            result.completeExceptionally(t);
        }

        @Override
        public void onComplete() {
            result.complete(bytes.toByteArray());
        }
    }
}
