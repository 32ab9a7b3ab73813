package org.photonee.core.stats;

/** Receives measured durations (the container records them into a histogram). */
@FunctionalInterface
public interface LatencySink {
    LatencySink NONE = nanos -> { };

    void record(long nanos);
}
