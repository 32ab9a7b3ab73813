package org.photonee.core.peer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;
import org.photonee.core.codes.ReturnCode;
import org.photonee.core.protocol.OperationRequest;
import org.photonee.core.protocol.OperationResponse;

class OperationTableTest {
    @Test
    void dispatchesByCodeAndAnswersUnknownCodesWithOperationInvalid() {
        OperationTable<StringBuilder> table = OperationTable.<StringBuilder>builder()
                .on(230, (log, r, sp) -> {
                    log.append("auth");
                    return OperationResponse.ok(230);
                })
                .build();
        StringBuilder log = new StringBuilder();
        assertEquals(0, table.dispatch(log, new OperationRequest(230), SendParameters.DEFAULT).returnCode());
        assertEquals("auth", log.toString());
        OperationResponse unknown = table.dispatch(log, new OperationRequest(99), SendParameters.DEFAULT);
        assertEquals(ReturnCode.OPERATION_INVALID, unknown.returnCode());
        assertEquals("Unknown operation code 99", unknown.debugMessage());
        assertEquals(99, unknown.code());
    }

    @Test
    void registeringACodeTwiceIsAProgrammingError() {
        OperationTable.Builder<Object> b = OperationTable.builder().on(1, (s, r, sp) -> null);
        assertThrows(IllegalStateException.class, () -> b.on(1, (s, r, sp) -> null));
    }
}
