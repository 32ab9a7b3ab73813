package org.photonee.core.protocol;

import java.util.Objects;

/**
 * An operation request from a client or another server.
 *
 * @param code       operation code, 0..255
 * @param parameters the request's parameter table (never null)
 * @param internal   true for framework-level operations (ping, init encryption): Protocol16 message type 6,
 *                   Json {@code irq}
 */
public record OperationRequest(int code, Parameters parameters, boolean internal) implements Message {
    public OperationRequest {
        Objects.requireNonNull(parameters, "parameters");
    }

    public OperationRequest(int code, Parameters parameters) {
        this(code, parameters, false);
    }

    public OperationRequest(int code) {
        this(code, new Parameters(), false);
    }
}
