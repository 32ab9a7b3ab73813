package org.photonee.core.master;

import org.photonee.core.codes.ReturnCode;

/**
 * The result of matchmaking: the game to send the client to, or the code and message of the refusal.
 *
 * @param game       the game, null when refused
 * @param returnCode 0 when found
 * @param message    debug message of a refusal
 */
record MatchOutcome(GameState game, short returnCode, String message) {
    static MatchOutcome found(GameState game) {
        return new MatchOutcome(game, ReturnCode.OK, null);
    }

    static MatchOutcome refused(short returnCode, String message) {
        return new MatchOutcome(null, returnCode, message);
    }

    boolean isFound() {
        return game != null;
    }
}
