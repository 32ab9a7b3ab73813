package org.photonee.core.master;

import org.photonee.core.codes.JoinMode;
import org.photonee.core.codes.ReturnCode;
import org.photonee.core.s2s.GameStateReport;

/**
 * The master's pre-check of a join against the game's last reported state (LOADBALANCING.md §2.7, §2.10). The game
 * server decides for real; checking here spares the client a trip to a game server that would refuse it. An
 * unconfirmed game has no reported state yet and is let through.
 */
public final class JoinRules {
    private JoinRules() {
    }

    /**
     * @param userId      the joining user
     * @param joinMode    a {@link JoinMode} code
     * @param addedUsers  expected users the joiner adds (AddUsers), which need free slots too
     */
    public static JoinDecision check(GameState game, String userId, int joinMode, int addedUsers) {
        GameStateReport r = game.report();
        if (r == null) {
            return JoinDecision.ALLOWED;
        }
        if (r.excludedUserIds().contains(userId)) {
            return JoinDecision.refused(ReturnCode.JOIN_FAILED_FOUND_EXCLUDED_USER_ID,
                    "User " + userId + " is excluded from game " + game.gameId());
        }
        boolean inactive = r.inactiveUserIds().contains(userId);
        boolean active = r.activeUserIds().contains(userId);
        boolean rejoinMode = joinMode == JoinMode.REJOIN_ONLY || joinMode == JoinMode.REJOIN_OR_JOIN;
        if (rejoinMode && (inactive || active)) {
            // A returning actor keeps its slot: neither IsOpen nor MaxPlayers stand in its way. One the last report
            // still shows active may have left as inactive since (the report lags the room: the soak saw rejoins
            // right after an acknowledged leave refused here), so the game server, which knows, decides.
            return JoinDecision.ALLOWED;
        }
        if (joinMode == JoinMode.REJOIN_ONLY) {
            if (r.playerTtl() == 0) {
                return JoinDecision.refused(ReturnCode.JOIN_FAILED_WITH_REJOINER_NOT_FOUND,
                        "Room does not support rejoining: PlayerTTL is 0");
            }
            return JoinDecision.refused(ReturnCode.JOIN_FAILED_WITH_REJOINER_NOT_FOUND,
                    "User " + userId + " has no inactive actor in game " + game.gameId());
        }
        if (r.checkUserOnJoin() && active) {
            return JoinDecision.refused(ReturnCode.JOIN_FAILED_FOUND_ACTIVE_JOINER,
                    "User " + userId + " is already active in game " + game.gameId());
        }
        if (r.checkUserOnJoin() && inactive) {
            return JoinDecision.refused(ReturnCode.JOIN_FAILED_FOUND_INACTIVE_JOINER,
                    "User " + userId + " has an inactive actor in game " + game.gameId() + "; rejoin instead");
        }
        if (!r.isOpen()) {
            return JoinDecision.refused(ReturnCode.GAME_CLOSED, "Game " + game.gameId() + " is closed");
        }
        return checkSlots(game, userId, addedUsers);
    }

    /** MaxPlayers counts active, inactive and still-expected players; an expected user has a slot already. */
    static JoinDecision checkSlots(GameState game, String userId, int addedUsers) {
        GameStateReport r = game.report();
        int max = r.maxPlayers();
        if (max == 0) {
            return JoinDecision.ALLOWED;
        }
        boolean expected = r.expectedUsers().contains(userId);
        int occupied = r.activeCount() + r.inactiveCount() + game.pendingExpectedUsers();
        int needed = expected ? 0 : 1;
        if (occupied + needed > max) {
            return JoinDecision.refused(ReturnCode.GAME_FULL, "Game " + game.gameId() + " is full");
        }
        if (occupied + needed + addedUsers > max) {
            return JoinDecision.refused(ReturnCode.SLOT_ERROR,
                    "Not enough free slots in game " + game.gameId() + " for the expected users");
        }
        return JoinDecision.ALLOWED;
    }
}
