package org.photonee.core.peer;

import org.photonee.core.codes.ReturnCode;
import org.photonee.core.protocol.OperationRequest;
import org.photonee.core.protocol.OperationResponse;

/**
 * Dispatches operation codes to handler methods through a 256-slot table rather than a switch that grows with
 * every operation. Built once per handler state and shared by all peers in that state.
 *
 * @param <S> the per-peer context the operations work on (a session object)
 */
public final class OperationTable<S> {
    /** One operation: returns the response to send, or null when it answers later (or never, like RaiseEvent). */
    @FunctionalInterface
    public interface Operation<S> {
        OperationResponse handle(S session, OperationRequest request, SendParameters sendParameters);
    }

    private final Operation<S>[] operations;
    private final Operation<S> fallback;

    private OperationTable(Operation<S>[] operations, Operation<S> fallback) {
        this.operations = operations;
        this.fallback = fallback;
    }

    public static <S> Builder<S> builder() {
        return new Builder<>();
    }

    public OperationResponse dispatch(S session, OperationRequest request, SendParameters sendParameters) {
        Operation<S> op = operations[request.code()];
        return (op != null ? op : fallback).handle(session, request, sendParameters);
    }

    public boolean handles(int code) {
        return operations[code] != null;
    }

    /** The answer to an operation code nobody handles; the connection stays open. */
    public static OperationResponse unknownOperation(OperationRequest request) {
        return OperationResponse.error(request.code(), ReturnCode.OPERATION_INVALID,
                "Unknown operation code " + request.code());
    }

    public static final class Builder<S> {
        @SuppressWarnings("unchecked")
        private final Operation<S>[] operations = new Operation[256];
        private Operation<S> fallback = (s, r, sp) -> unknownOperation(r);

        public Builder<S> on(int code, Operation<S> operation) {
            if (operations[code] != null) {
                throw new IllegalStateException("operation " + code + " registered twice");
            }
            operations[code] = operation;
            return this;
        }

        /** What to do for codes not registered; by default OperationInvalid "Unknown operation code N". */
        public Builder<S> otherwise(Operation<S> operation) {
            fallback = operation;
            return this;
        }

        public OperationTable<S> build() {
            return new OperationTable<>(operations.clone(), fallback);
        }
    }
}
