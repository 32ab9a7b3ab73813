/**
 * Outbound HTTP for custom authentication, webhooks and WebRPC: one {@link org.photonee.core.http.HttpQueue} per
 * target service, with Photon's limits (concurrent and queued requests, request and queue timeouts, an offline
 * period after repeated failures) and counters. A queue never blocks its caller and never throws: every
 * {@link org.photonee.core.http.HttpQueue#submit submit} completes with an
 * {@link org.photonee.core.http.HttpOutcome} whose {@link org.photonee.core.http.HttpStatus} carries Photon's
 * HttpRequestQueueResult code. Outcomes complete on the queue's own fiber, so a caller posts its reaction onto its
 * own fiber (a peer's or a room's). The bytes travel through an {@link org.photonee.core.http.HttpSender}; in the
 * container that is {@link org.photonee.core.http.JdkHttpSender} on the JDK's client.
 */
package org.photonee.core.http;
