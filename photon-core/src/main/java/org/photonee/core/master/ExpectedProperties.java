package org.photonee.core.master;

import java.util.Map;
import org.photonee.core.codes.GamePropertyKey;
import org.photonee.core.protocol.Values;

/**
 * JoinRandomGame's expected properties in a Default or AsyncRandom lobby: every entry must equal the game's value
 * exactly. Only what the lobby can see takes part: the game's lobby properties, MaxPlayers and IsOpen; a key the
 * game does not list never matches. Numbers compare by value, because the same 4 arrives as a byte from a binary
 * client and as an int from a JavaScript one.
 */
final class ExpectedProperties {
    private ExpectedProperties() {
    }

    static boolean match(Map<Object, Object> expected, GameState game) {
        for (Map.Entry<Object, Object> e : expected.entrySet()) {
            Object key = e.getKey();
            Object actual;
            if (GamePropertyKey.MAX_PLAYERS.equals(key)) {
                actual = game.maxPlayers();
            } else if (GamePropertyKey.IS_OPEN.equals(key)) {
                actual = game.isOpen();
            } else if (key instanceof String && game.lobbyProperties().containsKey(key)) {
                actual = game.lobbyProperties().get(key);
            } else {
                return false;
            }
            if (!sameValue(e.getValue(), actual)) {
                return false;
            }
        }
        return true;
    }

    static boolean sameValue(Object a, Object b) {
        if (a instanceof Number x && b instanceof Number y) {
            if (Values.isIntegral(x) && Values.isIntegral(y)) {
                return Values.toLong(x) == Values.toLong(y);
            }
            return x.doubleValue() == y.doubleValue();
        }
        return Values.deepEquals(a, b);
    }
}
