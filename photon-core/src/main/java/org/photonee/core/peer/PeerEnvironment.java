package org.photonee.core.peer;

import org.photonee.core.fiber.FiberFactory;
import org.photonee.core.stats.NodeStats;

import java.util.Objects;

/**
 * What every peer of an application shares: where its fibers come from, its limits, how escaped exceptions become
 * responses, and the node's counters. The limits can be replaced while running ({@link #updateSettings}): rate,
 * strikes and inactivity apply to every peer at its next check; message size and decoding limits to peers that
 * connect afterwards.
 */
public final class PeerEnvironment {
    private final FiberFactory fibers;
    private final ExceptionHandler exceptionHandler;
    private final NodeStats stats;
    private volatile PeerSettings settings;

    public PeerEnvironment(FiberFactory fibers, PeerSettings settings, ExceptionHandler exceptionHandler,
                           NodeStats stats) {
        this.fibers = Objects.requireNonNull(fibers, "fibers");
        this.settings = settings == null ? PeerSettings.DEFAULTS : settings;
        this.exceptionHandler = exceptionHandler == null ? ExceptionHandler.DEFAULT : exceptionHandler;
        this.stats = stats == null ? new NodeStats() : stats;
    }

    public PeerEnvironment(FiberFactory fibers, PeerSettings settings, ExceptionHandler exceptionHandler) {
        this(fibers, settings, exceptionHandler, null);
    }

    public PeerEnvironment(FiberFactory fibers) {
        this(fibers, PeerSettings.DEFAULTS, ExceptionHandler.DEFAULT);
    }

    public FiberFactory fibers() {
        return fibers;
    }

    /** The limits in force now. */
    public PeerSettings settings() {
        return settings;
    }

    public ExceptionHandler exceptionHandler() {
        return exceptionHandler;
    }

    public NodeStats stats() {
        return stats;
    }

    /** Replaces the limits (an operator changed a key); see the class comment for when each applies. */
    public void updateSettings(PeerSettings newSettings) {
        settings = Objects.requireNonNull(newSettings, "settings");
    }
}
