package org.photonee.core.http;

import java.time.Duration;
import java.util.concurrent.CompletionStage;

/** Sends one request and delivers the answer; the seam under {@link HttpQueue} (tests plug in their own). */
@FunctionalInterface
public interface HttpSender {
    /**
     * @param timeout how long to wait for the answer
     * @return the answer (any status), or a stage failed with the cause (connection refused, timeout, body too
     *         large); may complete on any thread
     */
    CompletionStage<Reply> send(HttpCall call, Duration timeout);

    /** An HTTP answer: status and body. */
    record Reply(int statusCode, byte[] body) {
    }
}
