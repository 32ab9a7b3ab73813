package org.photonee.core.master;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Predicate;
import java.util.random.RandomGenerator;
import org.photonee.core.codes.MatchmakingMode;

/**
 * Picks a game for JoinRandomGame from a lobby's games (in creation order) by matchmaking mode: FillRoom scans
 * from the oldest so rooms fill in creation order; SerialMatching resumes after the game it matched last time so
 * players spread round-robin; RandomMatching starts at a random position.
 */
final class RandomMatcher {
    private RandomMatcher() {
    }

    static Optional<GameState> find(AppLobby lobby, Predicate<GameState> eligible, int mode,
                                    RandomGenerator random) {
        List<GameState> games = new ArrayList<>(lobby.games());
        if (games.isEmpty()) {
            return Optional.empty();
        }
        int start = switch (mode) {
            case MatchmakingMode.SERIAL_MATCHING -> firstAfter(games, lobby.serialCursor());
            case MatchmakingMode.RANDOM_MATCHING -> random.nextInt(games.size());
            default -> 0;
        };
        for (int i = 0; i < games.size(); i++) {
            GameState game = games.get((start + i) % games.size());
            if (eligible.test(game)) {
                if (mode == MatchmakingMode.SERIAL_MATCHING) {
                    lobby.setSerialCursor(game.creationOrder());
                }
                return Optional.of(game);
            }
        }
        return Optional.empty();
    }

    private static int firstAfter(List<GameState> games, long cursor) {
        for (int i = 0; i < games.size(); i++) {
            if (games.get(i).creationOrder() > cursor) {
                return i;
            }
        }
        return 0;
    }
}
