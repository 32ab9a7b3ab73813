package org.photonee.client;

import java.util.Map;
import org.photonee.core.codes.GamePropertyKey;
import org.photonee.core.protocol.Values;

/**
 * A room as listed in a lobby (GameList / GameListUpdate events): its name and lobby-visible properties.
 *
 * @param name       room name
 * @param properties lobby-visible properties, well-known byte keys included (unmodifiable)
 */
public record RoomInfo(String name, Map<Object, Object> properties) {
    public int playerCount() {
        return Values.toInt(Properties.wellKnown(properties, GamePropertyKey.PLAYER_COUNT), 0);
    }

    public int maxPlayers() {
        return Values.toInt(Properties.wellKnown(properties, GamePropertyKey.MAX_PLAYERS), 0);
    }

    public boolean isOpen() {
        return Values.toBoolean(Properties.wellKnown(properties, GamePropertyKey.IS_OPEN), true);
    }

    /** True in a list update that says the room is gone. */
    public boolean isRemoved() {
        return Values.toBoolean(Properties.wellKnown(properties, GamePropertyKey.REMOVED), false);
    }
}
