package org.photonee.core.room;

import java.lang.reflect.Array;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import org.photonee.core.codes.GamePropertyKey;
import org.photonee.core.s2s.GameStateReport;

/**
 * What an operator sees of one room, copied on the room's fiber so it can be read anywhere: its actors, its
 * properties (values rendered as text, well-known keys by name), the event cache size and the plugin.
 *
 * @param plugin the room plugin's name; "default" for a room without one
 */
public record RoomSnapshot(String appId, String appVersion, String gameId, String lobbyName, int lobbyType,
                           boolean open, boolean visible, int maxPlayers, int playerTtl, int emptyRoomTtl,
                           int masterClientId, boolean persistent, List<ActorSnapshot> actors,
                           Map<String, String> properties, int cachedEvents, int cacheSlice, String plugin,
                           List<String> expectedUsers) {
    /** The plugin a room without one runs, as Photon names it. */
    public static final String DEFAULT_PLUGIN = "default";

    /** One actor: number, user, whether it is connected, and its properties rendered as text. */
    public record ActorSnapshot(int actorNr, String userId, String nickname, boolean active,
                                Map<String, String> properties) {
    }

    /** Copies the room's state; call on the room's fiber. */
    public static RoomSnapshot of(Room room) {
        List<ActorSnapshot> actors = new ArrayList<>();
        for (Actor a : room.actors()) {
            actors.add(new ActorSnapshot(a.actorNr(), a.userId(), a.nickname(), a.isActive(),
                    render(a.properties(), ACTOR_KEY_NAMES)));
        }
        GameStateReport report = room.stateReport();
        EventCache cache = room.cache();
        return new RoomSnapshot(room.appId(), room.appVersion(), room.gameId(), report.lobbyName(),
                report.lobbyType(), room.isOpen(), room.isVisible(), room.maxPlayers(), room.playerTtl(),
                room.emptyRoomTtl(), room.masterClientId(), room.isPersistent(), List.copyOf(actors),
                render(room.gameProperties(), GAME_KEY_NAMES), cache.roomEventCount(), cache.currentSlice(), pluginName(room),
                room.expectedUsers());
    }

    /**
     * Takes a snapshot on the room's fiber. Completes empty-handed ({@code null}) when the room was unloaded before
     * its turn came; the caller waits with a timeout, never the fiber.
     */
    public static CompletableFuture<RoomSnapshot> take(Room room) {
        CompletableFuture<RoomSnapshot> result = new CompletableFuture<>();
        room.fiber().enqueue(() -> {
            try {
                result.complete(room.isUnloaded() ? null : of(room));
            } catch (RuntimeException e) {
                result.completeExceptionally(e);
            }
        });
        return result;
    }

    private static String pluginName(Room room) {
        var plugin = room.plugin();
        return plugin == null || plugin.name() == null ? DEFAULT_PLUGIN : plugin.name();
    }

    public int activeCount() {
        return (int) actors.stream().filter(ActorSnapshot::active).count();
    }

    private static final Map<Object, String> GAME_KEY_NAMES = Map.of(
            GamePropertyKey.MAX_PLAYERS, "MaxPlayers", GamePropertyKey.IS_VISIBLE, "IsVisible",
            GamePropertyKey.IS_OPEN, "IsOpen", GamePropertyKey.LOBBY_PROPERTIES, "LobbyProperties",
            GamePropertyKey.MASTER_CLIENT_ID, "MasterClientId", GamePropertyKey.EXPECTED_USERS, "ExpectedUsers",
            GamePropertyKey.PLAYER_TTL, "PlayerTtl", GamePropertyKey.EMPTY_ROOM_TTL, "EmptyRoomTtl",
            GamePropertyKey.PLAYER_COUNT, "PlayerCount");

    /** Actor properties' well-known byte keys share numbers with the game's (255 is MaxPlayers there). */
    private static final Map<Object, String> ACTOR_KEY_NAMES = Map.of(
            org.photonee.core.codes.ActorPropertyKey.NICKNAME, "NickName",
            org.photonee.core.codes.ActorPropertyKey.IS_INACTIVE, "IsInactive",
            org.photonee.core.codes.ActorPropertyKey.USER_ID, "UserId");

    /** Property tables as text: well-known byte keys by name, strings quoted, arrays and tables spelled out. */
    static Map<String, String> render(Map<Object, Object> table, Map<Object, String> keyNames) {
        Map<String, String> out = new LinkedHashMap<>();
        for (Map.Entry<Object, Object> e : table.entrySet()) {
            Object key = e.getKey();
            String name = keyNames.get(key);
            out.put(name != null ? name : key instanceof String s ? s : describe(key), describe(e.getValue()));
        }
        return out;
    }

    /** A value as an operator reads it; bounded so a huge property cannot blow up a page. */
    static String describe(Object value) {
        String text = describeUnbounded(value);
        return text.length() > MAX_VALUE_CHARS ? text.substring(0, MAX_VALUE_CHARS) + "…" : text;
    }

    /** Longest rendered property value. */
    static final int MAX_VALUE_CHARS = 200;

    private static String describeUnbounded(Object value) {
        if (value == null) {
            return "null";
        }
        if (value instanceof String s) {
            return '"' + s + '"';
        }
        if (value instanceof byte[] bytes) {
            return "byte[" + bytes.length + "]";
        }
        if (value.getClass().isArray()) {
            StringBuilder sb = new StringBuilder("[");
            int n = Array.getLength(value);
            for (int i = 0; i < n && sb.length() <= MAX_VALUE_CHARS; i++) {
                sb.append(i == 0 ? "" : ", ").append(describeUnbounded(Array.get(value, i)));
            }
            return sb.append(']').toString();
        }
        if (value instanceof Map<?, ?> map) {
            StringBuilder sb = new StringBuilder("{");
            for (Map.Entry<?, ?> e : map.entrySet()) {
                if (sb.length() > MAX_VALUE_CHARS) {
                    break;
                }
                sb.append(sb.length() == 1 ? "" : ", ").append(describeUnbounded(e.getKey())).append('=')
                        .append(describeUnbounded(e.getValue()));
            }
            return sb.append('}').toString();
        }
        if (value instanceof Byte b) {
            return "(byte) " + (b & 0xFF);
        }
        return String.valueOf(value);
    }
}
