package org.photonee.core.plugin;

import java.util.concurrent.CompletionStage;
import org.photonee.core.http.HttpCall;
import org.photonee.core.http.HttpOutcome;

/**
 * Where a room's HTTP requests go: an {@link org.photonee.core.http.HttpQueue} in the server ({@code queue::submit}),
 * a fake in tests. The stage completes off the room fiber and never exceptionally; the host posts it back.
 */
@FunctionalInterface
public interface PluginHttp {
    /** No HTTP configured: every request ends as {@code Offline}. */
    PluginHttp NONE = call -> java.util.concurrent.CompletableFuture.completedFuture(
            HttpOutcome.failed(org.photonee.core.http.HttpStatus.OFFLINE, "no HTTP client configured", 0));

    CompletionStage<HttpOutcome> submit(HttpCall call);
}
