package org.photonee.core.peer;

import java.util.Objects;
import org.photonee.core.fiber.FiberFactory;

/**
 * What every peer of an application shares: where its fibers come from, its limits, and how escaped exceptions
 * become responses.
 */
public record PeerEnvironment(FiberFactory fibers, PeerSettings settings, ExceptionHandler exceptionHandler) {
    public PeerEnvironment {
        Objects.requireNonNull(fibers, "fibers");
        settings = settings == null ? PeerSettings.DEFAULTS : settings;
        exceptionHandler = exceptionHandler == null ? ExceptionHandler.DEFAULT : exceptionHandler;
    }

    public PeerEnvironment(FiberFactory fibers) {
        this(fibers, PeerSettings.DEFAULTS, ExceptionHandler.DEFAULT);
    }
}
