package org.photonee.core.fiber;

/** A handle to a scheduled action. Cancelling twice, or after the action ran, does nothing. */
@FunctionalInterface
public interface Cancellable {
    Cancellable NONE = () -> { };

    void cancel();
}
