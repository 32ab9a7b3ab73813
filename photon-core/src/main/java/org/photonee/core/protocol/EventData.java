package org.photonee.core.protocol;

import java.util.Objects;

/**
 * An event pushed to clients.
 *
 * @param code       event code, 0..255
 * @param parameters the event's parameter table (never null)
 */
public record EventData(int code, Parameters parameters) implements Message {
    public EventData {
        Objects.requireNonNull(parameters, "parameters");
    }

    public EventData(int code) {
        this(code, new Parameters());
    }
}
