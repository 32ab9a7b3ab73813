package org.photonee.core.http;

/** How a queued HTTP request ended, with the numbers of Photon's HttpRequestQueueResult (plugins see them). */
public enum HttpStatus {
    /** An answer with a 2xx status arrived. */
    SUCCESS(0),
    /** No answer within the request timeout. */
    REQUEST_TIMEOUT(1),
    /** The request waited in the queue longer than the queue timeout and was never sent. */
    QUEUE_TIMEOUT(2),
    /** The target failed repeatedly and is paused; the request was never sent. */
    OFFLINE(3),
    /** The queue held its maximum of waiting requests; the request was never sent. */
    QUEUE_FULL(4),
    /** The connection failed, the answer was unusable, or its HTTP status was not 2xx (the body is kept). */
    ERROR(5);

    private final int code;

    HttpStatus(int code) {
        this.code = code;
    }

    public int code() {
        return code;
    }
}
