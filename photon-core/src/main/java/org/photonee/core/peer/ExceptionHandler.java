package org.photonee.core.peer;

import org.photonee.core.codes.ReturnCode;
import org.photonee.core.protocol.OperationRequest;
import org.photonee.core.protocol.OperationResponse;

/**
 * Maps an exception that escaped an operation handler to the response the client gets. The framework has already
 * logged the exception with its stack under {@code correlationId}; the default answers InternalServerError (-1)
 * naming the id so a player's report can be matched to the log line. Applications install their own to map their
 * exception types to specific codes.
 */
@FunctionalInterface
public interface ExceptionHandler {
    ExceptionHandler DEFAULT = (peer, request, error, correlationId) -> OperationResponse.error(request.code(),
            ReturnCode.INTERNAL_SERVER_ERROR, "Internal server error (ref " + correlationId + ")");

    OperationResponse toResponse(PeerBase peer, OperationRequest request, Throwable error, String correlationId);
}
