package org.photonee.core.protocol;

import java.util.Objects;

/**
 * The answer to an operation request.
 *
 * @param code         the operation code answered, 0..255
 * @param returnCode   0 on success, else a {@code ReturnCode}
 * @param debugMessage human-readable detail, may be null
 * @param parameters   the response's parameter table (never null)
 * @param internal     true for answers to internal operations (Protocol16 type 7, Json {@code irs})
 */
public record OperationResponse(int code, short returnCode, String debugMessage, Parameters parameters, boolean internal)
        implements Message {
    public OperationResponse {
        Objects.requireNonNull(parameters, "parameters");
    }

    public OperationResponse(int code, short returnCode, String debugMessage, Parameters parameters) {
        this(code, returnCode, debugMessage, parameters, false);
    }

    public static OperationResponse ok(int code, Parameters parameters) {
        return new OperationResponse(code, (short) 0, null, parameters, false);
    }

    public static OperationResponse ok(int code) {
        return ok(code, new Parameters());
    }

    public static OperationResponse error(int code, short returnCode, String debugMessage) {
        return new OperationResponse(code, returnCode, debugMessage, new Parameters(), false);
    }

    public boolean isOk() {
        return returnCode == 0;
    }
}
