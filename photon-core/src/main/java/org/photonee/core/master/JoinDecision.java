package org.photonee.core.master;

import org.photonee.core.codes.ReturnCode;

/**
 * Whether a client may go to a game, and if not the code and message it gets.
 *
 * @param returnCode 0 when allowed
 * @param message    debug message for a refusal, null when allowed
 */
public record JoinDecision(short returnCode, String message) {
    public static final JoinDecision ALLOWED = new JoinDecision(ReturnCode.OK, null);

    public static JoinDecision refused(short returnCode, String message) {
        return new JoinDecision(returnCode, message);
    }

    public boolean isAllowed() {
        return returnCode == ReturnCode.OK;
    }
}
